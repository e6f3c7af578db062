"""Paths around moderation outside the page editor: bulk actions, privacy, the
admin API, snippets and documents. Each asserts the database, not the status."""

from django.urls import reverse

from wagtail.models import Page, PageViewRestriction

from events.models import EventCategory
from materials.models import Material
from tests.editorial.site import results_page
from tests.factories import MaterialFactory


def bulk_url(action: str, *pages: Page) -> str:
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return url + "?" + "&".join(f"id={page.pk}" for page in pages)


def test_bulk_publish_needs_publish_right(editorial_site):
    site = editorial_site
    draft = results_page(site.gera, "entwurf", site.users["redaktion"])
    for role in ("redaktion", "regional_innen"):
        site.client_for(role).post(bulk_url("publish", draft), {"include_descendants": ""})
        assert not Page.objects.get(pk=draft.pk).live, role
    site.client_for("moderation").post(bulk_url("publish", draft))
    assert Page.objects.get(pk=draft.pk).live


def test_bulk_unpublish_needs_publish_right(editorial_site):
    site = editorial_site
    page = results_page(site.gera, "live", site.users["redaktion"])
    site.client_for("redaktion").post(bulk_url("unpublish", page))
    assert Page.objects.get(pk=page.pk).live
    site.client_for("moderation").post(bulk_url("unpublish", page))
    assert not Page.objects.get(pk=page.pk).live


def test_bulk_delete_follows_the_single_page_rules(editorial_site):
    site = editorial_site
    live = results_page(site.gera, "live", site.users["redaktion"])
    in_review = results_page(site.gera, "in_pruefung", site.users["redaktion"])
    site.client_for("redaktion").post(bulk_url("delete", in_review))
    site.client_for("moderation").post(bulk_url("delete", live))
    assert Page.objects.filter(pk__in=[live.pk, in_review.pk]).count() == 2
    site.client_for("administration").post(bulk_url("delete", live))
    assert not Page.objects.filter(pk=live.pk).exists()


def test_privacy_is_set_by_moderation_only(editorial_site):
    site = editorial_site
    page = results_page(site.gera, "live", site.users["redaktion"])
    url = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
    site.client_for("redaktion").post(url, {"restriction_type": "login"})
    assert not PageViewRestriction.objects.filter(page=page).exists()
    site.client_for("moderation").post(url, {"restriction_type": "login"})
    assert PageViewRestriction.objects.filter(page=page).exists()


def test_admin_api_is_read_only(editorial_site):
    site = editorial_site
    page = results_page(site.gera, "entwurf", site.users["redaktion"])
    client = site.client_for("redaktion")
    url = f"/admin/api/main/pages/{page.pk}/"
    assert client.get(url).status_code == 200
    for method in (client.put, client.patch, client.post, client.delete):
        assert method(url, {"live": True}, content_type="application/json").status_code == 405
    assert not Page.objects.get(pk=page.pk).live


def test_editors_do_not_delete_vocabularies_and_materials(editorial_site):
    site = editorial_site
    category = EventCategory.objects.create(name="Testkategorie", slug="testkategorie")
    material = MaterialFactory()
    editor = site.client_for("redaktion")
    assert editor.get(reverse("wagtaildocs:add_multiple")).status_code == 200
    editor.post(reverse("wagtailsnippets_events_eventcategory:delete", args=[category.pk]))
    # Wagtail lets the "change" right delete documents too; regional editors only
    # add, so they can change and delete their own uploads and nobody else's.
    site.client_for("regional_innen").post(reverse("wagtaildocs:delete", args=[material.pk]))
    assert EventCategory.objects.filter(pk=category.pk).exists()
    assert Material.objects.filter(pk=material.pk).exists()
    admin = site.client_for("administration")
    admin.post(reverse("wagtailsnippets_events_eventcategory:delete", args=[category.pk]))
    admin.post(reverse("wagtaildocs:delete", args=[material.pk]))
    assert not EventCategory.objects.filter(pk=category.pk).exists()
    assert not Material.objects.filter(pk=material.pk).exists()
