"""Test settings: used by pytest (see pyproject.toml)."""

import os
import secrets
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, ELASTICSEARCH_URL, WAGTAILSEARCH_BACKENDS

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEMO_ACCOUNTS = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A test database file instead of Django's in-memory one: the live server's
    # request threads then open their own connections and lock the way `make run`
    # does (WAL, busy timeout), instead of sharing one in-memory connection
    # (tests/editorial/test_concurrent_saves.py). One file per test run (process),
    # so two runs in one checkout never share it; Django deletes it at the end.
    TEST_DATABASE = Path(tempfile.gettempdir()) / f"gesunde-kommune-test-{os.getpid()}.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_DATABASE)}
    # Under pytest-xdist (`make test` runs `pytest -n 2`) each worker is a process
    # of its own, and pytest-django appends the worker's name ("_gw0") to the name.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    worker_database = f"{TEST_DATABASE}_{worker}" if worker else str(TEST_DATABASE)
    # Django deletes the test database but not SQLite's WAL files beside it while
    # the live server's threads still hold connections; a stale WAL (of a process
    # that had this id before) must not be replayed into this run's new database.
    for suffix in ("-wal", "-shm"):
        Path(f"{worker_database}{suffix}").unlink(missing_ok=True)

if ELASTICSEARCH_URL:
    # Tests against a search engine (tests/engine.py): the indices of each test run
    # (process) get a prefix of their own, so that runs, helpers on one node and a
    # site's own indices (ELASTICSEARCH_INDEX_PREFIX) never meet; tests/conftest.py
    # creates them at the start and deletes them at the end.
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = (
        f"gk_test_{os.getpid()}_{secrets.token_hex(3)}_"
    )
