"""Fixtures for the materials tests: the editorial site (roles, collections)."""

import pytest

from tests.editorial.site import EditorialSite, build_editorial_site
from tests.shared import copy_of, module_world

_editorial_world = module_world(build_editorial_site)


@pytest.fixture
def editorial_site(_editorial_world, db) -> EditorialSite:
    """de + en, regions Gera and Weimar, roles and collections applied, one user
    per role (built once per module: tests/shared.py)."""
    return copy_of(_editorial_world, build_editorial_site)
