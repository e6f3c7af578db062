"""modelsearch's database backend, which on PostgreSQL also keeps the search's
own table (search.models.SearchEntry) in step with its index.

Configured as the database backend in config/settings/base.py. On SQLite (and
any other database) this is modelsearch's backend unchanged."""

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend
from modelsearch.utils import get_content_type_pk

from django.db import connection

from search import entries


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


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up
    if connection.vendor == "postgresql":
        return EntryPostgresBackend(params)
    return database_backend(params)
