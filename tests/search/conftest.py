"""The search tests run on the database and, with ELASTICSEARCH_URL, on a real
engine (tests/engine.py; `make test-search-engine`): here the index follows the
database from test to test, is refreshed before each engine read, and a
search that falls back to the database fails."""

import pytest

from django.test import TransactionTestCase

from search import elastic
from tests import engine


def _uses_the_database(request) -> bool:
    if request.instance is not None:
        return isinstance(request.instance, TransactionTestCase)
    return bool(
        {"db", "transactional_db", "django_db_reset_sequences"} & set(request.fixturenames)
    ) or bool(request.node.get_closest_marker("django_db"))


@pytest.fixture(autouse=True)
def _engine_follows_the_database(request, monkeypatch):
    if not engine.configured():
        return
    monkeypatch.setattr(elastic, "execute", engine.refreshing(elastic.execute))
    monkeypatch.setattr(elastic, "execute_many", engine.refreshing(elastic.execute_many))
    monkeypatch.setattr(
        elastic.ElasticsearchEngine,
        "_fallback",
        engine.no_fallback(elastic.ElasticsearchEngine._fallback),
    )
    if _uses_the_database(request):
        request.getfixturevalue("db")
        engine.reindex()


def pytest_terminal_summary(terminalreporter):
    """The engine run reports how far the engine's first ten hits agree with
    PostgreSQL's (tests/search/test_engine_parity.py)."""
    import sys

    parity = sys.modules.get("tests.search.test_engine_parity")
    overlap = getattr(parity, "OVERLAP", None)
    if not overlap:
        return
    terminalreporter.section("engine and PostgreSQL: overlap of the first ten hits")
    shared = sum(n for n, _ in overlap.values())
    possible = sum(m for _, m in overlap.values())
    for query, (n, m) in sorted(overlap.items()):
        terminalreporter.write_line(f"{query!r:40} {n}/{m}")
    terminalreporter.write_line(f"all queries: {shared}/{possible} hits shared")
