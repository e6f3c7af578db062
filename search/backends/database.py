"""modelsearch's database backend with the project's German matching
(search.german), which on PostgreSQL also keeps the search's own table
(search.models.SearchEntry) in step with its index.

Configured as the database backend in config/settings/base.py.

* PostgreSQL: modelsearch's backend; a :class:`~search.german.GermanQuery`
  becomes one ``to_tsquery`` of quoted words (last one ``:*``).
* SQLite (FTS5): the index holds the Snowball stems of title and body that
  PostgreSQL's ``german`` configuration would make, and a GermanQuery becomes
  an FTS5 query of the stems (last one ``*``). The autocomplete column keeps
  the words as written (title suggestions). After upgrading an existing SQLite
  database run ``manage.py update_index`` once.
* Any other database: modelsearch's backend unchanged."""

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.utils import get_content_type_pk

from django.contrib.postgres.search import SearchQuery
from django.db import connection

from search import entries
from search.german import GermanQuery, tsquery_text


# -- PostgreSQL ----------------------------------------------------------------
class GermanPostgresCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, GermanQuery):
            return SearchQuery(tsquery_text(query.words), search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)


class EntryIndex(PostgresIndex):
    def add_items(self, model, objs):
        super().add_items(model, objs)
        if objs:
            entries.write(model, get_content_type_pk(model), [obj.pk for obj in objs])

    def delete_item(self, item):
        super().delete_item(item)
        entries.remove(item)

    def reset(self):
        super().reset()
        entries.clear()

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
