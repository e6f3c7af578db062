"""The database engine's fast path (facet counts in SQL, only the top hits
ranked and fetched) gives exactly what the exhaustive reference gives: every
matching row loaded through modelsearch and the page tables, ordered and
counted in Python. On PostgreSQL the fast path is search.postgres, which reads
only the search's own table, so this also checks that table against the truth."""

import itertools

from django.db import connection
from django.test import TestCase

from wagtail.models import Page

from materials.models import Material
from search.facets import Facets, count_facets
from search.query import (
    DatabaseEngine,
    SearchParams,
    _searchable,
    build_query,
    clamp_page,
    database_engine,
    public_materials,
    public_pages,
)
from tests.engine import database_only

from .content import build_corpus


def in_title(engine: DatabaseEngine, params: SearchParams) -> set[tuple[str, int]]:
    """The public items whose title alone matches the query (modelsearch)."""
    found = set()
    for model, name, queryset in (
        (Page, "page", public_pages(params.locale)),
        (Material, "material", public_materials()),
    ):
        results = engine.backend.search(
            build_query(params.query),
            _searchable(model, queryset),
            fields=["title"],
            operator="and",
            order_by_relevance=False,
        )
        found |= {(name, obj.pk) for obj in results}
    return found


def reference(engine: DatabaseEngine, params: SearchParams):
    rows = engine.rows(params)
    if connection.vendor == "postgresql":
        # search.postgres ranks items whose title matches before the others;
        # sorted() is stable, so equal ranks keep rows()'s order.
        titled = in_title(engine, params)
        rows = sorted(
            rows,
            key=lambda r: (r.rank[0], (r.model, r.pk) in titled, r.rank[1]),
            reverse=True,
        )
    matching = [r for r in rows if not r.failing(params.facets)]
    page = clamp_page(params.page, len(matching), params.per_page)
    start = (page - 1) * params.per_page
    return (
        len(matching),
        page,
        [(r.model, r.pk) for r in matching[start : start + params.per_page]],
        {d: dict(c) for d, c in count_facets(rows, params.facets).items()},
    )


@database_only("the database engine's fast path against its exhaustive reference")
class FastPathTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def test_same_as_reference(self):
        from wagtail.models import Locale

        engine = database_engine()
        locales = list(Locale.objects.all())
        facet_sets = [
            Facets(typ=t, bundesland=b, schlagwort=s, jahr=j)
            for t, b, s, j in itertools.product(
                ("", "veranstaltung", "material", "seite"),
                ("", "niedersachsen"),
                ("", "kindergesundheit"),
                (None, 2019),
            )
        ]
        # "Regionalwerkstatt Hannover" is also a title: its exact match ranks first.
        for query in (
            "Kommune",
            "Regionalwerkstatt",
            "Thueringen Kommune",
            "Regionalwerkstatt Hannover",
        ):
            for locale in locales:
                for facets in facet_sets:
                    for page, per_page in ((1, 10), (2, 1)):
                        params = SearchParams(
                            query=query, locale=locale, facets=facets, page=page, per_page=per_page
                        )
                        with self.subTest(query=query, locale=locale, facets=facets, page=page):
                            result = engine.search(params)
                            self.assertEqual(
                                (result.total, result.page, result.keys, result.facet_counts),
                                reference(DatabaseEngine(), params),
                            )
