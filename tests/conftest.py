"""Shared fixtures: uploaded files go to a temporary MEDIA_ROOT; an empty cache
for every test; the site tree."""

import pytest

from django.core.cache import cache
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
