"""What the two search-engine backends (search/backends/opensearch.py and
search/backends/elasticsearch.py) share: the German analysis of every text
field and the uniform facet fields the cross-type query of search.elastic
relies on.

The analysis is the engine's form of search.german, so that the engine finds
what PostgreSQL finds (tests/search/test_engine_parity.py):

* lower case, then the parts of compound words from search/compounds.txt
  (Lucene's dictionary decompounder: "gesundheitsförderung" also yields
  "gesundheit" and "förderung"), kept beside the whole word;
* PostgreSQL's German stop words (search/german.stop), not Lucene's list;
* umlaut normalisation (ä → a, ae → a, ß → ss) and the Snowball German stemmer,
  the stemmer PostgreSQL's ``german`` configuration uses.

The query side (search.elastic) uses the same analyser, without the decompounder
(the index holds the parts, so "Förderung" finds "Gesundheitsförderung")."""

from __future__ import annotations

from search.facets import facet_document
from search.german import COMPOUND_WORDS, STOP_WORDS

GERMAN_FILTERS = ["lowercase", "german_stop", "german_normalization", "german_snowball"]


def german_analysis() -> dict:
    """The ``settings`` part of the index body."""
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "german_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
                    "german_snowball": {"type": "snowball", "language": "German"},
                    "german_compounds": {
                        "type": "dictionary_decompounder",
                        "word_list": list(COMPOUND_WORDS),
                        "min_word_size": 5,
                        "min_subword_size": 2,
                        "max_subword_size": 15,
                        "only_longest_match": False,
                    },
                },
                "analyzer": {
                    # Every text field without an analyser of its own.
                    "default": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "german_compounds", *GERMAN_FILTERS[1:]],
                    },
                    "default_search": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": GERMAN_FILTERS,
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


class FacetMappingMixin:
    """A modelsearch mapping with the facet fields in the mapping and documents."""

    def get_mapping(self):
        mapping = super().get_mapping()
        mapping["properties"].update(FACET_PROPERTIES)
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        document.update(facet_document(obj))
        return document
