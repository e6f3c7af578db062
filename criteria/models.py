"""The 12 Good Practice criteria of the Kooperationsverbund."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.blocks import StreamBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import StageBlock
from home.models import BasePage

# The criterion page lists this many practice examples strongest on it.
STRONGEST_EXAMPLES = 5


class CriteriaIndexPage(BasePage):
    """The numbered list of all criteria (/de/good-practice-kriterien/)."""

    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["criteria.CriterionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Kriterienübersicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["criteria"] = (
            CriterionPage.listing_queryset(self.locale).child_of(self).order_by("number")
        )
        return context


class CriterionPage(BasePage):
    """One criterion: definition, ladder of stages, explanation, literature; lists
    the events and regions that refer to it."""

    number = models.PositiveSmallIntegerField(
        _("Nummer"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    former_name = models.CharField(
        _("Früherer Name"),
        max_length=255,
        blank=True,
        help_text=_("Name in älteren Ausgaben, damit Suche und Verweise ihn finden"),
    )
    definition = RichTextField(_("Definition"), features=["bold", "italic", "link", "ul"])
    levels = StreamField(
        StreamBlock([("stage", StageBlock())]),
        blank=True,
        verbose_name=_("Umsetzungsstufen"),
    )
    explanation = RichTextField(_("Erläuterung"), blank=True)
    literature = RichTextField(_("Literatur"), blank=True, features=["italic", "link", "ul"])

    content_panels = BasePage.content_panels + [
        FieldPanel("number"),
        FieldPanel("former_name"),
        FieldPanel("definition"),
        FieldPanel("levels"),
        FieldPanel("explanation"),
        FieldPanel("literature"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("former_name"),
        index.AutocompleteField("former_name"),
        index.SearchField("definition"),
        index.SearchField("explanation"),
        index.FilterField("number"),
    ]

    parent_page_types = ["criteria.CriteriaIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Kriterium")
        verbose_name_plural = _("Kriterien")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def stages(self) -> list[dict]:
        """The Umsetzungsstufen in order: ``number`` (1, 2, …), ``name``, ``description``.
        A practice example's self-assessment names a stage by its number."""
        return [
            {"number": i, "name": block.value["name"], "description": block.value["description"]}
            for i, block in enumerate(self.levels, start=1)
            if block.block_type == "stage"
        ]

    def clean(self):
        super().clean()
        duplicate = (
            CriterionPage.objects.filter(number=self.number, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        )
        if duplicate:
            raise ValidationError(
                {"number": _("In dieser Sprache gibt es schon ein Kriterium mit dieser Nummer.")}
            )

    def get_context(self, request, *args, **kwargs):
        from events.models import EventPage
        from regions.models import RegionPage

        context = super().get_context(request, *args, **kwargs)
        context["events"] = (
            EventPage.listing_queryset(self.locale)
            .filter(criterion_links__criterion__translation_key=self.translation_key)
            .order_by("-start")
            .distinct()
        )
        context["regions"] = (
            RegionPage.listing_queryset(self.locale)
            .filter(criterion_links__criterion__translation_key=self.translation_key)
            .order_by("title")
            .distinct()
        )
        context["strongest_examples"] = self.strongest_examples()
        return context

    def strongest_examples(self, limit: int = STRONGEST_EXAMPLES) -> list:
        """The live public practice examples of this page's language with the
        highest level on this criterion, ties by title (assessments point to the
        German criterion page: matched by translation_key). Each has ``level``
        and ``stage`` (this page's stage of that number, or None), and ``kommune``:
        the name the list cards show (a linked region in this page's language)."""
        from practice.models import PracticeAssessment, PracticePage
        from practice.terms import regions_shown

        level = (
            PracticeAssessment.objects.filter(
                page=OuterRef("pk"), criterion__translation_key=self.translation_key
            )
            .order_by("-level")
            .values("level")[:1]
        )
        examples = list(
            PracticePage.listing_queryset(self.locale)
            .annotate(criterion_level=Subquery(level))
            .filter(criterion_level__isnull=False)
            .order_by("-criterion_level", "title", "pk")[:limit]
        )
        stages = self.stages()
        regions = regions_shown(examples, self.locale)
        for example in examples:
            region = regions.get(example.region_id)
            example.kommune = region.title if region else example.municipality_name
            n = example.criterion_level
            example.criterion_stage = stages[n - 1] if 0 < n <= len(stages) else None
            example.criterion_stage_count = len(stages)
        return examples
