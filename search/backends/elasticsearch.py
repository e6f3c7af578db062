"""modelsearch's Elasticsearch 9 backend with German text analysis and the
uniform facet fields the cross-type query of search.elastic relies on.

Configured by ``ELASTICSEARCH_URL`` (config/settings/base.py). Every text field
without its own analyser (titles, body text, the ``_all_text`` catch-all) uses
the index's ``default`` analyser, here German: lower case, German stop words,
umlaut normalisation (ä → a, ß → ss, ae → a) and the light German stemmer, so
"Kommunen" finds "Kommune" and "Thueringen" finds "Thüringen"."""

from copy import deepcopy

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.utils import deep_update

from search.facets import facet_document

GERMAN_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "german_stop": {"type": "stop", "stopwords": "_german_"},
                "german_stemmer": {"type": "stemmer", "language": "light_german"},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "german_stop",
                        "german_normalization",
                        "german_stemmer",
                    ],
                },
            },
        }
    }
}

# Same names in the page and the material index, so one query can filter and
# aggregate across both (values from search.facets.facet_document).
FACET_PROPERTIES = {
    "gk_model": {"type": "keyword"},
    "gk_kind": {"type": "keyword"},
    "gk_locale": {"type": "keyword"},
    "gk_path": {"type": "keyword"},
    "gk_live": {"type": "boolean"},
    "gk_expire_at": {"type": "date"},
    "gk_bundesland": {"type": "keyword"},
    "gk_tags": {"type": "keyword"},
    "gk_year": {"type": "integer"},
}


class GermanMapping(Elasticsearch9Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        mapping["properties"].update(FACET_PROPERTIES)
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        document.update(facet_document(obj))
        return document


class GermanSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = GermanMapping


class GermanAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = GermanMapping


class GermanElasticsearchBackend(Elasticsearch9SearchBackend):
    mapping_class = GermanMapping
    query_compiler_class = GermanSearchQueryCompiler
    autocomplete_query_compiler_class = GermanAutocompleteQueryCompiler
    settings = deep_update(deepcopy(Elasticsearch9SearchBackend.settings), GERMAN_ANALYSIS)


SearchBackend = GermanElasticsearchBackend
