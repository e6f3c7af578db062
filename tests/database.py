"""Putting the test database back into its migrated state between tests that
commit (transactional tests, the browser tests' demo site)."""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection


def restore_migrated_database(snapshot: str) -> None:
    """What TransactionTestCase does with serialized_rollback, at once: empty every
    table, then the rows of ``snapshot`` (``serialize_db_to_string()`` of the
    migrated database) with their own ids.

    Sequences are not reset (as in Django's own teardown): the restored rows keep
    their ids, and on PostgreSQL a reset sequence would hand those ids out again
    (duplicate key on the root page). The content types come first: reading the
    rows looks them up (a page of a subclass asks for its own) and, not finding
    them, would make them anew with other ids (Django's own restore finds them in
    its warm cache)."""
    call_command(
        "flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False
    )
    ContentType.objects.clear_cache()
    ContentType.objects.bulk_create(
        ContentType(pk=row["pk"], **row["fields"])
        for row in json.loads(snapshot)
        if row["model"] == "contenttypes.contenttype"
    )
    connection.creation.deserialize_db_from_string(snapshot)
    ContentType.objects.clear_cache()
