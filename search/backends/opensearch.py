"""modelsearch's OpenSearch backend (opensearch-py 2.4, see pyproject.toml) with the German analysis
and the facet fields of search/backends/engine.py. The engine CI tests against
(scripts/search-node.sh, OpenSearch 2.19); configured by ``ELASTICSEARCH_URL``
with ``SEARCH_ENGINE=opensearch`` (the default; config/settings/base.py)."""

from copy import deepcopy

from modelsearch.backends.opensearch2 import (
    OpenSearch2AutocompleteQueryCompiler,
    OpenSearch2Mapping,
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
)
from modelsearch.utils import deep_update

from .engine import FacetMappingMixin, german_analysis


class GermanMapping(FacetMappingMixin, OpenSearch2Mapping):
    pass


class GermanSearchQueryCompiler(OpenSearch2SearchQueryCompiler):
    mapping_class = GermanMapping


class GermanAutocompleteQueryCompiler(OpenSearch2AutocompleteQueryCompiler):
    mapping_class = GermanMapping


class GermanOpenSearchBackend(OpenSearch2SearchBackend):
    mapping_class = GermanMapping
    query_compiler_class = GermanSearchQueryCompiler
    autocomplete_query_compiler_class = GermanAutocompleteQueryCompiler
    settings = deep_update(deepcopy(OpenSearch2SearchBackend.settings), german_analysis())


SearchBackend = GermanOpenSearchBackend
