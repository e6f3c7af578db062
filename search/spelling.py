"""Spelling suggestions ("Meinten Sie …?") for a search that finds nothing or
little, from the words of PUBLIC content only.

The vocabulary is read at query time through the same privacy filters as the
search (search.query.public_pages / public_materials; on PostgreSQL
search.postgres.visible_entries), so a word that occurs only in a draft, a
restricted page or a private collection is never suggested. It is read only
when a search finds at most FEW_HITS items (bench/search.py prints the cost).

* PostgreSQL: ``pg_trgm`` similarity over the words of modelsearch's plain
  index text (title_text, body_text) of the visible entries
  (migration search.0004 creates the extension).
* SQLite and others: difflib over the words of the same fields of the public
  objects, read only when a query word is not found on its own (reading them
  costs about 1 s at 1,000 items, bench/search.py).

A query word is kept when the search finds it alone (as a prefix when it has
at least three letters, like the search's last word); otherwise it is replaced
by the most similar public word, if one is similar enough. The vocabulary is
only read when some word is not found."""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict

from django.db import connection

from wagtail.models import Locale

from .german import fold, stem, tokens

FEW_HITS = 2
MAX_WORDS = 6  # longer queries get no suggestion (bounds the work per request)
MIN_WORD = 4
DIFFLIB_CUTOFF = 0.75
TRIGRAM_CUTOFF = 0.45


def vocabulary(locale: Locale) -> dict[str, str]:
    """The public words (at least MIN_WORD letters), by lower-cased form, each in
    its most frequent spelling (SQLite path; reads the public objects)."""
    from .query import public_materials, public_pages, searchable_text

    spellings: dict[str, Counter] = defaultdict(Counter)
    objects = list(public_pages(locale).specific()) + list(public_materials())
    for obj in objects:
        parts, summary = searchable_text(obj)
        for text in (obj.title, summary, *parts):
            for word in tokens(fold(text)):
                if len(word) >= MIN_WORD and not word.isdigit():
                    spellings[word.lower()][word] += 1
    return {lower: counts.most_common(1)[0][0] for lower, counts in spellings.items()}


def _closest_difflib(word: str, words: dict[str, str]) -> str | None:
    """The most similar public word; candidates share the first letter and differ
    in length by at most 3 (a typo rarely changes either; keeps difflib fast)."""
    lower = word.lower()
    candidates = [w for w in words if w[:1] == lower[:1] and abs(len(w) - len(lower)) <= 3]
    match = difflib.get_close_matches(lower, candidates, n=1, cutoff=DIFFLIB_CUTOFF)
    return words[match[0]] if match else None


def _found_sqlite(word: str, locale: Locale) -> bool:
    """Whether the search finds ``word`` alone in public content (SQLite: one FTS
    query per model, so the vocabulary is read only for unknown words)."""
    from wagtail.models import Page

    from materials.models import Material

    from .query import DatabaseEngine, public_materials, public_pages

    engine = DatabaseEngine()
    return any(
        engine._matched(model, queryset, word).exists()
        for model, queryset in ((Page, public_pages(locale)), (Material, public_materials()))
    )


def _closest_trigram(word: str, locale: Locale) -> str | None:
    """The public word most similar to ``word`` by pg_trgm (PostgreSQL)."""
    from modelsearch.conf import get_app_config

    from .postgres import visible_entries

    index_table = get_app_config().get_model("IndexEntry")._meta.db_table
    visible_sql, visible_params = (
        visible_entries(locale).values("content_type_id", "object_id").query.sql_with_params()
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT mode() WITHIN GROUP (ORDER BY w), similarity(lower(w), %s) AS s "  # noqa: S608 - the ORM's SQL, with its params
            f"FROM {index_table} ie JOIN ({visible_sql}) v "
            "ON ie.content_type_id = v.content_type_id AND ie.object_id = v.object_id::text "
            "CROSS JOIN LATERAL regexp_split_to_table("
            "ie.title_text || ' ' || ie.body_text, '[^[:alnum:]]+') AS w "
            "WHERE length(w) >= %s AND lower(w) %% %s "
            "GROUP BY lower(w) ORDER BY s DESC, lower(w) LIMIT 1",
            [word.lower(), *visible_params, MIN_WORD, word.lower()],
        )
        row = cursor.fetchone()
    return row[0] if row and row[1] >= TRIGRAM_CUTOFF else None


def _found_postgres(word: str, locale: Locale) -> bool:
    """Whether the search finds ``word`` alone in public content (PostgreSQL: the
    same tsquery as the search, on the visible entries)."""
    from django.contrib.postgres.search import SearchQuery

    from .german import query_words, tsquery_text
    from .postgres import DOCUMENT, visible_entries

    words = query_words(word)
    if words is None:
        return True
    tsquery = SearchQuery(tsquery_text(words), search_type="raw", config="german")
    return visible_entries(locale).annotate(_document=DOCUMENT).filter(_document=tsquery).exists()


def suggestion(query: str, locale: Locale) -> str | None:
    """The query with each unknown word replaced by the closest public word, or
    None when nothing would change."""
    words = tokens(fold(query))
    if not words or len(words) > MAX_WORDS:
        return None
    postgres = connection.vendor == "postgresql"
    found = _found_postgres if postgres else _found_sqlite
    stems = {w: stem(w) for w in words}
    known = {stems[w] for w in words if stems[w] and found(w, locale)}
    if all(stems[w] in known or stems[w] is None for w in words):
        return None  # every word is found: nothing to correct
    public = None if postgres else vocabulary(locale)
    changed = False
    result = []
    for word in words:
        if stems[word] is None or stems[word] in known or len(word) < MIN_WORD or word.isdigit():
            result.append(word)
            continue
        closest = _closest_trigram(word, locale) if postgres else _closest_difflib(word, public)
        if closest and closest.lower() != word.lower():
            result.append(closest)
            changed = True
        else:
            result.append(word)
    return " ".join(result) if changed else None


__all__ = ["FEW_HITS", "suggestion", "vocabulary"]
