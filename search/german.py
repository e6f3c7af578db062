"""German words for the search, the same on SQLite and on PostgreSQL.

PostgreSQL matches with its ``german`` text-search configuration: words are
lower-cased, stop words dropped and the rest reduced by the Snowball German
stemmer. SQLite's FTS5 knows no German, so on SQLite the index holds the
stems that PostgreSQL would make (search.backends.database): the same stemmer
(``snowballstemmer`` pinned to the Snowball release that PostgreSQL ships, see
pyproject.toml) and the same stop words (search/german.stop, PostgreSQL's
list). "Präventionsketten" and "Präventionskette" are both "praventionskett".

The query is built here for both databases (:func:`query_words`), from plain
letter-and-digit tokens only, so no query syntax of FTS5 or tsquery can reach
the database:

* the last word matches as a prefix ("Präv" finds "Präventionskette") when it
  has at least MIN_PREFIX characters;
* spelled-out umlauts are written as umlauts before stemming, in the indexed
  text and in the query (:func:`fold`; search.backends), so "Praevention",
  "Prävention" and "Pravention" find the same; the stemmer equates "ß" and "ss".

Compound words: the index (not the query) also holds the parts of each word
that search/compounds.txt lists (:func:`decompound`, :func:`compound_parts`),
so "Förderung" finds "Gesundheitsförderung" and "Kette" finds
"Praeventionskette", on both databases as on the search engine."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import snowballstemmer
from modelsearch.query import PlainText

TOKEN = re.compile(r"[^\W_]+")
MIN_PREFIX = 3
STOP_WORDS = frozenset(
    line.strip()
    for line in Path(__file__).with_name("german.stop").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
# Parts of compound words (search/compounds.txt), for the engine's decompounder
# and the database index.
COMPOUND_WORDS = tuple(
    line.strip()
    for line in Path(__file__).with_name("compounds.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
# Lucene's dictionary_decompounder settings, the same as the engine's
# (search/backends/elasticsearch.py): words of at least MIN_COMPOUND letters are
# searched for parts of MIN_PART to MAX_PART letters.
MIN_COMPOUND = 5
MIN_PART = 2
MAX_PART = 15
_COMPOUND_SET = frozenset(COMPOUND_WORDS)
# ae/oe/ue as spelled-out umlauts (Snowball's german2 rule: not the "ue" of "qu").
SPELLED_OUT = re.compile(r"(?<!q)ue|ae|oe", re.IGNORECASE)
UMLAUT_OF = {"ae": "ä", "oe": "ö", "ue": "ü"}

_local = threading.local()  # a Snowball stemmer object is not thread-safe


def tokens(text: str) -> list[str]:
    """The words of ``text``: runs of letters and digits (as PostgreSQL's parser
    splits at hyphens, underscores and punctuation)."""
    return TOKEN.findall(text)


@lru_cache(maxsize=100_000)
def stem(token: str) -> str | None:
    """What PostgreSQL's ``german`` configuration makes of one token: None for a
    stop word, a word with digits lower-cased as is ("simple" dictionary), else
    the Snowball stem."""
    word = token.lower()
    if any(character.isdigit() for character in word):
        return word
    if word in STOP_WORDS:
        return None
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("german")
    return stemmer.stemWord(word)


def index_text(text: str) -> str:
    """``text`` as the stems the SQLite index holds (space-separated): the stems
    of its words, then those of their compound parts (:func:`compound_parts`)."""
    words = tokens(fold(text))
    return " ".join(s for s in map(stem, words + _parts_of(words)) if s)


def decompound(word: str) -> list[str]:
    """The parts of ``word`` that search/compounds.txt lists, as Lucene's
    DictionaryCompoundWordTokenFilter finds them with the engine's settings
    (only_longest_match false): nothing for a word of fewer than MIN_COMPOUND
    letters; else, for each start position and each length from MIN_PART to
    MAX_PART that fits, the substring when it is in the list, in that order
    (overlapping parts, and the whole word when it is listed). Case-insensitive:
    the parts are lower-case. The word itself stays in the index anyway.

    "gesundheitsförderung" -> ["gesundheit", "förderung"]. The word is not
    folded here (see :func:`compound_parts`)."""
    return list(_decompound(word.lower()))


@lru_cache(maxsize=100_000)
def _decompound(word: str) -> tuple[str, ...]:
    if len(word) < MIN_COMPOUND:
        return ()
    return tuple(
        word[start : start + length]
        for start in range(len(word) - MIN_PART + 1)
        for length in range(MIN_PART, min(MAX_PART, len(word) - start) + 1)
        if word[start : start + length] in _COMPOUND_SET
    )


def compound_parts(text: str) -> list[str]:
    """The compound parts (:func:`decompound`) of every word of ``text``, in
    order, one per occurrence (as the engine's token stream has them).

    Spelled-out umlauts are folded first (:func:`fold`), as everywhere in the
    database index, so "Praeventionskette" gives "prävention" and "kette"
    (the list spells umlauts as umlauts)."""
    return _parts_of(tokens(fold(text)))


def _parts_of(words: list[str]) -> list[str]:
    return [part for word in words for part in _decompound(word.lower())]


def with_parts(text: str) -> str:
    """``text`` with its compound parts appended (PostgreSQL's indexed text,
    search.backends.database); ``text`` itself when it has none."""
    parts = compound_parts(text)
    return f"{text} {' '.join(parts)}" if parts else text


def fold(text: str) -> str:
    """``text`` with spelled-out umlauts written as umlauts ("Praevention" ->
    "Prävention"; not the "ue" after "q"), on the index and the query side of
    both databases. The stemmer then drops the umlaut marks, so "Praevention",
    "Prävention" and "Pravention" all become "pravention"."""

    def umlaut(match: re.Match) -> str:
        found = match.group(0)
        replacement = UMLAUT_OF[found.lower()]
        return replacement.upper() if found[0].isupper() else replacement

    return SPELLED_OUT.sub(umlaut, text)


@dataclass(frozen=True)
class QueryWords:
    """The (folded) words of a query, all required; the last one matches as a
    prefix when ``prefix``."""

    words: tuple[str, ...]
    prefix: bool


def query_words(text: str) -> QueryWords | None:
    """The words of a cleaned query, folded, stop words left out; None when none
    is left."""
    words = tuple(word for word in tokens(fold(text)) if stem(word) is not None)
    if not words:
        return None
    return QueryWords(words=words, prefix=len(words[-1]) >= MIN_PREFIX)


def tsquery_text(query: QueryWords) -> str:
    """``query`` for PostgreSQL's ``to_tsquery`` (which stems each lexeme):
    ``'prävention' & 'kett':*``, from tokens of letters and digits only, quoted."""
    last = len(query.words) - 1
    return " & ".join(
        f"'{word}'" + (":*" if query.prefix and i == last else "")
        for i, word in enumerate(query.words)
    )


def fts5_text(query: QueryWords) -> str:
    """``query`` for SQLite's FTS5 MATCH over the stemmed index:
    ``"pravention" AND "kett"*``."""
    last = len(query.words) - 1
    return " AND ".join(
        f'"{stem(word)}"' + ("*" if query.prefix and i == last else "")
        for i, word in enumerate(query.words)
    )


class GermanQuery(PlainText):
    """A query for modelsearch's database backends whose words were prepared by
    :func:`query_words`; search.backends.database compiles it (prefix, umlaut
    spellings, stems on SQLite)."""

    def __init__(self, words: QueryWords):
        super().__init__(" ".join(words.words), operator="and")
        self.words = words
