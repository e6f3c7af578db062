"""Tests against a real search engine: the plumbing.

Without ``ELASTICSEARCH_URL`` the suite searches the database (SQLite or
PostgreSQL). With it (``make test-search-engine``: an OpenSearch node from
scripts/search-node.sh, PostgreSQL as the database), the same tests search the
engine, because the settings make it the default backend:

* each run has an index prefix of its own (config/settings/test.py);
  tests/conftest.py creates the indices at the start (a node that does not
  answer stops the run at once) and deletes them at the end;
* before every test of tests/search the indices hold exactly what the database
  holds (:func:`reindex`): pytest-django rolls the database back after each
  test, and the index must follow;
* the index is refreshed before each engine read (:func:`refreshing`): the
  engine shows a write to searches only after a refresh (about a second later
  in production, where nobody searches for what was saved the same instant);
* a search that falls back to the database (:func:`no_fallback`), or an object
  the engine refuses to index (modelsearch's ``catch_indexing_errors`` off), fails
  the test instead of passing quietly on the database.
"""

from __future__ import annotations

import contextlib
from copy import deepcopy
from functools import cache

import pytest

from django.conf import settings


def configured() -> bool:
    """Whether this run searches an engine (ELASTICSEARCH_URL is set)."""
    return bool(getattr(settings, "ELASTICSEARCH_URL", None))


@cache
def _config() -> dict:
    """The run's engine settings, as they were at the start (a test may override
    WAGTAILSEARCH_BACKENDS, e.g. with a server that does not answer)."""
    return deepcopy(settings.WAGTAILSEARCH_BACKENDS["default"])


def backend():
    """This run's engine backend."""
    from wagtail.search.backends import get_search_backend

    params = {k: v for k, v in _config().items() if k != "BACKEND"}
    return get_search_backend(_config()["BACKEND"], **params)


def prefix() -> str:
    return _config()["INDEX_PREFIX"]


def _groups(engine_backend):
    from modelsearch.index import get_indexed_models
    from modelsearch.management.commands.rebuild_modelsearch_index import (
        group_models_by_index,
    )

    return group_models_by_index(engine_backend, get_indexed_models()).items()


def create_indices() -> None:
    """(Re)creates this run's indices with their settings and mappings. Raises
    the client's error when the engine does not answer."""
    engine_backend = backend()
    engine_backend.es.info()
    for index, models in _groups(engine_backend):
        index.put()
        for model in models:
            index.add_model(model)


def delete_indices() -> None:
    """Deletes every index of this run (also those an ``update_index`` made)."""
    client = backend().es
    for name in client.indices.get(index=f"{prefix()}*"):
        client.indices.delete(index=name)


def _opensearch(client) -> bool:
    return client.__class__.__module__.startswith("opensearchpy")


def _documents(client, pattern: str) -> list[dict]:
    """Index and id of every document in the indices ``pattern`` names (test
    corpora: far fewer than 10,000). The node has no delete-by-query module."""
    if _opensearch(client):
        found = client.search(index=pattern, size=10_000, _source=False)
    else:
        found = client.search(index=pattern, size=10_000, source=False)
    return [{"_index": hit["_index"], "_id": hit["_id"]} for hit in found["hits"]["hits"]]


def reindex() -> None:
    """Makes the indices hold exactly the indexed objects in the database now:
    every document deleted, every indexed object added again."""
    engine_backend = backend()
    client = engine_backend.es
    pattern = f"{prefix()}*"
    client.indices.refresh(index=pattern)
    stale = [{"_op_type": "delete", **document} for document in _documents(client, pattern)]
    if stale:
        engine_backend.bulk(client, stale)
    for index, models in _groups(engine_backend):
        for model in models:
            objects = list(model.get_indexed_objects())
            if objects:
                index.add_items(model, objects)
    client.indices.refresh(index=pattern)


def refreshing(execute):
    """``search.elastic.execute`` that refreshes the indices it reads first."""

    def refreshed(client, indices, search):
        from search.elastic import ERRORS

        # A node may be leaving (tests/search/test_cluster.py): the refresh is the
        # tests' convenience; the search itself must still be answered.
        with contextlib.suppress(*ERRORS):
            client.indices.refresh(index=",".join(indices))
        return execute(client, indices, search)

    return refreshed


def no_fallback(fallback):
    """``ElasticsearchEngine._fallback`` that fails when this run's engine could
    not answer (a test's own unreachable server, e.g. tests/search/test_elastic.py,
    has another index prefix and falls back as in production)."""

    def checked(engine, error):
        if error is not None and engine.backend.index_prefix == prefix():
            raise AssertionError(f"the engine did not answer, the database did: {error!r}")
        return fallback(engine, error)

    return checked


def database_only(reason: str):
    """Skips a test module or class of the database's own internals in the engine
    run (the SQLite and PostgreSQL stages run it)."""
    return pytest.mark.skipif(configured(), reason=f"database engine only: {reason}")


# Marks a test, class or module that runs only in the engine run.
engine_only = pytest.mark.skipif(
    not configured(),
    reason="needs a search engine: ELASTICSEARCH_URL (make test-search-engine)",
)


def analyze(text: str, analyzer: str = "default_search", **options) -> dict | list[str]:
    """The tokens the engine makes of ``text`` with one of the page index's
    analysers (``_analyze``); with ``explain=True`` the whole answer."""
    from wagtail.models import Page

    engine_backend = backend()
    client = engine_backend.es
    name = engine_backend.get_index_for_model(Page).name
    body = {"analyzer": analyzer, "text": text, **options}
    if _opensearch(client):
        response = client.indices.analyze(index=name, body=body)
    else:
        response = client.indices.analyze(index=name, **body)
    return response if options.get("explain") else [t["token"] for t in response["tokens"]]
