"""modelsearch's Elasticsearch 9 backend with the German analysis and the facet
fields of search/backends/engine.py; configured by ``ELASTICSEARCH_URL`` with
``SEARCH_ENGINE=elasticsearch`` (config/settings/base.py). CI runs OpenSearch
(search/backends/opensearch.py): Elasticsearch's analysis module with the German
filters is not on Maven Central (README, "Suche auf einem Such-Cluster")."""

from copy import deepcopy

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.utils import deep_update

from .engine import FACET_PROPERTIES, FacetMappingMixin, german_analysis


class GermanMapping(FacetMappingMixin, Elasticsearch9Mapping):
    pass


class GermanSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = GermanMapping


class GermanAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = GermanMapping


class GermanElasticsearchBackend(Elasticsearch9SearchBackend):
    mapping_class = GermanMapping
    query_compiler_class = GermanSearchQueryCompiler
    autocomplete_query_compiler_class = GermanAutocompleteQueryCompiler
    settings = deep_update(deepcopy(Elasticsearch9SearchBackend.settings), german_analysis())


SearchBackend = GermanElasticsearchBackend
__all__ = ["FACET_PROPERTIES", "GermanElasticsearchBackend", "GermanMapping"]
