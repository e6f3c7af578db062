"""The search on a search engine (OpenSearch or Elasticsearch): one query over
the page and the material index, built with elasticsearch.dsl as a request body
that both engines' clients send unchanged, with the facets as aggregations.

* Text: all words required (``operator: and``) in the title or the ``_all_text``
  catch-all, analysed in German (search/backends/engine.py); the last word
  matches as a prefix, as on the database (search.german.query_words); a phrase
  match on the title ranks an exact title first.
* Filters (never scored): pages of the active language that are live, not past
  their expiry date and not below a view-restricted page; materials approved by
  a moderator (``gk_live``) and outside view-restricted collections. Restricted
  paths are read from the database on every search, so a new restriction applies
  at once, without re-indexing.
* Facets: ``post_filter`` narrows the hits; each aggregation is filtered by the
  *other* active facets (as the database engine counts them).
* The hits shown are loaded from the database and checked again
  (search.query.load_hits), so a stale index never shows anything private.

If the engine cannot be reached, the search falls back to the database engine
with a logged warning, and skips the engine for RETRY_AFTER_SECONDS; the next
search after that tries it again (no restart needed)."""

from __future__ import annotations

import logging
import re
import time

from elastic_transport import TransportError
from elasticsearch import ApiError
from elasticsearch.dsl import Q, Search
from opensearchpy.exceptions import OpenSearchException

from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction

from materials.models import Material, restricted_collection_paths

from .facets import DIMENSIONS, Facets
from .german import query_words
from .query import (
    SUGGESTIONS,
    DatabaseEngine,
    EngineResult,
    SearchParams,
    clamp_page,
    database_engine,
    visible_keys,
)

logger = logging.getLogger(__name__)

FACET_FIELDS = {
    "typ": "gk_kind",
    "bundesland": "gk_bundesland",
    "schlagwort": "gk_tags",
    "jahr": "gk_year",
}
FACET_SIZE = 50
TEXT_FIELDS = ["title^3", "_all_text"]
RETRY_AFTER_SECONDS = 30
# The engine pages no further than this many hits (its index.max_result_window):
# a request for a later page shows the last page it reaches.
MAX_WINDOW = 10_000


class PartialResults(Exception):
    """Some shards did not answer (a node left the cluster and its shards are
    being taken over): the hits and counts would be incomplete."""


# Everything either client raises for an unreachable, failing or refusing engine,
# and incomplete answers.
ERRORS = (ApiError, TransportError, OpenSearchException, PartialResults)

_unreachable_until = 0.0


def reset_circuit() -> None:
    """Forget an earlier failure (tests; or after the server is back)."""
    global _unreachable_until
    _unreachable_until = 0.0


def _mark_unreachable() -> None:
    global _unreachable_until
    _unreachable_until = time.monotonic() + RETRY_AFTER_SECONDS


def visibility_filter(locale: Locale, page_paths: list[str], collection_paths: list[str]):
    """What may be found at all (the Elasticsearch form of search.query.public_pages
    and public_materials)."""
    pages = Q(
        "bool",
        filter=[
            Q("term", gk_model="page"),
            Q("term", gk_locale=locale.language_code),
            Q("term", gk_live=True),
        ],
        must_not=[Q("range", gk_expire_at={"lte": timezone.now().isoformat()})]
        + [Q("prefix", gk_path=path) for path in page_paths],
    )
    materials = Q(
        "bool",
        filter=[Q("term", gk_model="material"), Q("term", gk_live=True)],
        must_not=[Q("prefix", gk_path=path) for path in collection_paths],
    )
    return Q("bool", should=[pages, materials], minimum_should_match=1)


def text_query(query: str):
    """All words in the title or the text; the last one as a prefix when it is
    long enough (search.german.query_words, as on the database)."""
    words = query_words(query)
    text = " ".join(words.words) if words else query
    match_type = "bool_prefix" if words and words.prefix else "best_fields"
    return Q(
        "bool",
        must=[Q("multi_match", query=text, type=match_type, fields=TEXT_FIELDS, operator="and")],
        should=[Q("match_phrase", title={"query": text, "boost": 10})],
    )


