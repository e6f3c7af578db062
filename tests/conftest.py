"""Shared fixtures: uploaded files go to a temporary MEDIA_ROOT; the site tree; the
migrated database state; browser tests last."""

import pytest

from django.db import connection
from django.test import override_settings

from tests.factories import build_tree


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    """Uploaded materials go to a temporary directory, never into the repository.

    Session-scoped (not pytest-django's function-scoped ``settings`` fixture)
    because ``setUpTestData`` creates files before function fixtures run;
    override_settings also resets the cached default storage."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture
def site_tree(db):
    """root → HomePage (de) → regionen, veranstaltungen, aktuelles, good-practice-kriterien."""
    return build_tree()


# The migrated database (root page, locales, default site) as Django serializes
# it, taken once right after the test database is created (see django_db_setup).
MIGRATED_STATE: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, plus a snapshot of its migrated state that
    tests which commit (the browser package) restore afterwards."""
    with django_db_blocker.unblock():
        MIGRATED_STATE["default"] = connection.creation.serialize_db_to_string()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests last: Playwright's event loop stays alive in the test thread
    once started, and tests that need Django's serialized rollback after it found
    the migrated data missing. pytest-django has already put database tests in
    order (transactional ones last); this stable sort keeps that order otherwise."""
    items.sort(key=lambda item: item.nodeid.startswith("tests/browser/"))
