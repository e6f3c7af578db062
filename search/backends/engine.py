"""What the two search-engine backends (search/backends/opensearch.py and
search/backends/elasticsearch.py) share: the German analysis of every text
field and the uniform facet fields the cross-type query of search.elastic
relies on.

The analysis is the engine's form of search.german, so that the engine finds
what PostgreSQL finds (tests/search/test_engine_parity.py):

* lower case, then PostgreSQL's German stop words (search/german.stop), not
  Lucene's list;
* umlaut normalisation (ä → a, ae → a, ß → ss: Lucene's German normalisation);
* the parts of compound words from search/compounds.txt (Lucene's dictionary
  decompounder over the normalised word and a normalised list, so that
  "Gesundheitsförderung" and "Gesundheitsfoerderung" both also yield
  "gesundheit" and "forderung"), kept beside the whole word;
* the Snowball German stemmer, the stemmer PostgreSQL's ``german``
  configuration uses.

The query side (search.elastic) uses the same analyser, without the decompounder
(the index holds the parts, so "Förderung" finds "Gesundheitsförderung").
tests/search/test_elastic.py checks the analysis on a real node (``_analyze``)."""

from __future__ import annotations

from search.facets import facet_document
from search.german import COMPOUND_WORDS, STOP_WORDS

GERMAN_FILTERS = ["lowercase", "german_stop", "german_normalization", "german_snowball"]
INDEX_FILTERS = [*GERMAN_FILTERS[:3], "german_compounds", GERMAN_FILTERS[3]]


def normalized(word: str) -> str:
    """``word`` (lower case) as Lucene's German normalisation writes it: umlauts
    without marks, ß as ss, and the e of a spelled-out umlaut dropped (ae, oe,
    ue, but not after q or in a diphthong such as eu or au); the decompounder
    compares its word list with the normalised words."""
    out: list[str] = []
    state = "none"  # "umlaut": an a, o or u that an e would turn into an umlaut
    for character in word:
        if character in "ao":
            state = "umlaut"
        elif character == "u":
            state = "umlaut" if state == "none" else "vowel"
        elif character == "e":
            if state == "umlaut":
                state = "vowel"
                continue
            state = "vowel"
        elif character in "iqy":
            state = "vowel"
        elif character in "äöü":
            character = {"ä": "a", "ö": "o", "ü": "u"}[character]
            state = "vowel"
        elif character == "ß":
            character = "ss"
            state = "none"
        else:
            state = "none"
        out.append(character)
    return "".join(out)


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
                        "word_list": sorted({normalized(w) for w in COMPOUND_WORDS}),
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
                        "filter": INDEX_FILTERS,
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
