"""The public search on PostgreSQL: one narrow table (search.models.SearchEntry)
answers the match, the privacy filters, the facet counts and the ranking.

The words are matched and ranked exactly as modelsearch does (its query compiler
builds the ``tsquery`` and the rank expression; the vectors and title weights
are copies of its own), but on a table that holds one row per page or material
with the facts the search filters and counts by, so that no page table is
joined. Order of the hits: a title equal to the query first, then items whose
title contains all the words, then all others, each by modelsearch's rank.
Ranking only the title matches when there are enough of them keeps a common
word fast (bench/search.py: "Kommunen" matches 43 % of 100,000 items).

Privacy at query time: live, not expired, the requested language, no view
restriction on the page or an ancestor; materials approved ("live") and in no
restricted collection. The hits are
re-checked against the real tables when they are loaded (search.query.load_hits)."""

from __future__ import annotations

from collections import Counter

from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models import BooleanField, Case, ExpressionWrapper, F, IntegerField, Q, Value, When
from django.db.models.expressions import CombinedExpression
from django.utils import timezone

from wagtail.models import Collection, Page, PageViewRestriction

from materials.models import restricted_collection_paths

from .facets import DIMENSIONS, kind_for_content_type_id
from .models import SearchEntry
from .query import (
    DatabaseEngine,
    EngineResult,
    SearchParams,
    _add_combo,
    _kind_content_type_ids,
    _search_plan,
    build_query,
    clamp_page,
    material_bundeslaender,
    public_pages,
)

DOCUMENT = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())


def _under(paths) -> Q:
    """Tree paths at or below any of ``paths``."""
    found = Q(pk__in=[])
    for path in paths:
        found |= Q(path__startswith=path)
    return found


def visible_entries(locale):
    """Entries of public pages of ``locale`` and of public materials."""
    restricted_pages = PageViewRestriction.objects.values_list("page__path", flat=True)
    pages = Q(is_material=False, locale_id=locale.pk, live=True) & (
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    )
    pages &= ~_under(restricted_pages)
    private_collections = Collection.objects.filter(_under(restricted_collection_paths()))
    materials = Q(is_material=True, live=True) & ~Q(
        collection_id__in=private_collections.values("pk")
    )
    return SearchEntry.objects.filter(pages | materials)


def _flag(condition: Q):
    """``condition`` as a boolean column (true for the empty condition)."""
    if not condition:
        return Value(True)
    return ExpressionWrapper(condition, output_field=BooleanField())


