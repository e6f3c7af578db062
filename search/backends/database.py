"""modelsearch's database backend with the project's German matching
(search.german), which on PostgreSQL also keeps the search's own table
(search.models.SearchEntry) in step with its index, and on both PostgreSQL
and SQLite fills the word table of the spelling suggestions
(search.models.SearchWord, search.spelling.record).

Configured as the database backend in config/settings/base.py.

* PostgreSQL: modelsearch's backend, indexing the text with spelled-out
  umlauts folded (search.german.fold) and the parts of compound words
  appended (search.german.with_parts); a :class:`~search.german.GermanQuery`
  becomes one ``to_tsquery`` of quoted words (last one ``:*``).
* SQLite (FTS5): the index holds the Snowball stems of title and body that
  PostgreSQL's ``german`` configuration would make (compound parts included:
  search.german.index_text), and a GermanQuery becomes
  an FTS5 query of the stems (last one ``*``). The autocomplete column keeps
  the words (folded) for the title suggestions.
After upgrading an existing database run ``manage.py update_index`` once.
* Any other database: modelsearch's backend unchanged."""

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.utils import get_content_type_pk

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models.sql.subqueries import InsertQuery

from search import entries, spelling
from search.german import GermanQuery, fold, tsquery_text, with_parts


# -- PostgreSQL ----------------------------------------------------------------
class GermanPostgresCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, GermanQuery):
            return SearchQuery(tsquery_text(query.words), search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)


class FoldingIndexer(ObjectIndexer):
    """modelsearch's indexer with spelled-out umlauts folded (search.german.fold)
    and, in the title and body vectors, the compound parts appended
    (search.german.with_parts: "Gesundheitsförderung gesundheit förderung").

    The parts are added where the text becomes a vector (``as_vector``), not in
    ``prepare_value``: that also makes the plain ``title_text``/``body_text``
    (which fill the word table of the spelling suggestions) and runs once per
    list item and again on the joined list. The autocomplete vector (titles as
    typed, for suggestions while typing) gets no parts."""

    def prepare_value(self, value):
        return fold(super().prepare_value(value))

    def as_vector(self, texts, for_autocomplete=False):
        if not for_autocomplete:
            texts = [(with_parts(text), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


class EntryIndex(PostgresIndex):
    def add_items(self, model, objs):
        """modelsearch's PostgresIndex.add_items (0.x, the pinned version) with the
        folding indexer; then the search's own table and the word table."""
        if not model.get_search_fields() or not objs:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params, texts = [], [], []
        for indexer in (FoldingIndexer(obj, self.backend) for obj in objs):
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(name), getattr(indexer, name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append((sql, value_params))
            rows.append(f"(%s, %s, {vectors[0][0]}, {vectors[1][0]}, {vectors[2][0]}, 1.0, %s, %s)")
            params += [content_type_pk, indexer.id]
            for _, value_params in vectors:
                params += value_params
            params += [indexer.title_text, indexer.body_text]
            texts += [indexer.title_text, indexer.body_text]
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, "  # noqa: S608 - modelsearch's SQL
                "title, autocomplete, body, title_norm, title_text, body_text) "
                f"(VALUES {', '.join(rows)}) ON CONFLICT (content_type_id, object_id) "
                "DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, "
                "autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
        self._refresh_title_norms()
        entries.write(model, content_type_pk, [obj.pk for obj in objs])
        spelling.record(texts)

    def delete_item(self, item):
        super().delete_item(item)
        entries.remove(item)

    def reset(self):
        super().reset()
        entries.clear()
        spelling.clear()

    def delete_stale_entries(self):
        """The start of ``update_index``: the word table is refilled by it."""
        super().delete_stale_entries()
        spelling.clear()

    def _refresh_title_norms(self, full=False):
        super()._refresh_title_norms(full=full)
        if full:  # the end of update_index: all title weights were recomputed
            entries.refresh()


class EntryPostgresBackend(PostgresSearchBackend):
    index_class = EntryIndex
    query_compiler_class = GermanPostgresCompiler


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up
    if connection.vendor == "postgresql":
        return EntryPostgresBackend(params)
    backend = database_backend(params)
    if connection.vendor == "sqlite":
        # Imported here: modelsearch's SQLite module needs the FTS model, which
        # exists on SQLite only.
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from .sqlite import GermanSQLiteBackend

        if isinstance(backend, SQLiteSearchBackend):
            return GermanSQLiteBackend(params)
    return backend
