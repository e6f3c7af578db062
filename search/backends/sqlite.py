"""modelsearch's SQLite (FTS5) backend with German stems: the index holds the
Snowball stems of title and body that PostgreSQL's ``german`` configuration
would make, and a search.german.GermanQuery becomes an FTS5 query of stems
(see search/backends/database.py, which picks this backend on SQLite)."""

from dataclasses import replace
from functools import cached_property

from modelsearch.backends.database.sqlite import sqlite as modelsearch_sqlite
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

from search import spelling
from search.german import GermanQuery, fold, fts5_text, index_text, query_words


class StemmedIndexer(modelsearch_sqlite.ObjectIndexer):
    """Title and body as Snowball stems, compound parts included
    (search.german.index_text), the autocomplete text with umlauts folded
    (search.german.fold)."""

    @cached_property
    def title_text(self):
        return modelsearch_sqlite.ObjectIndexer.title.func(self)

    @cached_property
    def body_text(self):
        return modelsearch_sqlite.ObjectIndexer.body.func(self)

    @cached_property
    def title(self):
        return index_text(self.title_text)

    @cached_property
    def body(self):
        return index_text(self.body_text)

    @cached_property
    def autocomplete(self):
        return fold(modelsearch_sqlite.ObjectIndexer.autocomplete.func(self))


class StemmedSQLiteIndex(modelsearch_sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        """modelsearch's SQLiteIndex.add_items with the stemming indexer; then
        the word table (search.spelling.record)."""
        if not model.get_search_fields() or not objs:
            return
        content_type_pk = get_content_type_pk(model)
        data, texts = {}, []
        for obj in objs:
            indexer = StemmedIndexer(obj, self.backend)
            texts += [indexer.title_text, indexer.body_text]
            data[indexer.id] = {
                "title": indexer.title,
                "autocomplete": indexer.autocomplete,
                "body": indexer.body,
            }
        existing = self.entries.filter(content_type_id=content_type_pk)
        indexed = set(existing.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in indexed:
            existing.filter(object_id=object_id).update(**data[object_id])
        self.entries.bulk_create(
            modelsearch_sqlite.IndexEntry(
                content_type_id=content_type_pk, object_id=object_id, **values
            )
            for object_id, values in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()
        spelling.record(texts)

    def reset(self):
        super().reset()
        spelling.clear()

    def delete_stale_entries(self):
        """The start of ``update_index``: the word table is refilled by it."""
        super().delete_stale_entries()
        spelling.clear()


class FTS5Query(Lexeme):
    """A ready FTS5 query (search.german.fts5_text: quoted stems only)."""

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


class GermanSQLiteCompiler(modelsearch_sqlite.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        """A GermanQuery as prepared; any other plain-text query (Wagtail's admin
        search, ``Model.objects.search()``) made into stems the same way, since
        the index holds stems only ("Thüringen" must find "thuring")."""
        if isinstance(query, GermanQuery):
            return SearchQueryExpression(FTS5Query(fts5_text(query.words)))
        if isinstance(query, PlainText):
            words = query_words(query.query_string)
            if words is None:
                return None
            # No prefix unless modelsearch would use one (autocomplete).
            text = fts5_text(replace(words, prefix=words.prefix and self.LAST_TERM_IS_PREFIX))
            if query.operator.upper() == "OR":
                text = text.replace(" AND ", " OR ")
            return SearchQueryExpression(FTS5Query(text))
        return super().build_search_query_content(query, config=config)


class GermanSQLiteBackend(modelsearch_sqlite.SQLiteSearchBackend):
    index_class = StemmedSQLiteIndex
    query_compiler_class = GermanSQLiteCompiler
