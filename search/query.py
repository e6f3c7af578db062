"""One ranked search over all public content: pages of the active language and
public materials (language-neutral), with facets.

An *engine* answers a :class:`SearchParams` with an :class:`EngineResult`: the
total, the keys of one page of hits and the facet counts.

* :class:`DatabaseEngine` uses modelsearch's database backend (SQLite FTS5, or
  PostgreSQL with the ``german`` configuration) for matching and ranking; the
  privacy filters are applied to the querysets it searches, so they always hold
  at query time (publishing, expiry, moving, privacy changes need no re-index).
  It is the engine on SQLite and the exhaustive reference in the tests.
* ``search.postgres.PostgresEngine`` is the engine on PostgreSQL: the same
  match and rank on the search's own narrow table (search.models.SearchEntry),
  fast at 100,000 items; :func:`database_engine` picks one of the two.
* ``search.elastic.ElasticsearchEngine`` builds the same query with
  elasticsearch.dsl and falls back to the database engine when the server
  cannot be reached.

:func:`load_hits` then loads one page of hits from the database, *re-checks*
them against the same privacy filters (so a stale index never shows anything
private) and builds the highlighted snippets."""

from __future__ import annotations

import copy
import logging
import math
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from materials.models import Material

from .facets import (
    BUNDESLAND_PAGE_MODELS,
    DIMENSIONS,
    PAGE_KINDS,
    Facets,
    Row,
    kind_for_content_type_id,
    material_link_models,
    tag_through_models,
)
from .german import GermanQuery, fold, query_words

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
SUGGESTIONS = 8


@dataclass(frozen=True)
class SearchParams:
    query: str
    locale: Locale
    facets: Facets = field(default_factory=Facets)
    page: int = 1
    per_page: int = RESULTS_PER_PAGE


@dataclass
class EngineResult:
    total: int
    page: int  # the page number actually shown (clamped to the last page)
    keys: list[tuple[str, int]]  # ("page" | "material", pk) of the hits on that page
    facet_counts: dict[str, dict]
    engine: str = "database"


def clamp_page(requested: int, total: int, per_page: int) -> int:
    last = max(1, math.ceil(total / per_page))
    return min(max(1, requested), last)


# ---------------------------------------------------------------------------
# What may be found at all: the single place that defines "public".
# ---------------------------------------------------------------------------


def public_pages(locale: Locale):
    """Live pages of ``locale`` without view restriction on them or an ancestor,
    not past their expiry date (even before ``publish_scheduled`` has run)."""
    return (
        Page.objects.live()
        .public()
        .filter(locale=locale, depth__gt=1)
        .exclude(expire_at__lte=timezone.now())
    )


def public_materials():
    """Materials approved by a moderator and outside view-restricted collections
    (any language)."""
    return Material.objects.public()


def database_backend():
    """modelsearch's database backend: the ``database`` alias when Elasticsearch is
    the default, else the default."""
    alias = "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"
    return get_search_backend(alias)


def _searchable(model, queryset):
    """``queryset`` as a filter on the primary key only. The database backends
    accept filters on indexed FilterFields only; privacy and expiry are plain
    model filters, so they are applied through a subquery on ``pk``."""
    return model.objects.filter(pk__in=queryset.values("pk"))


def _is_descending(queryset) -> bool:
    """Whether a relevance-ordered queryset puts high scores first (PostgreSQL's
    ts_rank) or low ones (SQLite's bm25 is negative)."""
    first = queryset.query.order_by[0] if queryset.query.order_by else "-pk"
    if isinstance(first, str):
        return first.startswith("-")
    return bool(getattr(first, "descending", True))


def build_query(text: str):
    """The query for modelsearch (search.german): all words required, the last one
    as a prefix, umlauts spelled out or not; None when no word is left (only
    stop words or no letters)."""
    words = query_words(text)
    return GermanQuery(words) if words else None


def _exact_title(query: str):
    return Case(
        When(title__iexact=query, then=Value(1)), default=Value(0), output_field=IntegerField()
    )


