"""Regions: the Kommunen (Landkreise, kreisfreie Städte) and their networks."""

from urllib.parse import urlencode

from django.db import models
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.listing import get_page
from home.models import BasePage
from home.models.base import SchlagwortItemBase, live_now, public_linked_pages
from home.routes import LocalizedRoutesMixin, localized_route
from materials.models import public_material_links

# A region page shows this many upcoming events, this many past ones and
# news, each with a link to the calendar or news list filtered by the region.
REGION_LISTING_SIZE = 5
# ... and this many of its materials, the rest on <region>/materialien/ (paginated).
REGION_MATERIALS_SHOWN = 10
MATERIALS_PER_PAGE = 20


class RegionKind(models.TextChoices):
    LANDKREIS = "landkreis", _("Landkreis")
    KREISFREIE_STADT = "kreisfreie_stadt", _("Kreisfreie Stadt")


class RegionRole(models.TextChoices):
    MODELLREGION = "modellregion", _("Modellregion")
    PARTNERKOMMUNE = "partnerkommune", _("Partnerkommune")


class ProcessPhase(models.TextChoices):
    INTERESSE = "interesse", _("Interesse bekundet")
    AUFBAU = "aufbau", _("Aufbau der Vernetzungsstruktur")
    UMSETZUNG = "umsetzung", _("Umsetzung")
    VERSTETIGUNG = "verstetigung", _("Verstetigung")


class RegionIndexPage(BasePage):
    """The list of regions (/de/regionen/), grouped by Bundesland. One per language."""

    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["regions.RegionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Regionenübersicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        regions = (
            RegionPage.listing_queryset(self.locale)
            .child_of(self)
            .order_by("bundesland__name", "title")
        )
        groups: dict = {}
        for region in regions:
            groups.setdefault(region.bundesland, []).append(region)
        context["groups"] = [{"bundesland": k, "regions": v} for k, v in groups.items()]
        return context


