"""Fixtures for the materials tests: the editorial site (roles, collections)."""

import pytest

from tests.editorial.site import EditorialSite, build_editorial_site


@pytest.fixture
def editorial_site(db) -> EditorialSite:
    """de + en, regions Gera and Weimar, roles and collections applied, one user per role."""
    return build_editorial_site()
