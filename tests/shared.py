"""A test world built once per test module instead of once per test.

Building a site with pages, groups, workflows and users costs seconds (each page
is added, revised and published as an editor would); a module of 100 tests
paid that 100 times. ``module_world(build)`` makes a module-scoped fixture that
calls ``build()`` once, inside a transaction left open for the module's tests
and rolled back after its last one (as tests/demo does with the demo content).
Each test still runs in a savepoint of its own (pytest-django's ``db``), so what
it changes in the database is undone before the next, and ``copy_of`` hands it a
deep copy of the built objects (as ``setUpTestData`` does), so what it changes
in memory stays in the test too.

Shared only where every test of the module asks for the world (a test that does
not must not find its rows) and none is transactional (it commits and empties
every table, which no open transaction survives); elsewhere each test builds its
own, as before.

    _world = module_world(build_editorial_site)

    @pytest.fixture
    def editorial_site(_world, db):
        return copy_of(_world, build_editorial_site)
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TypeVar

import pytest

from django.db import transaction

from tests.database import empties_the_database

World = TypeVar("World")


def module_world(build: Callable[[], World]):
    """A module-scoped fixture with ``build()``'s result (None where it cannot be shared)."""

    @pytest.fixture(scope="module")
    def world(request, django_db_setup, django_db_blocker):
        if not _shareable(request.module, request.fixturename, request.session.items):
            yield None
            return
        with django_db_blocker.unblock(), transaction.atomic():
            yield build()
            transaction.set_rollback(True)

    return world


def _shareable(module, fixturename: str, items: list[pytest.Item]) -> bool:
    """Whether every test of ``module`` asks for the world (a test that does not
    must not find its rows) and none of them is transactional."""
    tests = [item for item in items if getattr(item, "module", None) is module]
    return all(
        fixturename in getattr(item, "fixturenames", ()) and not empties_the_database(item)
        for item in tests
    )


def copy_of(world: World | None, build: Callable[[], World]) -> World:
    """This test's own copy of the module's world (its own build where none is shared)."""
    return build() if world is None else copy.deepcopy(world)