def page_facet_fields(queryset):
    """``queryset`` of pages annotated with the Bundesland and the year the facets
    use (the fields search.facets.display_date reads)."""
    bundesland = [
        f"{label.split('.')[1].lower()}__bundesland__slug" for label in BUNDESLAND_PAGE_MODELS
    ]
    return queryset.annotate(
        _bundesland=Coalesce(*bundesland),
        _year=Coalesce(
            ExtractYear("eventpage__start"),
            ExtractYear("practicepage__start_date"),
            ExtractYear("newspage__date"),
            ExtractYear("regionpage__joined"),
            ExtractYear("last_published_at"),
        ),
    )


def _add_combo(counts: dict[str, Counter], values: dict, n: int, active: dict) -> int:
    """Counts ``n`` rows with the single-valued facet ``values`` (typ, Bundesland,
    year; None = none) into each dimension whose OTHER active facets they pass;
    returns ``n`` if they pass all active facets, else 0 (cf. facets.count_facets)."""
    failing = [d for d, v in values.items() if d in active and v != active[d]]
    for dimension, value in values.items():
        if value and not [d for d in failing if d != dimension]:
            counts[dimension][value] += n
    return 0 if failing else n


@contextmanager
def _search_plan():
    """On PostgreSQL, let the search queries match through their GIN indexes.

    The planner does not see what matching a row costs (concatenating
    ``title || body`` and testing the tsquery against it), so for a word in a
    good part of the items it reads the whole table instead of the GIN index on
    that expression: bench/search.py at 10,000 items, "Kommunen" (43 %) on the
    search table, 37 ms against 8 ms (a lower random_page_cost, the earlier
    remedy, does not tip it). Sequential scans are therefore switched off for
    the search's own transaction (SET LOCAL); tables without a usable index are
    still read sequentially."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def _needs_fields(facets: Facets) -> bool:
    """Whether filtering by ``facets`` needs the Bundesland/year annotations."""
    return bool(facets.bundesland) or facets.jahr is not None


def _kind_content_type_ids(kind: str) -> tuple[list[int], bool]:
    """The content types of the page ``kind``: (ids, exclude). "seite" is every
    page type without a kind of its own, so it is expressed as an exclusion."""
    ids = [
        ContentType.objects.get_by_natural_key(*label.split(".")).pk
        for label, page_kind in PAGE_KINDS.items()
        if kind == "seite" or page_kind == kind
    ]
    return ids, kind == "seite"


def _filter_pages(queryset, facets: Facets, only=DIMENSIONS):
    """``queryset`` (annotated by :func:`page_facet_fields` where needed) narrowed
    by the active facets among ``only``."""
    active = {d: v for d, v in facets.active().items() if d in only}
    if "typ" in active:
        if active["typ"] == "material":
            return queryset.none()
        ids, exclude = _kind_content_type_ids(active["typ"])
        queryset = (
            queryset.exclude(content_type_id__in=ids)
            if exclude
            else queryset.filter(content_type_id__in=ids)
        )
    if "bundesland" in active:
        queryset = queryset.filter(_bundesland=active["bundesland"])
    if "jahr" in active:
        queryset = queryset.filter(_year=active["jahr"])
    if "schlagwort" in active:
        tagged = Q()
        for through in tag_through_models():
            tagged |= Q(
                pk__in=through.objects.filter(tag__slug=active["schlagwort"]).values(
                    "content_object_id"
                )
            )
        queryset = queryset.filter(tagged)
    return queryset


def _best(ranked, query: str, descending: bool, limit: int, model: str) -> list:
    """The first ``limit`` rows of ``ranked`` in the reference order: exact title
    first, then the backend's relevance order (its tie-break included).

    The exact-title rows are fetched by a query of their own rather than by
    ordering on "title equals the query" first: that leading sort key depends on
    the page alone, so PostgreSQL walks all pages in that order and probes the
    index entry of each, hoping to stop after ``limit`` rows (bench/search.py,
    100,000 items: 1.7 s for "Kommunen"; ranked without it: 0.3 s)."""

    def rows(queryset, exact: int, n: int) -> list:
        return [
            ((exact, (score or 0.0) if descending else -(score or 0.0)), model, pk)
            for pk, score in queryset.values_list("pk", "_score")[:n]
        ]

    exact = rows(ranked.filter(title__iexact=query), 1, limit)
    exact_keys = {pk for _, _, pk in exact}
    rest = [row for row in rows(ranked, 0, limit + len(exact)) if row[2] not in exact_keys]
    return (exact + rest)[:limit]


class DatabaseEngine:
    """Search with modelsearch's database backend. Facet counts and the total are
    computed in the database (grouped counts over the matching rows, no ranking);
    only the top ``page * per_page`` hits of each model are ranked and fetched, then
    merged. :meth:`rows` is the exhaustive reference (every matching row, facets
    counted in Python) that the tests compare the fast path against."""

    name = "database"

    def __init__(self, backend=None):
        self.backend = backend or database_backend()

    # -- matching ----------------------------------------------------------
    def _search(self, model, queryset, query: str, *, ranked: bool):
        """modelsearch's matching rows of ``model`` among ``queryset``: all words required."""
        results = self.backend.search(
            build_query(query),
            _searchable(model, queryset),
            operator="and",
            order_by_relevance=ranked,
        )
        return results.annotate_score("_score") if ranked else results

    def _ranked(self, model, queryset, query: str):
        ranked = self._search(model, queryset, query, ranked=True).get_queryset()
        return ranked, _is_descending(ranked)

    def _matched(self, model, queryset, query: str):
        """The matching rows of ``model``, unranked and unordered (for counting)."""
        return self._search(model, queryset, query, ranked=False).get_queryset().order_by()

    def page_rows(self, params: SearchParams) -> list[Row]:
        ranked, descending = self._ranked(Page, public_pages(params.locale), params.query)
        values = page_facet_fields(ranked.annotate(_exact=_exact_title(params.query))).values_list(
            "pk", "content_type_id", "_score", "_exact", "_bundesland", "_year"
        )
        rows = []
        for pk, content_type_id, score, exact, bundesland, year in values:
            score = score or 0.0
            rows.append(
                Row(
                    model="page",
                    pk=pk,
                    kind=kind_for_content_type_id(content_type_id),
                    rank=(exact, score if descending else -score),
                    bundesland=bundesland,
                    year=year,
                )
            )
        if rows:
            self._add_tags(rows, ranked)
        return rows

    def _add_tags(self, rows: list[Row], ranked) -> None:
        matched = ranked.order_by().values("pk")
        tags: dict[int, set[str]] = {}
        queries = [
            through.objects.filter(content_object_id__in=matched).values_list(
                "content_object_id", "tag__slug"
            )
            for through in tag_through_models()
        ]
        union = queries[0].union(*queries[1:], all=True)
        for page_id, slug in union:
            tags.setdefault(page_id, set()).add(slug)
        for row in rows:
            row.tags = frozenset(tags.get(row.pk, ()))

    def material_rows(self, params: SearchParams) -> list[Row]:
        ranked, descending = self._ranked(Material, public_materials(), params.query)
        values = ranked.annotate(
            _exact=_exact_title(params.query), _year=ExtractYear("effective_date")
        ).values_list("pk", "_score", "_exact", "_year")
        rows = [
            Row(
                model="material",
                pk=pk,
                kind="material",
                rank=(exact, (score or 0.0) if descending else -(score or 0.0)),
                year=year,
            )
            for pk, score, exact, year in values
        ]
        if rows:
            bundeslaender = material_bundeslaender([r.pk for r in rows], params.locale)
            for row in rows:
                row.bundesland = bundeslaender.get(row.pk)
        return rows

    def rows(self, params: SearchParams) -> list[Row]:
        """Every matching row, best first (the exhaustive reference; slow)."""
        if build_query(params.query) is None:
            return []
        rows = self.page_rows(params) + self.material_rows(params)
        rows.sort(key=lambda r: r.rank, reverse=True)
        return rows

    # -- facet counts in the database ----------------------------------------
    def _page_counts(self, params: SearchParams, public, counts: dict[str, Counter]) -> int:
        """Adds the pages' facet counts to ``counts``; returns how many pages pass
        all active facets. One grouped query over (type, Bundesland, year), one over
        the Schlagwörter."""
        facets = params.facets
        active = facets.active()
        # Facet filters go into the subquery of candidates (see _searchable): on the
        # outer query they make PostgreSQL misjudge the full-text match as selective.
        grouped = page_facet_fields(
            self._matched(Page, _filter_pages(public, facets, only=("schlagwort",)), params.query)
        )
        combos = grouped.values_list("content_type_id", "_bundesland", "_year").annotate(
            _n=Count("pk")
        )
        total = 0
        for content_type_id, bundesland, year, n in combos:
            values = {
                "typ": kind_for_content_type_id(content_type_id),
                "bundesland": bundesland,
                "jahr": year,
            }
            total += _add_combo(counts, values, n, active)
        others = ("typ", "bundesland", "jahr")
        candidates = _filter_pages(
            page_facet_fields(public) if _needs_fields(facets) else public, facets, only=others
        )
        tagged = self._matched(Page, candidates, params.query).values("pk")
        queries = [
            through.objects.filter(content_object_id__in=tagged)
            .values_list("tag__slug")
            .annotate(_n=Count("content_object_id", distinct=True))
            .order_by()
            for through in tag_through_models()
        ]
        for slug, n in queries[0].union(*queries[1:], all=True):
            counts["schlagwort"][slug] += n  # a page has the tags of its own type only
        return total

    def _material_counts(self, params: SearchParams, pages, counts: dict[str, Counter]) -> int:
        """Adds the materials' facet counts (typ, Bundesland, year; materials carry
        no Schlagwörter) to ``counts``; returns how many pass all active facets.
        Grouped by year in the database; the Bundesland comes from the (few) links
        of matching materials to public events and regions."""
        active = params.facets.active()
        if "schlagwort" in active:
            return 0  # no material has a Schlagwort: each fails it, so counts nowhere else
        matched = self._matched(Material, public_materials(), params.query)
        combos: Counter = Counter()
        for year, n in (
            matched.annotate(_year=ExtractYear("effective_date"))
            .values_list("_year")
            .annotate(_n=Count("pk"))
            .order_by()
        ):
            combos[(None, year)] += n
        linked = material_bundeslaender(matched.values("pk"), params.locale, pages)
        if linked:
            for pk, year in (
                Material.objects.filter(pk__in=list(linked))
                .annotate(_year=ExtractYear("effective_date"))
                .values_list("pk", "_year")
            ):
                combos[(None, year)] -= 1
                combos[(linked[pk], year)] += 1
        total = 0
        for (bundesland, year), n in combos.items():
            if n:
                total += _add_combo(
                    counts, {"typ": "material", "bundesland": bundesland, "jahr": year}, n, active
                )
        return total

    # -- one page of ranked hits ----------------------------------------------
    def _top(self, params: SearchParams, pages, limit: int) -> list[tuple[tuple, str, int]]:
        """The best ``limit`` hits of each model that pass all active facets, as
        (rank, model, pk) in the order of :meth:`rows`."""
        facets = params.facets
        active = facets.active()
        found: list[tuple[tuple, str, int]] = []
        if active.get("typ", "") != "material":
            public = pages
            if _needs_fields(facets):
                public = page_facet_fields(public)
            ranked, descending = self._ranked(Page, _filter_pages(public, facets), params.query)
            found += _best(ranked, params.query, descending, limit, "page")
        if active.get("typ", "material") == "material" and "schlagwort" not in active:
            public = public_materials()
            if "jahr" in active:
                public = public.annotate(_year=ExtractYear("effective_date")).filter(
                    _year=active["jahr"]
                )
            if "bundesland" in active:
                matched = self._matched(Material, public, params.query).values("pk")
                linked = material_bundeslaender(matched, params.locale, pages)
                public = public.filter(
                    pk__in=[pk for pk, slug in linked.items() if slug == active["bundesland"]]
                )
            ranked, descending = self._ranked(Material, public, params.query)
            found += _best(ranked, params.query, descending, limit, "material")
        found.sort(key=lambda item: item[0], reverse=True)  # stable: pages first on ties
        return found

    # -- the engine interface ------------------------------------------------
    def search(self, params: SearchParams) -> EngineResult:
        counts: dict[str, Counter] = {d: Counter() for d in DIMENSIONS}
        if build_query(params.query) is None:
            return EngineResult(0, 1, [], {d: {} for d in DIMENSIONS}, engine=self.name)
        with _search_plan():
            pages = public_pages(params.locale)  # one query for the view restrictions
            total = self._page_counts(params, pages, counts)
            total += self._material_counts(params, pages, counts)
            page = clamp_page(params.page, total, params.per_page)
            start = (page - 1) * params.per_page
            top = self._top(params, pages, start + params.per_page) if total else []
        return EngineResult(
            total=total,
            page=page,
            keys=[(model, pk) for _, model, pk in top[start : start + params.per_page]],
            facet_counts={d: dict(c) for d, c in counts.items()},
            engine=self.name,
        )

    def suggest(self, query: str, locale: Locale, limit: int = SUGGESTIONS) -> list:
        """Titles that start with what was typed: pages of ``locale``, public materials."""
        found: list = []
        for model, queryset in ((Page, public_pages(locale)), (Material, public_materials())):
            results = self.backend.autocomplete(
                fold(query), _searchable(model, queryset), order_by_relevance=True
            )
            found.extend(results[:limit])
        return found[:limit] if len(found) <= limit else _interleave(found, limit)


