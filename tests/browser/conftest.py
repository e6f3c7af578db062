"""Browser tests: Playwright drives Debian's Chromium against pytest-django's
``live_server``, which serves the demo site (``load_demo_content``).

Database: the demo takes a few seconds to load, so it is loaded once for the whole
``tests/browser`` package and committed, because the live server thread reads it
through its own connection on PostgreSQL. pytest-django's ``live_server`` normally
makes every test transactional, i.e. it empties the database after each test; this
package overrides that helper, and the package fixture restores the empty, migrated
database itself when the last browser test is done (flush + the snapshot taken
before loading), so tests that run later see what they would have seen anyway.

Nothing here downloads a browser: ``browser_type_launch_args`` points Playwright at
/usr/bin/chromium (``apt-get install chromium``, see .ci/run).
"""

import io
import os
import shutil

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.database import restore_migrated_database

# Playwright's sync API runs an asyncio event loop in the test thread; Django would
# then refuse ORM calls ("SynchronousOnlyOperation") in fixtures and later tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    """Without Chromium, skip with a reason on a developer's machine; in CI (where
    .ci/run installs it) let the tests fail instead."""
    if shutil.which(CHROMIUM) or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} missing: apt-get install chromium")
    for item in items:
        if item.nodeid.startswith("tests/browser/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch options, with Debian's Chromium instead of a
    browser that `playwright install` would download."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(live_server):
    """Relative URLs in page.goto() and page.request go to the live server."""
    return live_server.url


@pytest.fixture(autouse=True)
def _live_server_helper(request):
    """Replaces pytest-django's helper of the same name for this package: it enables
    the live server's settings (ALLOWED_HOSTS) like the original, but does not
    request ``transactional_db``, which would empty the database after each test
    (the demo data lives for the package, see ``demo_site``)."""
    if "live_server" not in request.fixturenames:
        yield
        return
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture(scope="session", autouse=True)
def _close_connections_before_teardown(django_db_setup, django_db_blocker):
    """Before pytest-django drops the test database (PostgreSQL refuses while it is
    "being accessed by other users"): end the connections that the live server's
    keep-alive request threads may still hold, then close this thread's own."""
    yield
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
    connections.close_all()


@pytest.fixture(scope="package", autouse=True)
def demo_site(django_db_setup, django_db_blocker, live_server):
    """The demo site, loaded and committed once for all browser tests."""
    with django_db_blocker.unblock():
        initial = connection.creation.serialize_db_to_string()
        call_command("load_demo_content", stdout=io.StringIO())
        cache.clear()
        try:
            yield live_server
        finally:
            restore_migrated_database(initial)
            cache.clear()


@pytest.fixture(scope="module")
def editorial_roles(demo_site, django_db_blocker):
    """Roles, rights, workflows and collections as `make run` applies them
    (``apply_editorial``), for the journeys of editors and moderators."""
    with django_db_blocker.unblock():
        call_command("apply_editorial", stdout=io.StringIO())
