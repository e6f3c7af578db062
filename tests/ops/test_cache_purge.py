"""The page cache is purged by every kind of public change, made the way the admin
makes it: each test fetches a page anonymously until it comes from the cache,
changes it in the admin, and fetches it again (ops/purge.py)."""

from datetime import timedelta

import pytest
import time_machine

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction, Site
from wagtail.test.utils.form_data import querydict_from_html

from events.models import EventMaterial
from home.models import Bundesland, Schlagwort
from materials.models import Material, ReviewState
from ops.cache import purge_page_cache
from tests.editorial.edit_form import edit_form
from tests.factories import (
    EventPageFactory,
    MaterialFactory,
    NewsPageFactory,
    RegionPageFactory,
    StandardPageFactory,
    bundesland,
)
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def warm(client: Client, url: str):
    """Fetch ``url`` until it comes from the page cache; return that response."""
    first = client.get(url)
    assert first.status_code == 200, (url, first.status_code)
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "hit", url
    return cached


def admin_form(client: Client, url: str, form_id: str = "w-editor-form", **changes) -> dict:
    """An admin form as the browser would post it, with ``changes`` (a checked box
    is posted as "on", as browsers do)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    data = querydict_from_html(response.content.decode(), form_id=form_id)
    form = {
        key: [value or "on" if key.startswith("is_") else value for value in data.getlist(key)]
        for key in data
    }
    form.update({key: [value] for key, value in changes.items()})
    return form


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


# --- pages ---------------------------------------------------------------------------


def test_publish_shows_the_new_version(client, admin_client, site_tree):
    news = NewsPageFactory(parent=site_tree.news, title="Fachtag angekündigt")
    warm(client, news.url)
    warm(client, "/de/aktuelles/")

    form = edit_form(news, title="Fachtag verschoben", **{"action-publish": "action-publish"})
    assert admin_client.post(edit_url(news), form).status_code == 302

    assert "Fachtag verschoben" in page_text(client.get(news.url))
    assert "Fachtag verschoben" in page_text(client.get("/de/aktuelles/"))


def test_draft_save_and_autosave_leave_the_public_page_cached(client, admin_client, site_tree):
    """Drafts are not public: the cached page stays, and stays a hit."""
    news = NewsPageFactory(parent=site_tree.news, title="Fachtag angekündigt")
    warm(client, news.url)

    autosaved = admin_client.post(
        edit_url(news),
        edit_form(news, title="Entwurf eins"),
        headers={"accept": "application/json"},
    )
    assert autosaved.status_code == 200 and autosaved.json()["success"]
    assert (
        admin_client.post(edit_url(news), edit_form(news, title="Entwurf zwei")).status_code == 302
    )
    news.refresh_from_db()
    assert news.get_latest_revision().as_object().title == "Entwurf zwei"

    response = client.get(news.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Fachtag angekündigt" in page_text(response)


def test_unpublish_removes_the_page(client, admin_client, site_tree):
    news = NewsPageFactory(parent=site_tree.news, title="Fachtag angekündigt")
    warm(client, news.url)
    warm(client, "/de/aktuelles/")

    url = reverse("wagtailadmin_pages:unpublish", args=[news.pk])
    assert admin_client.post(url).status_code == 302

    assert client.get(news.url).status_code == 404
    assert "Fachtag angekündigt" not in page_text(client.get("/de/aktuelles/"))


def test_move_changes_the_address(client, admin_client, site_tree):
    vision = StandardPageFactory(parent=site_tree.home, title="Unsere Vision", slug="vision")
    about = StandardPageFactory(parent=site_tree.home, title="Über uns", slug="ueber-uns")
    warm(client, "/de/vision/")

    url = reverse("wagtailadmin_pages:move_confirm", args=[vision.pk, about.pk])
    assert admin_client.post(url).status_code == 302

    # Wagtail leaves a redirect from the old address.
    moved = client.get("/de/vision/")
    assert moved.status_code == 301 and moved["Location"].endswith("/de/ueber-uns/vision/")
    assert client.get("/de/ueber-uns/vision/").status_code == 200


def test_delete_removes_the_page(client, admin_client, site_tree):
    news = NewsPageFactory(parent=site_tree.news, title="Fachtag angekündigt")
    warm(client, news.url)
    warm(client, "/de/aktuelles/")

    assert (
        admin_client.post(reverse("wagtailadmin_pages:delete", args=[news.pk])).status_code == 302
    )

    assert client.get(news.url).status_code == 404
    assert "Fachtag angekündigt" not in page_text(client.get("/de/aktuelles/"))


def test_live_page_saved_by_code(client, site_tree):
    """Data loaders and scripts save live pages directly, without a revision."""
    news = NewsPageFactory(parent=site_tree.news, title="Fachtag angekündigt")
    warm(client, news.url)

    news.title = "Fachtag verschoben"
    news.save()

    assert "Fachtag verschoben" in page_text(client.get(news.url))


def test_copy_with_publish_appears_in_lists(client, admin_client, site_tree):
    news = NewsPageFactory(parent=site_tree.news, title="Fachtag angekündigt", slug="fachtag")
    warm(client, "/de/aktuelles/")

    url = reverse("wagtailadmin_pages:copy", args=[news.pk])
    form = {
        "new_title": "Fachtag wiederholt",
        "new_slug": "fachtag-2",
        "new_parent_page": str(site_tree.news.pk),
        "publish_copies": "on",
    }
    assert admin_client.post(url, form).status_code == 302

    assert "Fachtag wiederholt" in page_text(client.get("/de/aktuelles/"))


def test_page_privacy_applies_at_once(client, admin_client, site_tree):
    region = RegionPageFactory(parent=site_tree.regions, title="Gera", slug="gera")
    warm(client, region.url)

    url = reverse("wagtailadmin_pages:set_privacy", args=[region.pk])
    assert admin_client.post(url, {"restriction_type": "login"}).status_code == 200
    assert PageViewRestriction.objects.filter(page=region).exists()

    response = client.get(region.url)
    assert response.status_code == 302 and "/anmelden/" in response["Location"]


# --- vocabularies and keywords (snippets) ---------------------------------------------


def test_bundesland_renamed_in_the_snippet_admin(client, admin_client, site_tree):
    region = RegionPageFactory(parent=site_tree.regions, title="Gera", slug="gera")
    warm(client, region.url)

    land = bundesland("thueringen")
    url = reverse("wagtailsnippets_home_bundesland:edit", args=[land.pk])
    form = admin_form(admin_client, url, name="Freistaat Thüringen")
    assert admin_client.post(url, form).status_code == 302
    assert Bundesland.objects.get(pk=land.pk).name == "Freistaat Thüringen"

    assert "Freistaat Thüringen" in page_text(client.get(region.url))


def test_event_category_renamed_in_the_snippet_admin(client, admin_client, site_tree):
    event = EventPageFactory(parent=site_tree.events, title="Regionalwerkstatt")
    warm(client, event.url)

    url = reverse("wagtailsnippets_events_eventcategory:edit", args=[event.category.pk])
    assert (
        admin_client.post(url, admin_form(admin_client, url, name="Lernwerkstatt")).status_code
        == 302
    )
    event.category.refresh_from_db()
    assert event.category.name == "Lernwerkstatt"

    assert "Lernwerkstatt" in page_text(client.get(event.url))


def test_keyword_approved_by_the_moderation(client, admin_client, site_tree):
    news = NewsPageFactory(parent=site_tree.news, title="Fachtag", tags=["Sozialraum"])
    keyword = Schlagwort.objects.get(slug="sozialraum")
    keyword.approved = False  # proposed by an editor
    keyword.save()
    assert "Sozialraum" not in page_text(warm(client, news.url))

    assert admin_client.post(reverse("home_keyword_approve", args=[keyword.pk])).status_code == 302
    assert Schlagwort.objects.get(pk=keyword.pk).approved

    assert "Sozialraum" in page_text(client.get(news.url))


def test_proposed_keyword_does_not_purge(client, site_tree):
    """A keyword an editor proposes is invisible: no reason to drop the cache."""
    news = NewsPageFactory(parent=site_tree.news, title="Fachtag")
    warm(client, news.url)

    Schlagwort.objects.create(name="Quartier", slug="quartier", approved=False)

    assert client.get(news.url)["X-Page-Cache"] == "hit"


def test_keyword_renamed_in_the_snippet_admin(client, admin_client, site_tree):
    news = NewsPageFactory(parent=site_tree.news, title="Fachtag", tags=["Sozialraum"])
    Schlagwort.objects.filter(slug="sozialraum").update(approved=True)
    purge_page_cache()  # the update() above sends no signal
    assert "Sozialraum" in page_text(warm(client, news.url))

    keyword = Schlagwort.objects.get(slug="sozialraum")
    url = reverse("wagtailsnippets_home_schlagwort:edit", args=[keyword.pk])
    form = admin_form(admin_client, url, name="Sozialraumorientierung")
    assert admin_client.post(url, form).status_code == 302
    assert Schlagwort.objects.get(pk=keyword.pk).name == "Sozialraumorientierung"

    assert "Sozialraumorientierung" in page_text(client.get(news.url))


# --- materials and collections ----------------------------------------------------------


def event_with_material(site_tree, **material):
    document = MaterialFactory(title="Programm Regionalwerkstatt", **material)
    event = EventPageFactory(
        parent=site_tree.events,
        title="Regionalwerkstatt",
        material_links=[EventMaterial(document=document)],
    )
    return event, document


def test_material_approved_by_the_moderation(client, admin_client, site_tree):
    event, document = event_with_material(site_tree, review_state=ReviewState.PENDING)
    assert "Programm Regionalwerkstatt" not in page_text(warm(client, event.url))

    response = admin_client.post(reverse("materials_approve", args=[document.pk]))
    assert response.status_code == 302
    assert Material.objects.get(pk=document.pk).is_approved

    assert "Programm Regionalwerkstatt" in page_text(client.get(event.url))


def test_material_renamed_in_the_admin(client, admin_client, site_tree):
    event, document = event_with_material(site_tree)
    assert "Programm Regionalwerkstatt" in page_text(warm(client, event.url))

    url = reverse("wagtaildocs:edit", args=[document.pk])
    form = admin_form(admin_client, url, title="Programm der Lernwerkstatt")
    form.pop("file", None)
    assert admin_client.post(url, form).status_code == 302
    assert Material.objects.get(pk=document.pk).title == "Programm der Lernwerkstatt"

    assert "Programm der Lernwerkstatt" in page_text(client.get(event.url))


def test_material_deleted_in_the_admin(client, admin_client, site_tree):
    event, document = event_with_material(site_tree)
    assert "Programm Regionalwerkstatt" in page_text(warm(client, event.url))

    assert admin_client.post(reverse("wagtaildocs:delete", args=[document.pk])).status_code == 302
    assert not Material.objects.filter(pk=document.pk).exists()

    assert "Programm Regionalwerkstatt" not in page_text(client.get(event.url))


def test_collection_privacy_hides_its_materials_at_once(client, admin_client, site_tree):
    event, document = event_with_material(site_tree)
    assert "Programm Regionalwerkstatt" in page_text(warm(client, event.url))

    url = reverse("wagtailadmin_collections:set_privacy", args=[document.collection_id])
    assert admin_client.post(url, {"restriction_type": "login"}).status_code == 200
    assert CollectionViewRestriction.objects.filter(collection=document.collection).exists()

    assert "Programm Regionalwerkstatt" not in page_text(client.get(event.url))


def test_collection_moved_under_a_restricted_one(client, admin_client, site_tree):
    event, document = event_with_material(site_tree)
    internal = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert "Programm Regionalwerkstatt" in page_text(warm(client, event.url))

    url = reverse("wagtailadmin_collections:edit", args=[document.collection_id])
    form = admin_form(admin_client, url, parent=str(internal.pk))
    assert admin_client.post(url, form).status_code == 302

    assert "Programm Regionalwerkstatt" not in page_text(client.get(event.url))


# --- sites, locales, redirects ------------------------------------------------------------


def test_site_changed_in_the_admin(client, admin_client, site_tree):
    warm(client, "/de/")
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsites:edit", args=[site.pk])
    form = admin_form(admin_client, url, site_name="Gesunde Kommune Thüringen")
    assert admin_client.post(url, form).status_code == 302

    assert client.get("/de/")["X-Page-Cache"] == "miss"


def test_locale_changed_in_the_admin(client, admin_client, site_tree):
    """The language switch and hreflang links follow the locales."""
    warm(client, "/de/")
    english = Locale.objects.get(language_code="en")

    url = reverse("wagtaillocales:edit", args=[english.pk])
    assert admin_client.post(url, {"language_code": "en"}).status_code == 302

    assert client.get("/de/")["X-Page-Cache"] == "miss"


def test_redirect_added_in_the_admin(client, admin_client, site_tree):
    vision = StandardPageFactory(parent=site_tree.home, title="Unsere Vision", slug="vision")
    warm(client, "/de/vision/")

    url = reverse("wagtailredirects:add")
    form = admin_form(
        admin_client, url, old_path="/de/vision/", redirect_page=str(site_tree.home.pk)
    )
    assert admin_client.post(url, form).status_code == 302

    # Wagtail redirects only paths that are not found, so the page itself stays;
    # it is rendered afresh all the same.
    response = client.get(vision.url)
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"


# --- time: expiry and events that end ------------------------------------------------


def test_expiry_date_ends_the_cached_page_without_any_save(client, site_tree):
    now = timezone.now()
    news = NewsPageFactory(
        parent=site_tree.news, title="Befristete Meldung", expire_at=now + timedelta(minutes=4)
    )
    with time_machine.travel(now, tick=False) as traveller:
        warm(client, news.url)
        warm(client, "/de/aktuelles/")
        traveller.shift(timedelta(minutes=3))
        assert client.get(news.url)["X-Page-Cache"] == "hit"  # still before the date

        traveller.shift(timedelta(minutes=1, seconds=1))

        assert client.get(news.url).status_code == 404
        assert "Befristete Meldung" not in page_text(client.get("/de/aktuelles/"))


def test_an_event_that_ended_leaves_the_upcoming_list(client, site_tree):
    now = timezone.now()
    EventPageFactory(
        parent=site_tree.events,
        title="Abendseminar",
        start=now + timedelta(minutes=1),
        end=now + timedelta(minutes=4),
    )
    with time_machine.travel(now, tick=False) as traveller:
        assert "Abendseminar" in page_text(warm(client, "/de/"))
        traveller.shift(timedelta(minutes=3))
        assert client.get("/de/")["X-Page-Cache"] == "hit"  # still before the end

        traveller.shift(timedelta(minutes=1, seconds=1))  # within PAGE_CACHE_SECONDS

        assert "Abendseminar" not in page_text(client.get("/de/"))
