"""The search tests run on the database and, with ELASTICSEARCH_URL, on a real
engine (tests/engine.py; `make test-search-engine`): here the index follows the
database from test to test, is refreshed before each engine read, and a
search that falls back to the database fails."""

import pytest

from search import elastic
from tests import engine


@pytest.fixture(autouse=True)
def _engine_follows_the_database(request, monkeypatch):
    if not engine.configured():
        return
    request.getfixturevalue("db")
    engine.reindex()
    monkeypatch.setattr(elastic, "execute", engine.refreshing(elastic.execute))
    monkeypatch.setattr(
        elastic.ElasticsearchEngine,
        "_fallback",
        engine.no_fallback(elastic.ElasticsearchEngine._fallback),
    )