class PostgresEngine(DatabaseEngine):
    """The database engine on PostgreSQL (see the module's docstring). Matches the
    same rows as :class:`DatabaseEngine` (the tests compare the two)."""

    def _compiled(self, text: str):
        """modelsearch's tsquery and rank expression for ``text``, over
        SearchEntry's ``title``, ``title_norm`` and ``body``; None for no terms."""
        query = build_query(text)
        if query is None:
            return None, None
        compiler = self.backend.query_compiler_class(Page.objects.none(), query, operator="and")
        config = compiler.get_config(self.backend)
        tsquery = compiler.build_tsquery(compiler.query, config=config)
        if tsquery is None:
            return None, None
        rank = compiler._build_rank_expression(
            [(F("title"), F("title_norm")), (F("body"), 1.0)], config
        )
        return tsquery, rank

    # -- facets ----------------------------------------------------------------
    def _facet_q(self, params: SearchParams, only=DIMENSIONS, linked=None) -> Q:
        """The condition of the active facets among ``only``; ``linked`` maps
        materials to their Bundesland (needed when that facet is active)."""
        active = {d: v for d, v in params.facets.active().items() if d in only}
        condition = Q()
        if "typ" in active:
            if active["typ"] == "material":
                condition &= Q(is_material=True)
            else:
                ids, exclude = _kind_content_type_ids(active["typ"])
                of_kind = Q(content_type_id__in=ids)
                condition &= Q(is_material=False) & (~of_kind if exclude else of_kind)
        if "bundesland" in active:
            slug = active["bundesland"]
            material_ids = [pk for pk, linked_slug in (linked or {}).items() if linked_slug == slug]
            condition &= Q(is_material=False, bundesland=slug) | Q(
                is_material=True, object_id__in=material_ids
            )
        if "jahr" in active:
            condition &= Q(year=active["jahr"])
        if "schlagwort" in active:
            condition &= Q(tags__contains=f" {active['schlagwort']} ")
        return condition

    def _counts(self, params, matched, linked, counts: dict[str, Counter]) -> int:
        """Adds the facet counts of the ``matched`` entries to ``counts`` (each
        dimension filtered by the other active facets); returns how many pass all.

        One statement: the match is read once and grouped twice (grouping sets),
        by (type, Bundesland, year, has the active Schlagwort) and by (set of
        Schlagwörter, passes the other facets); the sets are split here, which is
        cheaper than unnesting every row in SQL."""
        active = params.facets.active()
        others = ("typ", "bundesland", "jahr")
        rows = matched.annotate(
            _tagged=_flag(self._facet_q(params, only=("schlagwort",))),
            _others=_flag(self._facet_q(params, only=others, linked=linked)),
        ).values(
            "is_material", "content_type_id", "bundesland", "year", "tags", "_tagged", "_others"
        )
        sql, sql_params = rows.query.sql_with_params()
        combos = Counter()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT GROUPING(tags), is_material, content_type_id, bundesland, year, "  # noqa: S608 - the ORM's SQL, with its params
                f"_tagged, tags, _others, count(*) FROM ({sql}) AS m GROUP BY GROUPING SETS "
                "((is_material, content_type_id, bundesland, year, _tagged), (tags, _others))",
                sql_params,
            )
            for (
                by_kind,
                is_material,
                content_type_id,
                bundesland,
                year,
                tagged,
                tags,
                others,
                n,
            ) in cursor.fetchall():
                if by_kind and tagged:
                    kind = "material" if is_material else kind_for_content_type_id(content_type_id)
                    combos[(kind, bundesland, year)] += n
                elif not by_kind and others and tags:  # one row per set of Schlagwörter (few)
                    for slug in tags.split():
                        counts["schlagwort"][slug] += n
        if linked and "schlagwort" not in active:  # materials have no Schlagwörter
            for pk, year in matched.filter(
                is_material=True, object_id__in=list(linked)
            ).values_list("object_id", "year"):
                combos[("material", None, year)] -= 1
                combos[("material", linked[pk], year)] += 1
        total = 0
        for (kind, bundesland, year), n in combos.items():
            if n:
                values = {"typ": kind, "bundesland": bundesland, "jahr": year}
                total += _add_combo(counts, values, n, active)
        return total

    # -- ranked hits -----------------------------------------------------------
    def _top(self, params, candidates, tsquery, rank, limit: int) -> list[tuple[str, int]]:
        """The best ``limit`` of ``candidates`` (all facets applied), best first."""
        ranked = candidates.annotate(
            _score=rank,
            _exact=Case(
                When(title_text__iexact=params.query, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        order = ("-_score", "is_material", "-object_id")
        in_title = ranked.filter(title=tsquery)
        found = list(
            in_title.order_by("-_exact", *order).values_list("is_material", "object_id")[:limit]
        )
        if len(found) < limit:
            rest = ranked.exclude(pk__in=in_title.values("pk")).order_by(*order)
            found += list(rest.values_list("is_material", "object_id")[: limit - len(found)])
        return [("material" if is_material else "page", pk) for is_material, pk in found]

    def search(self, params: SearchParams) -> EngineResult:
        counts: dict[str, Counter] = {d: Counter() for d in DIMENSIONS}
        tsquery, rank = self._compiled(params.query)
        if tsquery is None:
            return EngineResult(0, 1, [], {d: {} for d in DIMENSIONS}, engine=self.name)
        with _search_plan():
            matched = (
                visible_entries(params.locale)
                .annotate(_document=DOCUMENT)
                .filter(_document=tsquery)
            )
            linked = material_bundeslaender(None, params.locale, public_pages(params.locale))
            total = self._counts(params, matched, linked, counts)
            page = clamp_page(params.page, total, params.per_page)
            start = (page - 1) * params.per_page
            keys = []
            if total:
                candidates = matched.filter(self._facet_q(params, linked=linked))
                keys = self._top(params, candidates, tsquery, rank, start + params.per_page)
        return EngineResult(
            total=total,
            page=page,
            keys=keys[start : start + params.per_page],
            facet_counts={d: dict(c) for d, c in counts.items()},
            engine=self.name,
        )


__all__ = ["PostgresEngine", "visible_entries"]
