"""Shared fixtures: uploaded files go to a temporary MEDIA_ROOT; an empty cache
and the site's default language (German) for every test; the site tree; the
indices of a search engine when the run searches one (tests/engine.py); the
migrated database back after a transactional test."""

import pytest
from pytest_django.plugin import blocking_manager_key

from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation

from tests import engine
from tests.database import empties_the_database, restore_migrated_database
from tests.factories import build_tree


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    """Uploaded materials go to a temporary directory, never into the repository.

    Session-scoped (not pytest-django's function-scoped ``settings`` fixture)
    because ``setUpTestData`` creates files before function fixtures run;
    override_settings also resets the cached default storage."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in German, whatever language a test before it in the same
    process left active (a request handled in English, Wagtail's admin in a user's
    language): lazy messages compared with German text would otherwise depend on
    which tests pytest-xdist happened to run first in that process."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(scope="session", autouse=True)
def _search_engine_indices():
    """With ELASTICSEARCH_URL: this run's indices exist before anything is indexed
    (autouse session fixtures come before the test database is migrated) and
    are deleted at the end; indexing errors fail the test that caused them. A
    node that does not answer stops the run here, loudly, instead of letting the
    search fall back to the database."""
    if not engine.configured():
        yield
        return
    from search.elastic import ERRORS

    try:
        engine.create_indices()
    except ERRORS as error:
        pytest.exit(
            f"ELASTICSEARCH_URL={settings.ELASTICSEARCH_URL} does not answer ({error!r}); "
            "start the node (scripts/search-node.sh start) or unset ELASTICSEARCH_URL.",
            returncode=3,
        )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(type(engine.backend()), "catch_indexing_errors", False)
        yield
    engine.delete_indices()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: the page cache is on in tests (as in
    production), and a page cached by one test must not answer in the next."""
    from ops.cache import reset_state

    cache.clear()
    reset_state()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """root → HomePage (de) → regionen, veranstaltungen, aktuelles, good-practice-kriterien."""
    return build_tree()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test, the migrated database as it was before it.

    A single pytest process runs the transactional tests after all others
    (pytest-django sorts them last), so the emptied database harmed nobody. Under
    pytest-xdist (`make test`) a process runs a module's tests together, the
    transactional ones among them, and then other modules' tests, which need the
    migrated data. Restored from the snapshot that serialized_rollback takes of the
    migrated database (when no selected test uses serialized_rollback there is none,
    and the database stays empty as before). Not after the last test: its teardown
    has dropped the test database, and the connection names the real one again."""
    try:
        return (yield)
    finally:
        if nextitem is not None and empties_the_database(item):
            _restore_migrated_database(item.config)


def _restore_migrated_database(config: pytest.Config) -> None:
    from django.db import connection

    snapshot = getattr(connection, "_test_serialized_contents", None)
    if snapshot is None:
        return
    with config.stash[blocking_manager_key].unblock():
        restore_migrated_database(snapshot)
