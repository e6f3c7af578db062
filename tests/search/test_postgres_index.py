"""The search's full-text match uses the GIN index on ``title || body`` that
search/migrations/0001 adds to the index table (PostgreSQL only). If
modelsearch ever matched on another expression, the index would silently stop
being used and every search would read the whole table again."""

import re

import pytest

from django.db import connection, transaction
from django.test import TestCase

from wagtail.models import Locale, Page
from wagtail.search.models import IndexEntry

from search.query import DatabaseEngine, _search_plan, public_pages
from tests.engine import database_only

from .content import build_corpus

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="GIN indexes exist on PostgreSQL only"
    ),
    database_only("the query plans of the database's search"),
]

INDEX_NAME = "search_indexentry_title_body_gin"


class TitleBodyIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def test_the_index_exists_on_the_search_table(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [INDEX_NAME])
            row = cursor.fetchone()
        assert row is not None
        assert "gin" in row[0] and "(title || body)" in row[0], row[0]

    def test_the_search_matches_on_the_indexed_expression(self):
        locale = Locale.objects.get(language_code="de")
        matched = DatabaseEngine()._matched(Page, public_pages(locale), "Kommune")
        sql, params = matched.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(line for (line,) in cursor.fetchall())
            matches = set(re.findall(r"\(([^()]+)\) @@ ", plan))
            assert matches == {"title || body"}, plan

            # And a match on that expression is answered from the index.
            table = connection.ops.quote_name(IndexEntry._meta.db_table)
            with transaction.atomic():
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute(
                    f"EXPLAIN SELECT id FROM {table} "  # noqa: S608 - a model's table name
                    "WHERE (title || body) @@ to_tsquery('german', 'kommun')"
                )
                plan = "\n".join(line for (line,) in cursor.fetchall())
        assert f"Bitmap Index Scan on {INDEX_NAME}" in plan, plan


class ExactTitleIndexTests(TestCase):
    """search/migrations/0002: the exact-title lookup of the ranking
    (``title__iexact``) is answered from an index on pages and on materials."""

    def test_iexact_on_titles_uses_the_indexes(self):
        from materials.models import Material

        for model, index_name in (
            (Page, "search_page_title_upper"),
            (Material, "search_material_title_upper"),
        ):
            # Without Page's default ordering (path), for which the planner may
            # prefer walking the path index and filtering each row.
            sql, params = (
                model.objects.filter(title__iexact="Unsere Vision")
                .order_by()
                .query.sql_with_params()
            )
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute("EXPLAIN " + sql, params)
                plan = "\n".join(line for (line,) in cursor.fetchall())
            assert index_name in plan, plan


class SearchEntryIndexTests(TestCase):
    """search/migrations/0003: the search on its own table (search.postgres)
    matches and counts from the GIN index on ``title || body`` and finds title
    matches from the GIN index on ``title``; without them every search would
    read the whole table."""

    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def plans(self, query: str) -> str:
        from django.test.utils import CaptureQueriesContext

        from search.postgres import PostgresEngine
        from search.query import SearchParams

        params = SearchParams(query=query, locale=Locale.objects.get(language_code="de"))
        with CaptureQueriesContext(connection) as captured:
            PostgresEngine().search(params)
        plans = []
        # Planned as the engine plans them (search.query._search_plan); on this
        # small corpus the planner would otherwise read the table sequentially.
        with _search_plan(), connection.cursor() as cursor:
            for executed in captured.captured_queries:
                if "search_searchentry" in executed["sql"]:
                    cursor.execute("EXPLAIN " + executed["sql"])
                    plans.append("\n".join(line for (line,) in cursor.fetchall()))
        return "\n\n".join(plans)

    def test_match_and_title_match_use_the_indexes(self):
        plans = self.plans("Kommune")
        assert "Bitmap Index Scan on search_entry_document_gin" in plans, plans
        assert "Bitmap Index Scan on search_entry_title_gin" in plans, plans
