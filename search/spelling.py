"""Spelling suggestions ("Meinten Sie …?") for a search that finds nothing or
little; only words that the public search finds are ever suggested.

The candidates come from a word table (search.models.SearchWord), filled when
modelsearch indexes objects (:func:`record`, called by both database backends
in search/backends), so a suggestion costs a few indexed look-ups however much
content there is, instead of reading the whole vocabulary per query:

* PostgreSQL: ``word % 'query word'`` over the table's GIN trigram index
  (pg_trgm, migrations search.0004 and 0005), the CANDIDATES most similar
  words of at least TRIGRAM_CUTOFF similarity. Like the search, all of it runs
  with sequential scans off (search.query._search_plan): for a word found
  nowhere the planner would otherwise read every entry (49 ms at 10,000).
* SQLite and others: the words with the same first letter read with an
  indexed range on ``word``, of similar length (± 3: a typo rarely changes
  either), then difflib's CANDIDATES closest of at least DIFFLIB_CUTOFF.

The table also holds words of drafts, restricted pages and private collections.
Privacy therefore comes from verification: the candidates are tried in order
with the same check as a query word (the public search, with its privacy
filters, finds the word alone: search.postgres.visible_entries on PostgreSQL,
search.query.public_pages / public_materials on SQLite, the engine's own query
on a search engine, search.elastic.EngineWords, which asks for all query words
in one request and for all candidates in a second), and the first one it finds
is the suggestion.

A query word is kept when the search finds it alone (as a prefix when it has
at least three letters, like the search's last word); otherwise it is replaced
by the first verified candidate, if any. Queries of more than MAX_WORDS words
get no suggestion, which bounds the work per request: the privacy filters
are read once, then per query word one check, one indexed read of candidates
and at most CANDIDATES checks (bench/search.py prints the cost and the SQL
statements)."""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from django.db import connection
from django.db.models.functions import Length

from wagtail.models import Locale

from .german import fold, stem, tokens
from .models import SearchWord

FEW_HITS = 2
MAX_WORDS = 6  # longer queries get no suggestion (bounds the work per request)
MIN_WORD = 4
MAX_WORD = SearchWord._meta.get_field("word").max_length
CANDIDATES = 8  # candidates verified per unknown word, most similar first
DIFFLIB_CUTOFF = 0.75
TRIGRAM_CUTOFF = 0.45


def words_of(texts: Iterable[str]) -> dict[str, str]:
    """The words of ``texts`` (folded, at least MIN_WORD letters, not digits
    only), by lower-cased form, each in its most frequent spelling."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        for word in tokens(fold(text or "")):
            if MIN_WORD <= len(word) <= MAX_WORD and not word.isdigit():
                spellings[word.lower()][word] += 1
    return {lower: counts.most_common(1)[0][0] for lower, counts in spellings.items()}


def record(texts: Iterable[str]) -> None:
    """Adds the words of ``texts`` (the indexed text of a batch of objects) to
    the word table; words already there keep their row (one INSERT per batch;
    sorted, so that concurrent saves lock shared words in the same order)."""
    words = words_of(texts)
    if words:
        SearchWord.objects.bulk_create(
            [SearchWord(word=word, spelling=words[word]) for word in sorted(words)],
            ignore_conflicts=True,
        )


def fill_from_index(chunk: int = 1000) -> None:
    """Adds the words of the plain text in modelsearch's index (PostgreSQL; on
    SQLite the index holds stems only). Migration search.0005 calls it once, so
    a site upgraded to the release that added the table suggests at once; on
    SQLite ``manage.py update_index`` fills the table."""
    from modelsearch.conf import get_app_config

    texts = get_app_config().get_model("IndexEntry").objects.values_list("title_text", "body_text")
    batch: list[str] = []
    for title, body in texts.iterator(chunk_size=chunk):
        batch += [title, body]
        if len(batch) >= 2 * chunk:
            record(batch)
            batch = []
    record(batch)


def clear() -> None:
    """Empties the word table (modelsearch resets or rebuilds its index)."""
    SearchWord.objects.all()._raw_delete(SearchWord.objects.db)


def _candidates_difflib(word: str) -> list[str]:
    """The spellings of up to CANDIDATES words most similar to ``word`` by
    difflib, among the table's words with the same first letter and a length
    within ± 3 (SQLite and others)."""
    lower = word.lower()
    first = lower[:1]
    rows = dict(
        SearchWord.objects.annotate(_length=Length("word"))
        .filter(
            word__gte=first,
            word__lt=chr(ord(first) + 1),
            _length__gte=len(lower) - 3,
            _length__lte=len(lower) + 3,
        )
        .values_list("word", "spelling")
    )
    matches = difflib.get_close_matches(lower, rows, n=CANDIDATES, cutoff=DIFFLIB_CUTOFF)
    return [rows[match] for match in matches]


def _finder_sqlite(locale: Locale) -> Callable[[str], bool]:
    """Whether the search finds a word alone in public content (SQLite: one FTS
    query per model; the privacy filters are read once per suggestion)."""
    from wagtail.models import Page

    from materials.models import Material

    from .query import DatabaseEngine, public_materials, public_pages

    engine = DatabaseEngine()
    sources = ((Page, public_pages(locale)), (Material, public_materials()))

    def found(word: str) -> bool:
        return any(engine._matched(model, queryset, word).exists() for model, queryset in sources)

    return found


def _candidates_trigram(word: str) -> list[str]:
    """The spellings of up to CANDIDATES words most similar to ``word`` by
    pg_trgm, over the word table's trigram index (PostgreSQL)."""
    table = SearchWord._meta.db_table
    lower = word.lower()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT spelling FROM {table} WHERE word %% %s AND similarity(word, %s) >= %s "  # noqa: S608 - the model's table
            "ORDER BY similarity(word, %s) DESC, word LIMIT %s",
            [lower, lower, TRIGRAM_CUTOFF, lower, CANDIDATES],
        )
        return [row[0] for row in cursor.fetchall()]