def facet_filter(dimension: str, value, locale: Locale) -> Q:
    if dimension == "bundesland":  # "language:slug" (search.facets.facet_document)
        value = f"{locale.language_code}:{value}"
    return Q("term", **{FACET_FIELDS[dimension]: value})


def build_search(
    params: SearchParams,
    *,
    indices: list[str],
    page_paths: list[str],
    collection_paths: list[str],
    using=None,
) -> Search:
    """The complete request for one page of hits with all facet counts."""
    active = params.facets.active()
    search = Search(using=using, index=indices).query(
        Q(
            "bool",
            must=[text_query(params.query)],
            filter=[visibility_filter(params.locale, page_paths, collection_paths)],
        )
    )
    if active:
        search = search.post_filter(
            Q("bool", filter=[facet_filter(d, v, params.locale) for d, v in active.items()])
        )
    for dimension in DIMENSIONS:
        others = [facet_filter(d, v, params.locale) for d, v in active.items() if d != dimension]
        terms = {"field": FACET_FIELDS[dimension], "size": FACET_SIZE}
        if dimension == "bundesland":  # the values of the search's language
            terms["include"] = f"{re.escape(params.locale.language_code)}:.*"
        search.aggs.bucket(dimension, "filter", filter=Q("bool", filter=others)).bucket(
            "values", "terms", **terms
        )
    offset = (params.page - 1) * params.per_page
    return search.extra(from_=offset, size=params.per_page, track_total_hits=True).source(
        ["pk", "gk_model"]
    )


def build_suggest(
    query: str,
    locale: Locale,
    *,
    indices: list[str],
    page_paths: list[str],
    collection_paths: list[str],
    using=None,
    size: int = SUGGESTIONS,
) -> Search:
    return (
        Search(using=using, index=indices)
        .query(
            Q(
                "bool",
                must=[Q("match", _edgengrams={"query": query, "operator": "and"})],
                filter=[visibility_filter(locale, page_paths, collection_paths)],
            )
        )
        .extra(size=size)
        .source(["pk", "gk_model"])
    )


def build_word_check(
    word: str,
    locale: Locale,
    *,
    indices: list[str],
    page_paths: list[str],
    collection_paths: list[str],
    using=None,
) -> Search:
    """Whether the public search finds ``word`` alone (search.spelling): the
    search's own text query and filters, stopping at the first hit."""
    return (
        Search(using=using, index=indices)
        .query(
            Q(
                "bool",
                must=[text_query(word)],
                filter=[visibility_filter(locale, page_paths, collection_paths)],
            )
        )
        .extra(size=0, terminate_after=1, track_total_hits=True)
    )


def _facet_value(dimension: str, key):
    return key.split(":", 1)[1] if dimension == "bundesland" else key


def parse_facets(aggregations: dict) -> dict[str, dict]:
    counts: dict[str, dict] = {}
    for dimension in DIMENSIONS:
        buckets = aggregations.get(dimension, {}).get("values", {}).get("buckets", [])
        counts[dimension] = {
            _facet_value(dimension, b["key"]): b["doc_count"] for b in buckets if b["doc_count"]
        }
    return counts


def execute(client, indices: list[str], search: Search) -> dict:
    """Send ``search`` with either engine's client (both take the same body).

    An answer with failed shards (a node has just left the cluster) is asked for
    once more, then refused: results are complete or come from the database."""
    body = search.to_dict()
    for _attempt in range(2):
        response = client.search(index=",".join(indices), body=body)
        failed = response.get("_shards", {}).get("failed", 0)
        if not failed:
            return response
        logger.info("%s of the engine's shards failed; asking again.", failed)
    raise PartialResults(f"{failed} shards failed")


def execute_many(client, indices: list[str], searches: list[Search]) -> list[dict]:
    """Send several searches in one request (``_msearch``); their responses in order."""
    lines: list[dict] = []
    for search in searches:
        lines += [{"index": ",".join(indices)}, search.to_dict()]
    if client.__class__.__module__.startswith("opensearchpy"):
        response = client.msearch(body=lines)
    else:
        response = client.msearch(searches=lines)
    return response["responses"]


