"""News (Aktuelles) and its RSS feed."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import BodyBlock
from home.listing import get_page, slug_filter
from home.models import BasePage
from home.models.base import SchlagwortItemBase, live_now

NEWS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news list (/de/aktuelles/) and its RSS feed (feed/). One per language."""

    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Nachrichtenübersicht")

    def news(self):
        return NewsPage.listing_queryset(self.locale).descendant_of(self).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news()
        form = NewsFilterForm(request.GET, locale=self.locale, news=news)
        context["filter_form"] = form
        context["news_items"] = get_page(request, form.filter(news), NEWS_PER_PAGE)
        return context

    @path("feed/", name="feed")
    def rss_feed(self, request):
        from .feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsPageTag(SchlagwortItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    """One news item under the news list."""

    date = models.DateField(_("Datum"), default=timezone.localdate)
    author = models.CharField(
        _("Autor/in"), max_length=255, blank=True, help_text=_("Organisation oder Funktion")
    )
    teaser = models.TextField(_("Anreißer"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Inhalt"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("Schlagwörter"))

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("author"),
        FieldPanel("teaser"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("region_links", label=_("Regionen")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name"), index.FilterField("slug")]),
    ]
    listing_prefetch_related = ("tagged_items__tag", "tagged_items__tag__translations")

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")
        # Newest first (news list, home page, feed) without sorting all news.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="news_date_idx")]

    @property
    def listing_summary(self) -> str:
        return self.teaser

    def get_json_ld(self, request=None) -> dict:
        from .feeds import news_json_ld

        return news_json_ld(self, request)


class NewsRegion(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="region_links")
    region = models.ForeignKey(
        "regions.RegionPage",
        on_delete=models.CASCADE,
        related_name="news_links",
        verbose_name=_("Region"),
    )
    panels = [FieldPanel("region")]


class NewsFilterForm(forms.Form):
    """The news list's filter: ``region`` (a region page's slug), the parameter the
    calendar uses too; region pages link here ("Alle Nachrichten aus …"). An unknown
    value makes the form invalid: the list then shows no news and says why."""

    region = slug_filter(_("Region"), _("Alle Regionen"))

    def __init__(self, data, *, locale, news):
        from regions.models import RegionPage

        super().__init__(data)
        # Regions of this language that some listed news item names (in any language:
        # a translated item's links still point to the German region pages).
        linked = NewsRegion.objects.filter(page__in=news).values("region__translation_key")
        self.fields["region"].queryset = (
            live_now(RegionPage.objects.filter(locale=locale))
            .public()
            .filter(translation_key__in=linked)
            .order_by("title")
        )

    def clean(self):
        if len(self.data.getlist("region")) > 1:
            raise forms.ValidationError(
                _("Jeder Filter darf nur einmal vorkommen: %(names)s"), params={"names": "region"}
            )
        return super().clean()

    @property
    def is_filtered(self) -> bool:
        return bool(self.data.get("region"))

    def filter(self, news):
        if not self.is_valid():
            return news.none()
        region = self.cleaned_data["region"]
        if region:
            linked = NewsRegion.objects.filter(region__translation_key=region.translation_key)
            news = news.filter(pk__in=linked.values("page_id"))
        return news
