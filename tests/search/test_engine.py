"""The database engine's fast path (facet counts in SQL, only the top hits
ranked and fetched) gives exactly what the exhaustive reference gives: every
matching row loaded, ordered and counted in Python."""

import itertools

from django.test import TestCase

from search.facets import Facets, count_facets
from search.query import DatabaseEngine, SearchParams, clamp_page

from .content import build_corpus


def reference(engine: DatabaseEngine, params: SearchParams):
    rows = engine.rows(params)
    matching = [r for r in rows if not r.failing(params.facets)]
    page = clamp_page(params.page, len(matching), params.per_page)
    start = (page - 1) * params.per_page
    return (
        len(matching),
        page,
        [(r.model, r.pk) for r in matching[start : start + params.per_page]],
        {d: dict(c) for d, c in count_facets(rows, params.facets).items()},
    )


class FastPathTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def test_same_as_reference(self):
        from wagtail.models import Locale

        engine = DatabaseEngine()
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
                                reference(engine, params),
                            )