def _interleave(found: list, limit: int) -> list:
    pages = [o for o in found if isinstance(o, Page)]
    materials = [o for o in found if not isinstance(o, Page)]
    share = max(limit - len(materials), limit // 2 + limit % 2)
    return (pages[:share] + materials)[:limit]


def linking_pages(document_ids, locale: Locale) -> dict[int, list[Page]]:
    """The public pages of ``locale`` that list each material (events, regions,
    practice examples: search.facets.MATERIAL_LINK_MODELS)."""
    visible = public_pages(locale).values("pk")
    links: dict[int, list[Page]] = {}
    for link_model in material_link_models():
        for link in (
            link_model.objects.filter(document_id__in=document_ids, page_id__in=visible)
            .select_related("page", "page__bundesland")
            .order_by("page__title")
        ):
            links.setdefault(link.document_id, []).append(link.page)
    return links


def material_bundeslaender(document_ids, locale: Locale, pages=None) -> dict[int, str]:
    """A material's Bundesland: that of the first public event, region or practice
    example listing it (in the order of search.facets.MATERIAL_LINK_MODELS); for
    the materials ``document_ids`` (ids or a subquery), or all if None."""
    visible = (public_pages(locale) if pages is None else pages).values("pk")
    queries = []
    for source, link_model in enumerate(material_link_models()):
        links = link_model.objects.filter(page_id__in=visible, page__bundesland__isnull=False)
        if document_ids is not None:
            links = links.filter(document_id__in=document_ids)
        queries.append(
            links.annotate(_source=Value(source, output_field=IntegerField()))
            .values_list("document_id", "page__bundesland__slug", "sort_order", "pk", "_source")
            .order_by()
        )
    # One query however many link types: a link type's rows before the next one's.
    union = queries[0].union(*queries[1:], all=True).order_by("_source", "sort_order", "pk")
    found: dict[int, str] = {}
    for document_id, slug, *_order in union:
        found.setdefault(document_id, slug)
    return found


# ---------------------------------------------------------------------------
# Loading one page of hits (common to all engines)
# ---------------------------------------------------------------------------


@dataclass
class Hit:
    obj: object
    kind: str
    title: str
    url: str
    date: object = None
    bundesland: object = None
    snippet: str = ""
    context: list = field(default_factory=list)  # pages a material belongs to
    extension: str = ""

    @property
    def pk(self) -> int:
        return self.obj.pk

    @property
    def kind_label(self) -> str:
        from .facets import KIND_LABELS

        return str(KIND_LABELS[self.kind])


def visible_keys(keys: list[tuple[str, int]], locale: Locale) -> dict:
    """The objects behind ``keys`` that are (still) public, by key."""
    page_ids = [pk for model, pk in keys if model == "page"]
    material_ids = [pk for model, pk in keys if model == "material"]
    objects: dict = {}
    if page_ids:
        for page in public_pages(locale).filter(pk__in=page_ids).specific():
            objects[("page", page.pk)] = page
    if material_ids:
        for material in public_materials().filter(pk__in=material_ids).select_related("collection"):
            objects[("material", material.pk)] = material
    return objects


def searchable_text(obj) -> tuple[list[str], str]:
    """The indexed texts of an object other than its title, as plain text and each
    once (body, PDF text, place …, in index order), and its listing summary (the
    teaser), for the snippet (search.highlight.passage)."""
    from wagtail.search import index

    from .highlight import plain_text

    title = plain_text([obj.title])
    summary = plain_text([getattr(obj, "listing_summary", "")])
    parts: list[str] = []
    for search_field in obj.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            try:
                text = plain_text([search_field.get_value(obj)])
            except (AttributeError, ValueError, TypeError):  # an unreadable field is skipped
                logger.debug("no text for %s.%s", obj, search_field.field_name)
                continue
            if text and text not in (title, summary) and text not in parts:
                parts.append(text)
    return parts, summary


def load_hits(keys: list[tuple[str, int]], query: str, locale: Locale, request=None) -> list[Hit]:
    from .facets import display_date, kind_for_object
    from .highlight import passage, terms_pattern

    pattern = terms_pattern(query)
    objects = visible_keys(keys, locale)
    material_ids = [pk for model, pk in keys if model == "material" and (model, pk) in objects]
    contexts = linking_pages(material_ids, locale) if material_ids else {}
    hits = []
    for key in keys:
        obj = objects.get(key)
        if obj is None:  # stale index entry: no longer public
            continue
        if key[0] == "page":
            url = obj.get_url(request=request)
            bundesland = getattr(obj, "bundesland", None)
            context: list = []
            extension = ""
        else:
            url = obj.url
            context = contexts.get(obj.pk, [])
            bundesland = next((p.bundesland for p in context if p.bundesland_id), None)
            extension = obj.extension_upper
        hits.append(
            Hit(
                obj=obj,
                kind=kind_for_object(obj),
                title=obj.title,
                url=url or "",
                date=display_date(obj),
                bundesland=bundesland,
                snippet=passage(*searchable_text(obj), pattern),
                context=context,
                extension=extension,
            )
        )
    return hits


def database_engine():
    """The search on the database: on PostgreSQL on the search's own table
    (search.postgres), elsewhere (SQLite) through modelsearch."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresEngine

        return PostgresEngine()
    return DatabaseEngine()


_engine_backends: dict[str, object] = {}


def get_engine():
    """The configured engine: OpenSearch or Elasticsearch when the default backend
    is one, else the database.

    An engine backend is built once per process and configuration: it holds the
    client and its connection pool, which every search would otherwise open anew
    (modelsearch builds a new backend on each call)."""
    from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend

    config = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    key = repr(config)
    backend = _engine_backends.get(key)
    if backend is None:
        # A deep copy: modelsearch's engine backends write into the OPTIONS dict
        # they are given, which would change the settings (and this key).
        options = copy.deepcopy(
            {name: value for name, value in config.items() if name != "BACKEND"}
        )
        backend = get_search_backend("default", **options)
    if isinstance(backend, ElasticsearchBaseSearchBackend):
        if key not in _engine_backends:
            _engine_backends.clear()
            _engine_backends[key] = backend
        from .elastic import ElasticsearchEngine

        return ElasticsearchEngine(backend)
    return database_engine()


__all__ = [
    "DIMENSIONS",
    "DatabaseEngine",
    "EngineResult",
    "Facets",
    "Hit",
    "SearchParams",
    "database_engine",
    "get_engine",
    "load_hits",
    "public_materials",
    "public_pages",
]