class RegionPageTag(SchlagwortItemBase):
    content_object = ParentalKey(
        "regions.RegionPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class RegionPage(LocalizedRoutesMixin, RoutablePageMixin, BasePage):
    """One Kommune and its health-promotion network, under the region list. Its
    child "Ergebnisse" pages hold detailed results visible to the network only;
    materialien/ lists all its materials."""

    kind = models.CharField(_("Art"), max_length=20, choices=RegionKind.choices)
    role = models.CharField(_("Rolle"), max_length=20, choices=RegionRole.choices)
    bundesland = models.ForeignKey(
        "home.Bundesland", on_delete=models.PROTECT, related_name="+", verbose_name=_("Bundesland")
    )
    network_name = models.CharField(_("Name des Netzwerks"), max_length=255, blank=True)
    process_phase = models.CharField(
        _("Prozessphase"), max_length=20, choices=ProcessPhase.choices, blank=True
    )
    joined = models.DateField(_("Beigetreten am"), null=True, blank=True)
    intro = models.TextField(_("Kurzbeschreibung"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Inhalt"))
    tags = ClusterTaggableManager(through=RegionPageTag, blank=True, verbose_name=_("Schlagwörter"))

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("role"),
                FieldPanel("bundesland"),
                FieldPanel("network_name"),
                FieldPanel("process_phase"),
                FieldPanel("joined"),
            ],
            heading=_("Kommune und Netzwerk"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("contacts", label=_("Kontakte")),
        InlinePanel("partners", label=_("Partner")),
        InlinePanel("material_links", label=_("Materialien")),
        InlinePanel("criterion_links", label=_("Good-Practice-Kriterien")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("network_name"),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("bundesland"),
        index.FilterField("role"),
        index.RelatedFields("tags", [index.SearchField("name"), index.FilterField("slug")]),
    ]
    listing_select_related = ("bundesland",)

    parent_page_types = ["regions.RegionIndexPage"]
    subpage_types = ["regions.RegionResultsPage"]

    class Meta:
        verbose_name = _("Region")
        verbose_name_plural = _("Regionen")

    @property
    def listing_summary(self) -> str:
        return self.intro or self.search_description

    def public_material_links(self):
        """Links to the region's public materials (approved, unrestricted), in order."""
        return public_material_links(self.material_links)

    def _filtered_index_url(self, request, model_name: str) -> str:
        """URL of this language's calendar or news list filtered by this region
        ("" if there is none)."""
        from django.apps import apps

        model = apps.get_model(model_name)
        index = live_now(model.objects.filter(locale_id=self.locale_id)).public().first()
        if index is None:
            return ""
        return f"{index.get_url(request)}?{urlencode({'region': self.slug})}"

    def get_context(self, request, *args, **kwargs):
        from events.models import EventPage, EventRegion
        from news.models import NewsPage, NewsRegion

        context = super().get_context(request, *args, **kwargs)
        context["contacts"] = list(self.contacts.all())
        material_links = self.public_material_links()
        context["materials"] = [link.document for link in material_links[:REGION_MATERIALS_SHOWN]]
        context["materials_count"] = (
            material_links.count()
            if len(context["materials"]) == REGION_MATERIALS_SHOWN
            else len(context["materials"])
        )
        context["criteria"] = public_linked_pages(self.criterion_links, "criterion", self.locale)

        events = EventPage.listing_queryset(self.locale).filter(
            pk__in=EventRegion.objects.filter(region__translation_key=self.translation_key).values(
                "page_id"
            )
        )
        # The next few and the latest few past events, read in one query (the two
        # limited lists as subqueries), then split: upcoming soonest first, past
        # newest first.
        now = timezone.now()
        upcoming = events.filter(end__gte=now).order_by("start", "pk").values("pk")
        past = events.filter(end__lt=now).order_by("-start", "-pk").values("pk")
        shown = list(
            events.filter(
                Q(pk__in=upcoming[:REGION_LISTING_SIZE]) | Q(pk__in=past[:REGION_LISTING_SIZE])
            )
        )
        context["upcoming_events"] = sorted(
            (event for event in shown if event.end >= now), key=lambda e: (e.start, e.pk)
        )
        context["past_events"] = sorted(
            (event for event in shown if event.end < now),
            key=lambda e: (e.start, e.pk),
            reverse=True,
        )
        context["news"] = list(
            NewsPage.listing_queryset(self.locale)
            .filter(
                pk__in=NewsRegion.objects.filter(
                    region__translation_key=self.translation_key
                ).values("page_id")
            )
            .order_by("-date", "-pk")[:REGION_LISTING_SIZE]
        )
        if shown:
            events_url = self._filtered_index_url(request, "events.EventIndexPage")
            context["events_url"] = events_url
            context["events_feed_url"] = events_url.replace("?", "feed.ics?", 1)
        if context["news"]:
            context["news_url"] = self._filtered_index_url(request, "news.NewsIndexPage")
        return context

    @path(localized_route("materialien/"), name="materials")  # /en/…/materials/
    def all_materials(self, request):
        """All public materials of the region, paginated (?seite=N)."""
        materials_page = get_page(request, self.public_material_links(), MATERIALS_PER_PAGE)
        return TemplateResponse(
            request,
            "regions/region_materials.html",
            {
                "page": self,
                "self": self,
                "materials_page": materials_page,
                "materials": [link.document for link in materials_page.object_list],
                "request": request,
            },
        )

    @path("materialien/", name="materials_old_spelling")
    def materials_old_spelling(self, request):
        """/en/…/materialien/ (the German spelling): 301 to /en/…/materials/."""
        return self.legacy_route_redirect(request, "materials")


class RegionContact(TranslatableMixin, Orderable):
    """A contact point of the region (a role in an organisation, not a named private
    person). Part of the region page: edited in its editor, moderated by its
    workflow, reached only by the region's editors, translated with the page."""

    page = ParentalKey(RegionPage, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(_("Funktion"), max_length=200)
    organisation = models.CharField(_("Organisation"), max_length=255)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    address = models.TextField(_("Anschrift"), blank=True)

    panels = [
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("address"),
    ]
    # wagtail-localize: the words are translated, the channels kept as they are.
    translatable_fields = [
        TranslatableField("role"),
        TranslatableField("organisation"),
        TranslatableField("address"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("Kontakt")
        verbose_name_plural = _("Kontakte")

    def __str__(self) -> str:
        return f"{self.role}, {self.organisation}"


class RegionPartner(Orderable):
    page = ParentalKey(RegionPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("Name"), max_length=255)
    url = models.URLField(_("Webseite"), blank=True)
    panels = [FieldPanel("name"), FieldPanel("url")]


class RegionMaterial(Orderable):
    page = ParentalKey(RegionPage, on_delete=models.CASCADE, related_name="material_links")
    document = models.ForeignKey(
        "materials.Material", on_delete=models.CASCADE, related_name="+", verbose_name=_("Material")
    )
    panels = [FieldPanel("document")]


class RegionCriterion(Orderable):
    page = ParentalKey(RegionPage, on_delete=models.CASCADE, related_name="criterion_links")
    criterion = models.ForeignKey(
        "criteria.CriterionPage",
        on_delete=models.CASCADE,
        related_name="region_links",
        verbose_name=_("Kriterium"),
    )
    panels = [FieldPanel("criterion")]


class RegionResultsPage(BasePage):
    """Detailed results of one region's network. Not public: the demo loader and
    editors restrict it to the region's network group (Wagtail page privacy)."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["regions.RegionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Ergebnisse (geschützt)")
        verbose_name_plural = _("Ergebnisse (geschützt)")
