"""Putting the test database back into its migrated state between tests that
commit (transactional tests, the browser tests' demo site)."""

import json

import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, TransactionTestCase


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


def empties_the_database(item: pytest.Item) -> bool:
    """Whether the test is transactional: Django empties every table after it
    (TransactionTestCase), the migrated data (root page, site, locales) included.
    The browser tests (tests/browser) keep their committed demo site for the whole
    package: they use ``live_server`` without ``transactional_db``."""
    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return not issubclass(cls, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    ):
        return True
    return "transactional_db" in getattr(item, "fixturenames", ())