def hit_keys(response: dict) -> list[tuple[str, int]]:
    return [
        (hit["_source"]["gk_model"], int(hit["_source"]["pk"])) for hit in response["hits"]["hits"]
    ]


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self, backend):
        self.backend = backend

    def indices(self) -> list[str]:
        return [
            self.backend.get_index_for_model(Page).name,
            self.backend.get_index_for_model(Material).name,
        ]

    def _paths(self) -> dict:
        return {
            "indices": self.indices(),
            "page_paths": list(PageViewRestriction.objects.values_list("page__path", flat=True)),
            "collection_paths": restricted_collection_paths(),
        }

    def _available(self) -> bool:
        return time.monotonic() >= _unreachable_until

    def _fallback(self, error: Exception | None) -> DatabaseEngine:
        if error is not None:
            _mark_unreachable()
            logger.warning(
                "The search engine is unreachable (%s); searching the database instead.",
                error.__class__.__name__,
            )
        return database_engine()

    def search(self, params: SearchParams) -> EngineResult:
        if query_words(params.query) is None:  # only stop words, no letters: nothing
            return EngineResult(0, 1, [], {d: {} for d in DIMENSIONS}, engine=self.name)
        if not self._available():
            return self._fallback(None).search(params)
        last_page = MAX_WINDOW // params.per_page
        if params.page > last_page:
            params = SearchParams(
                params.query, params.locale, params.facets, last_page, params.per_page
            )
        try:
            paths = self._paths()
            client = self.backend.es
            response = execute(client, paths["indices"], build_search(params, **paths))
            total = response["hits"]["total"]["value"]
            page = clamp_page(params.page, total, params.per_page)
            if page != params.page:
                params = SearchParams(
                    params.query, params.locale, params.facets, page, params.per_page
                )
                response = execute(client, paths["indices"], build_search(params, **paths))
        except ERRORS as error:
            result = self._fallback(error).search(params)
            result.engine = "database (fallback)"
            return result
        return EngineResult(
            total=total,
            page=page,
            keys=hit_keys(response),
            facet_counts=parse_facets(response.get("aggregations", {})),
            engine=self.name,
        )

    def suggest(self, query: str, locale: Locale, limit: int = SUGGESTIONS) -> list:
        if not self._available():
            return self._fallback(None).suggest(query, locale, limit)
        try:
            paths = self._paths()
            search = build_suggest(query, locale, size=limit, **paths)
            response = execute(self.backend.es, paths["indices"], search)
        except ERRORS as error:
            return self._fallback(error).suggest(query, locale, limit)
        keys = hit_keys(response)
        objects = visible_keys(keys, locale)
        return [objects[key] for key in keys if key in objects]

    def word_finder(self, locale: Locale, fallback):
        """Which words the public search finds alone, for search.spelling;
        ``fallback(locale)`` (the database's check) when the engine is away."""
        if not self._available():
            return fallback(locale)
        return EngineWords(self, locale, fallback)


class EngineWords:
    """Whether the engine's public search finds a word alone, asked for many
    words in one request (:meth:`check`, one ``_msearch``) and remembered. If
    the engine fails, the database's check (``fallback``) answers instead."""

    def __init__(self, engine: ElasticsearchEngine, locale: Locale, fallback):
        self.engine, self.locale, self.fallback = engine, locale, fallback
        self.known: dict[str, bool] = {}
        self.database = None
        self.paths: dict | None = None

    def check(self, words) -> None:
        todo = [w for w in dict.fromkeys(words) if w not in self.known]
        if not todo or self.database is not None:
            return
        try:
            if self.paths is None:
                self.paths = self.engine._paths()
            searches = [build_word_check(w, self.locale, **self.paths) for w in todo]
            responses = execute_many(self.engine.backend.es, self.paths["indices"], searches)
        except ERRORS as error:
            self.engine._fallback(error)  # logs it and rests the engine for a while
            self.database = self.fallback(self.locale)
            return
        for word, response in zip(todo, responses, strict=True):
            hits = response.get("hits", {}).get("total", {}).get("value", 0)
            self.known[word] = "error" not in response and hits > 0

    def __call__(self, word: str) -> bool:
        self.check([word])
        if self.database is not None:
            return self.database(word)
        return self.known[word]


__all__ = [
    "ElasticsearchEngine",
    "EngineWords",
    "Facets",
    "build_search",
    "build_suggest",
    "build_word_check",
    "reset_circuit",
]
