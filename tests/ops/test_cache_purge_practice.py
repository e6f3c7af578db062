"""A practice example published, unpublished or deleted in the admin purges the
page cache (ops/purge.py), so the pages that list it (the keyword page here; the
Praxisdatenbank and the criterion pages too, as every page is in the one cache
generation) show the change at once."""

import pytest

from django.urls import reverse

from home.models import Schlagwort
from tests.editorial.edit_form import edit_form
from tests.factories import PracticePageFactory, add_practice_index
from tests.helpers import page_text

from .test_cache_purge import edit_url, warm

pytestmark = pytest.mark.django_db

KEYWORD_URL = "/de/schlagwort/familienbildung/"


@pytest.fixture
def listed(site_tree):
    """A live example under the Praxisdatenbank, on a keyword page with another."""
    index = add_practice_index(site_tree.home)
    PracticePageFactory(parent=index, title="Elterncafé West", tags=["Familienbildung"])
    example = PracticePageFactory(
        parent=index, title="Familienpaten Ost", slug="familienpaten", tags=["Familienbildung"]
    )
    Schlagwort.objects.update(approved=True)
    return index, example


def test_publishing_a_changed_example_shows_it(client, admin_client, listed):
    _index, example = listed
    warm(client, KEYWORD_URL)
    changes = {"title": "Familienpaten Ost und Nord", "action-publish": "action-publish"}
    form = edit_form(example, **changes)
    assert admin_client.post(edit_url(example), form).status_code == 302
    assert "Familienpaten Ost und Nord" in page_text(client.get(KEYWORD_URL))


def test_publishing_a_new_example_shows_it(client, listed):
    index, _example = listed
    warm(client, KEYWORD_URL)
    draft = PracticePageFactory(
        parent=index, title="Kochkurs Süd", tags=["Familienbildung"], live=False
    )
    assert "Kochkurs Süd" not in page_text(client.get(KEYWORD_URL))  # a draft: still cached
    draft.get_latest_revision().publish()
    assert "Kochkurs Süd" in page_text(client.get(KEYWORD_URL))


def test_unpublishing_an_example_removes_it(client, admin_client, listed):
    _index, example = listed
    warm(client, KEYWORD_URL)
    url = reverse("wagtailadmin_pages:unpublish", args=[example.pk])
    assert admin_client.post(url).status_code == 302
    text = page_text(client.get(KEYWORD_URL))
    assert "Familienpaten Ost" not in text
    assert "Elterncafé West" in text


def test_deleting_an_example_removes_it(client, admin_client, listed):
    _index, example = listed
    warm(client, KEYWORD_URL)
    url = reverse("wagtailadmin_pages:delete", args=[example.pk])
    assert admin_client.post(url).status_code == 302
    assert "Familienpaten Ost" not in page_text(client.get(KEYWORD_URL))
