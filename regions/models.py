"""Regions: the Kommunen (Landkreise, kreisfreie Städte) and their networks."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import BasePage
from home.models.base import SchlagwortItemBase, public_linked_pages
from materials.models import public_materials


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


class RegionPage(BasePage):
    """One Kommune and its health-promotion network, under the region list. Its
    child "Ergebnisse" pages hold detailed results visible to the network only."""

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

    def get_context(self, request, *args, **kwargs):
        from events.models import EventPage
        from news.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["contacts"] = list(self.contacts.all())
        context["materials"] = public_materials(
            self.material_links.select_related("document__collection")
        )
        context["criteria"] = public_linked_pages(self.criterion_links, "criterion")
        context["events"] = (
            EventPage.listing_queryset(self.locale)
            .filter(region_links__region=self)
            .order_by("-start")
            .distinct()
        )
        context["news"] = (
            NewsPage.listing_queryset(self.locale)
            .filter(region_links__region=self)
            .order_by("-date")
            .distinct()
        )
        return context


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
