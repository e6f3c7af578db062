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
* a word with spelled-out umlauts also matches its umlaut form and the other
  way round ("Praevention" and "Prävention" each find both spellings; the
  stemmer already equates "Prävention" and "Pravention", and "ß" with "ss").
  The umlaut forms are tried on the query side only, so the index stays the
  database's own ``german`` vectors."""

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
# ae/oe/ue as spelled-out umlauts (Snowball's german2 rule: not the "ue" of "qu").
SPELLED_OUT = re.compile(r"(?<!q)ue|ae|oe", re.IGNORECASE)
UMLAUT_OF = {"ae": "ä", "oe": "ö", "ue": "ü"}
SPELLED_OUT_OF = {"ä": "ae", "ö": "oe", "ü": "ue"}

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
    """``text`` as the stems the SQLite index holds (space-separated)."""
    return " ".join(s for s in map(stem, tokens(text)) if s)


def spellings(word: str) -> tuple[str, ...]:
    """``word`` and its other umlaut spelling, if any ("Praevention" ->
    ("Praevention", "Prävention"); "Prävention" -> ("Prävention", "Praevention"))."""

    def umlaut(match: re.Match) -> str:
        return _same_case(match.group(0), UMLAUT_OF[match.group(0).lower()])

    umlauted = SPELLED_OUT.sub(umlaut, word)
    spelled = "".join(
        _same_case(c, SPELLED_OUT_OF[c.lower()]) if c.lower() in SPELLED_OUT_OF else c for c in word
    )
    return tuple(dict.fromkeys((word, umlauted, spelled)))


def _same_case(original: str, replacement: str) -> str:
    return replacement.upper() if original[:1].isupper() else replacement


@dataclass(frozen=True)
class QueryWords:
    """The words of a query (each with its spellings), all required; the last
    one matches as a prefix when ``prefix``."""

    words: tuple[tuple[str, ...], ...]
    prefix: bool

    def stems(self) -> list[tuple[str, ...]]:
        """Per word, its distinct stems (the SQLite side of the match)."""
        return [tuple(dict.fromkeys(s for s in map(stem, w) if s)) for w in self.words]


def query_words(text: str) -> QueryWords | None:
    """The words of a cleaned query, stop words left out (a word is left out when
    any of its spellings is one: "fuer" like "für"); None when none is left."""
    words = []
    for token in tokens(text):
        variants = spellings(token)
        if any(stem(v) is None for v in variants):
            continue
        words.append(variants)
    if not words:
        return None
    return QueryWords(words=tuple(words), prefix=len(words[-1][0]) >= MIN_PREFIX)


def tsquery_text(query: QueryWords) -> str:
    """``query`` for PostgreSQL's ``to_tsquery`` (which stems each lexeme):
    ``('praevention' | 'prävention') & 'kett':*``. Built from tokens of letters
    and digits only, quoted."""
    parts = []
    for position, variants in enumerate(query.words):
        last = query.prefix and position == len(query.words) - 1
        lexemes = [f"'{v}'" + (":*" if last else "") for v in variants]
        parts.append(lexemes[0] if len(lexemes) == 1 else "(" + " | ".join(lexemes) + ")")
    return " & ".join(parts)


def fts5_text(query: QueryWords) -> str:
    """``query`` for SQLite's FTS5 MATCH over the stemmed index:
    ``("praevention" OR "pravention") AND "kett"*``."""
    parts = []
    stems = query.stems()
    for position, alternatives in enumerate(stems):
        last = query.prefix and position == len(stems) - 1
        terms = [f'"{s}"' + ("*" if last else "") for s in alternatives]
        parts.append(terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")")
    return " AND ".join(parts)


class GermanQuery(PlainText):
    """A query for modelsearch's database backends whose words were prepared by
    :func:`query_words`; search.backends.database compiles it (prefix, umlaut
    spellings, stems on SQLite)."""

    def __init__(self, words: QueryWords):
        super().__init__(" ".join(variants[0] for variants in words.words), operator="and")
        self.words = words
