"""The home page (one per locale) and free-content pages."""

from django.apps import apps
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import BodyBlock
from ..listing import Section, Sections, get_page, page_groups
from ..routes import LocalizedRoutesMixin, localized_route
from .base import BasePage, live_now
from .vocabularies import Schlagwort

# Page types that carry Schlagwörter (each with a ``tagged_items`` relation), named
# by string so imports flow one way. The one list: the keyword page, the keyword
# moderation (home/moderation.py, the Prüfliste) and the search facets read it.
TAGGED_PAGE_MODELS = (
    "regions.RegionPage",
    "events.EventPage",
    "news.NewsPage",
    "practice.PracticePage",
)
# The keyword page lists them in this order, each sorted so pages never overlap.
KEYWORD_PAGE_ORDER = {
    "regions.RegionPage": ("title", "pk"),
    "events.EventPage": ("-start", "-pk"),
    "news.NewsPage": ("-date", "-pk"),
    "practice.PracticePage": ("title", "pk"),
}
KEYWORD_ITEMS_PER_PAGE = 20


class HomePage(LocalizedRoutesMixin, RoutablePageMixin, BasePage):
    """The start page of one language tree (/de/, /en/). Shows the newest news,
    upcoming events and the regions; also answers /de/schlagwort/<slug>/ and
    /en/keyword/<slug>/ (home/routes.py)."""

    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "regions.RegionIndexPage",
        "events.EventIndexPage",
        "news.NewsIndexPage",
        "criteria.CriteriaIndexPage",
        "practice.PracticeIndexPage",
        "accessibility.EasyReadPage",
        "accessibility.SignLanguagePage",
        "accessibility.AccessibilityStatementPage",
    ]

    class Meta:
        verbose_name = _("Startseite")

    def _child_page(self, model: str):
        return live_now(apps.get_model(model).objects.child_of(self)).public().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        event_model = apps.get_model("events.EventPage")
        news_model = apps.get_model("news.NewsPage")
        region_model = apps.get_model("regions.RegionPage")
        context["upcoming_events"] = (
            event_model.listing_queryset(self.locale)
            .filter(end__gte=timezone.now())
            .order_by("start")[:3]
        )
        context["latest_news"] = news_model.listing_queryset(self.locale).order_by("-date", "-pk")[
            :3
        ]
        context["regions"] = region_model.listing_queryset(self.locale).order_by(
            "bundesland__name", "title"
        )
        context["event_index"] = self._child_page("events.EventIndexPage")
        context["news_index"] = self._child_page("news.NewsIndexPage")
        context["region_index"] = self._child_page("regions.RegionIndexPage")
        return context

    @path(localized_route("schlagwort/<str:slug>/"), name="schlagwort")
    def schlagwort(self, request, slug: str):
        """Everything published in this language that carries one keyword: regions,
        events (newest first), news (newest first), practice examples (by title;
        TAGGED_PAGE_MODELS, KEYWORD_PAGE_ORDER), as one list paginated by
        ``?seite=N`` (home/listing.py). ``slug`` is the keyword's slug in this
        language; a keyword without one answers to its German slug, and a translated
        keyword's German slug redirects to its own."""
        tag = find_keyword(self.locale, slug)
        label = tag.localized(self.locale.language_code)
        if label.slug != slug:
            route = self.reverse_subpage("schlagwort", kwargs={"slug": label.slug})
            return redirect(self.get_url(request) + route, permanent=True)
        sections = []
        for model_name in TAGGED_PAGE_MODELS:
            model = apps.get_model(model_name)
            pages = model.listing_queryset(self.locale).filter(tagged_items__tag=tag)
            sections.append(
                Section(
                    model._meta.label_lower,
                    pages.order_by(*KEYWORD_PAGE_ORDER[model_name]),
                    model._meta.verbose_name_plural,
                )
            )
        items_page = get_page(request, Sections(sections), KEYWORD_ITEMS_PER_PAGE)
        return TemplateResponse(
            request,
            "home/schlagwort_page.html",
            {
                "page": self,
                "self": self,
                "tag": tag,
                "keyword": label,
                "items_page": items_page,
                "groups": page_groups(items_page),
                "request": request,
            },
        )

    @path("schlagwort/<str:slug>/", name="schlagwort_old_spelling")
    def schlagwort_old_spelling(self, request, slug: str):
        """/en/schlagwort/<slug>/ (the German spelling): 301 to /en/keyword/<slug>/.
        On German pages the route above answers first."""
        return self.legacy_route_redirect(request, "schlagwort", slug=slug)


def find_keyword(locale, slug: str) -> Schlagwort:
    """The public keyword whose slug in ``locale`` is ``slug``, else the one whose
    German slug it is (404 if none)."""
    public = Schlagwort.objects.public()
    translated = public.filter(translations__locale=locale, translations__slug=slug).first()
    return translated or get_object_or_404(public, slug=slug)


class StandardPage(BasePage):
    """Free content such as "Unsere Vision", "Unsere Unterstützung", Impressum or
    Datenschutz; sits under the home page or another standard page."""

    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")