def _finder_postgres(locale: Locale) -> Callable[[str], bool]:
    """Whether the search finds a word alone in public content (PostgreSQL: the
    same tsquery as the search, on the visible entries; the privacy filters are
    read once per suggestion)."""
    from django.contrib.postgres.search import SearchQuery

    from .german import query_words, tsquery_text
    from .postgres import DOCUMENT, visible_entries

    entries = visible_entries(locale).annotate(_document=DOCUMENT)

    def found(word: str) -> bool:
        words = query_words(word)
        if words is None:
            return True
        tsquery = SearchQuery(tsquery_text(words), search_type="raw", config="german")
        return entries.filter(_document=tsquery).exists()

    return found


def database_finder(locale: Locale) -> Callable[[str], bool]:
    """Whether the database's public search finds a word alone."""
    if connection.vendor == "postgresql":
        return _finder_postgres(locale)
    return _finder_sqlite(locale)


def suggestion(query: str, locale: Locale, engine=None) -> str | None:
    """The query with each unknown word replaced by the most similar word that
    the public search finds, or None when nothing would change. ``engine`` is
    the engine that searched (search.query.get_engine): a search engine checks
    the words itself (search.elastic.EngineWords), so that a suggestion is
    found by the search that will run it; the database checks them otherwise."""
    from .query import _search_plan

    words = tokens(fold(query))
    if not words or len(words) > MAX_WORDS:
        return None
    with _search_plan():  # PostgreSQL: through the GIN indexes, as the search
        return _corrected(words, locale, engine)


def _corrected(words: list[str], locale: Locale, engine=None) -> str | None:
    postgres = connection.vendor == "postgresql"
    word_finder = getattr(engine, "word_finder", None)
    found = word_finder(locale, database_finder) if word_finder else database_finder(locale)
    # A finder that can check many words at once (one request to an engine).
    check = getattr(found, "check", lambda words: None)
    candidates = _candidates_trigram if postgres else _candidates_difflib
    stems = {w: stem(w) for w in words}
    check([w for w in words if stems[w]])
    known = {stems[w] for w in words if stems[w] and found(w)}
    unknown = [
        word
        for word in words
        if stems[word] is not None
        and stems[word] not in known
        and len(word) >= MIN_WORD
        and not word.isdigit()
    ]
    tried = {
        word: [c for c in candidates(word) if c.lower() != word.lower()]
        for word in dict.fromkeys(unknown)
    }
    check([c for cs in tried.values() for c in cs])
    result = [
        next((c for c in tried[word] if found(c)), word) if word in tried else word
        for word in words
    ]
    return " ".join(result) if result != words else None


__all__ = ["FEW_HITS", "clear", "database_finder", "fill_from_index", "record", "suggestion"]
