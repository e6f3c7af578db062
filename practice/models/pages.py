"""Practice examples (Praxisbeispiele) and their list (/de/praxisdatenbank/)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import BasePage
from home.models.base import SchlagwortItemBase
from home.routes import LocalizedRoutesMixin, localized_route

# The self-assessment covers the 12 Good Practice criteria (criteria.CriterionPage).
CRITERIA_COUNT = 12
# The highest Umsetzungsstufe any criterion has (the criterion pages hold 4 to 6).
MAX_LEVEL = 6


class PracticeIndexPage(LocalizedRoutesMixin, RoutablePageMixin, BasePage):
    """The Praxisdatenbank (/de/praxisdatenbank/): the filterable list of practice
    examples, their open-data exports and the public submission form. One per
    language."""

    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)
    submission_intro = RichTextField(
        _("Einleitung des Einreichungsformulars"),
        features=["bold", "italic", "link", "ul"],
        blank=True,
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("submission_intro"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["practice.PracticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Praxisdatenbank")

    def get_context(self, request, *args, **kwargs):
        from ..listing import list_context

        context = super().get_context(request, *args, **kwargs)
        context.update(list_context(self, request))
        return context

    # Wagtail's page URLs allow no dot: export.csv and export.json arrive through
    # practice.export.serve_export (config/urls.py) with a trailing slash.
    @re_path(r"^export\.csv/?$", name="export_csv")
    def export_csv(self, request):
        from ..export import csv_response

        return csv_response(self, request)

    @re_path(r"^export\.json/?$", name="export_json")
    def export_json(self, request):
        from ..export import json_response

        return json_response(self, request)

    @path(localized_route("einreichen/"), name="submit")  # /en/…/submit/
    def submit(self, request):
        from ..submission_views import start

        return start(self, request)

    @path(localized_route("einreichen/<str:token>/"), name="submit_resume")
    def submit_resume(self, request, token: str):
        from ..submission_views import resume

        return resume(self, request, token)


class PracticePageTag(SchlagwortItemBase):
    content_object = ParentalKey(
        "practice.PracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PracticePage(BasePage):
    """A practice example of a Kommune: what it does, for whom, since when, and where
    it stands on each of the 12 Good Practice criteria (self-assessment on the
    criterion's Umsetzungsstufen, with a short justification). Under the
    Praxisdatenbank; public submissions arrive here as drafts."""

    region = models.ForeignKey(
        "regions.RegionPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice_examples",
        verbose_name=_("Kommune (Regionenseite)"),
        help_text=_("Eine Kommune mit eigener Regionenseite; sonst den Namen unten eintragen."),
    )
    municipality = models.CharField(
        _("Kommune"),
        max_length=255,
        blank=True,
        help_text=_("Name der Kommune, wenn sie keine Regionenseite hat"),
    )
    bundesland = models.ForeignKey(
        "home.Bundesland", on_delete=models.PROTECT, related_name="+", verbose_name=_("Bundesland")
    )
    handlungsfelder = ParentalManyToManyField(
        "home.Handlungsfeld", blank=True, related_name="+", verbose_name=_("Handlungsfelder")
    )
    lebensphasen = ParentalManyToManyField(
        "home.Lebensphase", blank=True, related_name="+", verbose_name=_("Lebensphasen")
    )
    zielgruppen = ParentalManyToManyField(
        "home.Zielgruppe", blank=True, related_name="+", verbose_name=_("Zielgruppen")
    )
    start_date = models.DateField(_("Beginn"))
    end_date = models.DateField(_("Ende"), null=True, blank=True, help_text=_("Leer: läuft noch"))
    teaser = models.TextField(_("Kurzbeschreibung"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Beschreibung"))
    contact_role = models.CharField(
        _("Ansprechstelle (Funktion)"),
        max_length=200,
        help_text=_("Eine Funktion, keine Privatperson, z. B. „Koordination Präventionskette“"),
    )
    contact_organisation = models.CharField(_("Organisation"), max_length=255)
    contact_email = models.EmailField(
        _("E-Mail der Ansprechstelle"),
        blank=True,
        help_text=_("Ein Funktionspostfach, keine persönliche Adresse"),
    )
    contact_url = models.URLField(_("Webseite"), blank=True)
    tags = ClusterTaggableManager(
        through=PracticePageTag, blank=True, verbose_name=_("Schlagwörter")
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("municipality"),
                FieldPanel("bundesland"),
                FieldPanel("start_date"),
                FieldPanel("end_date"),
            ],
            heading=_("Kommune und Zeitraum"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("handlungsfelder"),
                FieldPanel("lebensphasen"),
                FieldPanel("zielgruppen"),
            ],
            heading=_("Einordnung"),
        ),
        FieldPanel("teaser"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("contact_role"),
                FieldPanel("contact_organisation"),
                FieldPanel("contact_email"),
                FieldPanel("contact_url"),
            ],
            heading=_("Kontakt"),
        ),
        FieldPanel("tags"),
        InlinePanel("material_links", label=_("Materialien")),
        InlinePanel(
            "assessments",
            label=_("Selbsteinschätzung nach den Good-Practice-Kriterien"),
            max_num=CRITERIA_COUNT,
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("municipality"),
        # The Kommune of an example with a region page is that page's title.
        index.RelatedFields("region", [index.SearchField("title")]),
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.SearchField("contact_organisation"),
        index.FilterField("bundesland"),
        index.RelatedFields("tags", [index.SearchField("name"), index.FilterField("slug")]),
    ]
    # wagtail-localize: the facts stay the same in every language (the Kommune, the
    # vocabularies, the dates, the contact channels); the words are translated.
    override_translatable_fields = [
        SynchronizedField("region"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_url"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
    ]
    listing_select_related = ("bundesland", "region")
    listing_prefetch_related = ("handlungsfelder", "lebensphasen", "assessments")
    # A public submission's title may have no letters (practice/submission.py).
    slug_fallback = "praxisbeispiel"

    parent_page_types = ["practice.PracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Praxisbeispiel")
        verbose_name_plural = _("Praxisbeispiele")

    @property
    def municipality_name(self) -> str:
        """The Kommune as shown: its region page's title, else the free text."""
        return self.region.title if self.region_id and self.region else self.municipality

    @property
    def listing_summary(self) -> str:
        return self.teaser or self.search_description

    def clean(self):
        super().clean()
        if not self.region_id and not self.municipality.strip():
            raise ValidationError(
                {
                    "municipality": _(
                        "Bitte eine Regionenseite wählen oder den Namen der Kommune eintragen."
                    )
                }
            )
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Das Ende liegt vor dem Beginn.")})

    def get_context(self, request, *args, **kwargs):
        from ..profile import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self, request))
        return context

    def get_json_ld(self, request=None) -> dict | None:
        from ..export import json_ld

        return json_ld(self, request)


