"""Fixtures for the editorial tests: the two-language site with roles applied."""

import pytest

from tests.editorial.site import EditorialSite, build_editorial_site


@pytest.fixture
def editorial_site(db) -> EditorialSite:
    """de + en, regions Gera and Weimar, the declared groups and one user per role."""
    return build_editorial_site()
