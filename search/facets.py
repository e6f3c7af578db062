"""The facets of the public search (typ, bundesland, schlagwort, jahr) and the
kind of every searchable object. Shared by both engines (database and
Elasticsearch), so the two agree on what a "veranstaltung" or a year is."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Page types whose Schlagwörter the facets read: the site's one list.
from home.models.pages import TAGGED_PAGE_MODELS

DIMENSIONS = ("typ", "bundesland", "schlagwort", "jahr")

# The values of the ``typ`` facet (part of the URL contract, PRODUCT.md).
KIND_LABELS = {
    "region": _("Region"),
    "veranstaltung": _("Veranstaltung"),
    "aktuelles": _("Aktuelles"),
    "kriterium": _("Kriterium"),
    "praxisbeispiel": _("Praxisbeispiel"),
    "material": _("Material"),
    "seite": _("Seite"),
}
# Page types with their own kind; every other page type is a "seite". Named by
# "app_label.model_name" so that search/ imports no page module.
PAGE_KINDS = {
    "regions.regionpage": "region",
    "events.eventpage": "veranstaltung",
    "news.newspage": "aktuelles",
    "criteria.criterionpage": "kriterium",
    "practice.practicepage": "praxisbeispiel",
}
# Page types with a Bundesland of their own (a ``bundesland`` foreign key); the
# database engines read it through search.query.page_facet_fields.
BUNDESLAND_PAGE_MODELS = ("regions.RegionPage", "events.EventPage", "practice.PracticePage")
# The inline rows through which pages list materials (``document`` → Material); a
# material "belongs to" these pages and takes the Bundesland of the first public one.
MATERIAL_LINK_MODELS = (
    "events.EventMaterial",
    "regions.RegionMaterial",
    "practice.PracticeMaterial",
)

MIN_YEAR, MAX_YEAR = 1990, 2100


def kind_for_content_type_id(content_type_id: int) -> str:
    """The ``typ`` of a page given its content type (ContentType's cache: no query)."""
    content_type = ContentType.objects.get_for_id(content_type_id)
    return PAGE_KINDS.get(f"{content_type.app_label}.{content_type.model}", "seite")


def kind_for_object(obj) -> str:
    if obj._meta.label_lower == "materials.material":
        return "material"
    return PAGE_KINDS.get(obj._meta.label_lower, "seite")


def material_link_models() -> list:
    """The models of :data:`MATERIAL_LINK_MODELS`."""
    return [apps.get_model(label) for label in MATERIAL_LINK_MODELS]


def tag_through_models() -> list:
    """The through models linking the tagged page types to the Schlagwort vocabulary."""
    return [
        apps.get_model(label)._meta.get_field("tagged_items").related_model
        for label in TAGGED_PAGE_MODELS
    ]


def without_proposed_keywords(counts: dict[str, dict]) -> dict[str, dict]:
    """``counts`` with only approved Schlagwörter in the ``schlagwort`` facet.

    Every engine counts the keywords stored with a page; a keyword an editor
    proposed (home/moderation.py) may be stored there, but is not public until a
    moderator approves it. Filtering the few counted slugs here holds for all
    engines and needs no re-index when a keyword is approved."""
    tags = counts.get("schlagwort")
    if not tags:
        return counts
    public = set(
        apps.get_model("home", "Schlagwort")
        .objects.public()
        .filter(slug__in=list(tags))
        .values_list("slug", flat=True)
    )
    return {**counts, "schlagwort": {slug: n for slug, n in tags.items() if slug in public}}


def display_date(obj) -> date | None:
    """The date shown on a result and counted by the ``jahr`` facet: a material's
    own date (materials.models.Material.effective_date), an event's start, a
    practice example's start, a news item's date, the day a region joined, else the
    last publication (pages). search.query.page_facet_fields reads the same fields."""
    attrs = ("effective_date", "start", "start_date", "date", "joined")
    for attr in (*attrs, "last_published_at", "created_at"):
        value = getattr(obj, attr, None)
        if value:
            if isinstance(value, datetime):
                return timezone.localtime(value).date()
            return value
    return None


@dataclass(frozen=True)
class Facets:
    """The active facet values of one request; empty string / None = not active."""

    typ: str = ""
    bundesland: str = ""
    schlagwort: str = ""
    jahr: int | None = None

    def value(self, dimension: str):
        return getattr(self, dimension)

    def active(self) -> dict:
        return {d: self.value(d) for d in DIMENSIONS if self.value(d) not in ("", None)}


@dataclass
class Row:
    """One matching object as the database engine sees it, before paging."""

    model: str  # "page" or "material"
    pk: int
    kind: str
    rank: tuple
    bundesland: str | None = None
    tags: frozenset[str] = field(default_factory=frozenset)
    year: int | None = None

    def values(self, dimension: str) -> tuple:
        if dimension == "typ":
            return (self.kind,)
        if dimension == "bundesland":
            return (self.bundesland,) if self.bundesland else ()
        if dimension == "schlagwort":
            return tuple(self.tags)
        return (self.year,) if self.year else ()

    def failing(self, facets: Facets) -> list[str]:
        """The active facets this row does not satisfy."""
        return [d for d, v in facets.active().items() if v not in self.values(d)]


def count_facets(rows: list[Row], facets: Facets) -> dict[str, Counter]:
    """Counts per facet value, each dimension filtered by all *other* active facets
    (so a visitor sees what choosing another value of that facet would give)."""
    counts = {d: Counter() for d in DIMENSIONS}
    for row in rows:
        failing = row.failing(facets)
        if not failing:
            for dimension in DIMENSIONS:
                counts[dimension].update(row.values(dimension))
        elif len(failing) == 1:
            counts[failing[0]].update(row.values(failing[0]))
    return counts


def facet_document(obj) -> dict:
    """The uniform facet and privacy fields of one page or material in an
    Elasticsearch document (``gk_*``; see search/backends/engine.py); none for
    other indexed models (Bundesland, images), which the site search never reads.
    ``gk_bundesland`` holds "language:slug" values: a material has one per
    language (search.elastic counts those of the search's language)."""
    from wagtail.models import Page

    if obj._meta.label_lower != "materials.material" and not isinstance(obj, Page):
        return {}
    day = display_date(obj)
    if obj._meta.label_lower == "materials.material":
        return {
            "gk_model": "material",
            "gk_kind": "material",
            "gk_locale": "",  # materials are language-neutral
            "gk_path": obj.collection.path,
            "gk_live": obj.is_approved,  # approved by a moderator
            "gk_expire_at": None,
            "gk_bundesland": _material_bundeslaender(obj),
            "gk_tags": [],
            "gk_year": day.year if day else None,
        }
    bundesland = getattr(obj, "bundesland", None)
    tagged = getattr(obj, "tagged_items", None)
    return {
        "gk_model": "page",
        "gk_kind": kind_for_object(obj),
        "gk_locale": obj.locale.language_code,
        "gk_path": obj.path,
        "gk_live": obj.live,
        "gk_expire_at": obj.expire_at.isoformat() if obj.expire_at else None,
        "gk_bundesland": [f"{obj.locale.language_code}:{bundesland.slug}"] if bundesland else [],
        "gk_tags": sorted(item.tag.slug for item in tagged.all()) if tagged is not None else [],
        "gk_year": day.year if day else None,
    }


def _material_bundeslaender(material) -> list[str]:
    """The Bundesland of ``material`` in each language, as "language:slug": that
    of the first public page of the language that lists it (event, region,
    practice example; what search.query.material_bundeslaender gives the
    database's facets)."""
    from wagtail.models import Locale

    from .query import material_bundeslaender

    found = []
    for locale in Locale.objects.order_by("language_code"):
        slug = material_bundeslaender([material.pk], locale).get(material.pk)
        if slug:
            found.append(f"{locale.language_code}:{slug}")
    return found
