"""The managed vocabularies come from migrations and are usable in the admin."""

import pytest

from wagtail.search.backends import get_search_backend

from events.models import EventCategory
from home.models import Bundesland


@pytest.mark.django_db
def test_all_sixteen_laender_in_both_languages():
    assert Bundesland.objects.filter(locale__language_code="de").count() == 16
    english = Bundesland.objects.get(locale__language_code="en", code="TH")
    assert english.name == "Thuringia"
    assert english.get_translation(english.locale.get_default()).name == "Thüringen"


@pytest.mark.django_db
def test_event_categories_from_the_contract():
    slugs = set(
        EventCategory.objects.filter(locale__language_code="de").values_list("slug", flat=True)
    )
    expected = {"werkstatt", "fachtag", "seminar", "workshop", "austauschtreffen", "coaching"}
    assert expected | {"online"} == slugs


@pytest.mark.django_db
def test_bundeslaender_from_the_migration_are_found_by_the_admin_search():
    found = list(get_search_backend().search("Thüringen", Bundesland))
    assert [b.code for b in found] == ["TH"]
