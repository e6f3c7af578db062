"""Fixtures for the editorial tests: the two-language site with roles applied."""

import pytest

from tests.editorial.site import EditorialSite, build_editorial_site
from tests.shared import copy_of, module_world

_editorial_world = module_world(build_editorial_site)


@pytest.fixture
def editorial_site(_editorial_world, db) -> EditorialSite:
    """de + en, regions Gera and Weimar, the declared groups and one user per role
    (built once per module: tests/shared.py)."""
    return copy_of(_editorial_world, build_editorial_site)