class PracticeMaterial(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="material_links")
    document = models.ForeignKey(
        "materials.Material", on_delete=models.CASCADE, related_name="+", verbose_name=_("Material")
    )
    panels = [FieldPanel("document")]


class PracticeAssessment(TranslatableMixin, Orderable):
    """The self-assessment on one criterion: the Umsetzungsstufe reached (its number
    on the criterion page's ladder; the level texts stay on the criterion page) and
    a short justification. Part of the practice page: edited, moderated and
    translated with it."""

    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.ForeignKey(
        "criteria.CriterionPage",
        on_delete=models.CASCADE,
        related_name="practice_assessments",
        verbose_name=_("Kriterium"),
    )
    level = models.PositiveSmallIntegerField(
        _("Umsetzungsstufe"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_LEVEL)],
        help_text=_("Nummer der Stufe auf der Kriterienseite (1 = erste Stufe)"),
    )
    justification = models.TextField(_("Begründung"), max_length=1000, blank=True)

    panels = [FieldPanel("criterion"), FieldPanel("level"), FieldPanel("justification")]
    translatable_fields = [
        SynchronizedField("criterion"),
        SynchronizedField("level"),
        TranslatableField("justification"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("Selbsteinschätzung")
        verbose_name_plural = _("Selbsteinschätzungen")

    def __str__(self) -> str:
        return f"{self.criterion}: {self.level}"

    def clean(self):
        super().clean()
        if self.criterion_id and self.level:
            stages = len(self.criterion.stages())
            if stages and self.level > stages:
                raise ValidationError(
                    {"level": _("Dieses Kriterium hat nur %(n)d Umsetzungsstufen.") % {"n": stages}}
                )
