"""Contacts are part of the region page: edited in its editor, scoped to the
region's editors, moderated with the page and translated with it."""

from __future__ import annotations

import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page, TaskState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from regions.models import RegionContact, RegionPage
from tests.editorial.edit_form import edit_form
from tests.editorial.site import EditorialSite, build_editorial_site, synced_translation
from tests.editorial.ui_support import workflow_action_url
from tests.helpers import page_text


@pytest.fixture
def editorial_site(db) -> EditorialSite:
    """de + en, regions Gera and Weimar, the declared groups and one user per role."""
    return build_editorial_site()


def with_contact(region: RegionPage, role: str, email: str) -> RegionPage:
    """Publishes ``region`` with one contact (as a moderator's approval would)."""
    region.contacts.add(
        RegionContact(role=role, organisation=f"Stadtverwaltung {region.title}", email=email)
    )
    region.save_revision().publish()
    return RegionPage.objects.get(pk=region.pk)


def contact_roles(page: Page) -> list[str]:
    """The contacts of the page's latest revision (what a draft or review holds)."""
    latest = RegionPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return [c.role for c in latest.contacts.all()]


def test_regional_editor_cannot_change_another_regions_contacts(editorial_site):
    site = editorial_site
    weimar = with_contact(site.weimar, "Koordinierungsstelle Weimar", "kontakt@weimar.example.org")
    editor = site.client_for("regional_innen")  # Regionale Redaktion Gera
    url = reverse("wagtailadmin_pages:edit", args=[weimar.pk])
    assert editor.get(url).status_code in (302, 403)
    form = edit_form(weimar, **{"contacts-0-role": "Geändert aus Gera", "action-submit": "1"})
    editor.post(url, form)
    weimar.refresh_from_db()
    assert contact_roles(weimar) == ["Koordinierungsstelle Weimar"]
    assert [c.role for c in weimar.contacts.all()] == ["Koordinierungsstelle Weimar"]
    assert not TaskState.objects.filter(revision__object_id=str(weimar.pk)).exists()
    # The old back door, the Contact snippet, is gone.
    assert editor.get("/admin/snippets/home/contact/", follow=True).status_code == 404


def test_regional_editor_changes_own_contact_through_review(editorial_site):
    site = editorial_site
    gera = with_contact(site.gera, "Amt für Gesundheit", "gesundheit@gera.example.org")
    editor = site.client_for("regional_innen")
    url = reverse("wagtailadmin_pages:edit", args=[gera.pk])
    assert editor.get(url).status_code == 200
    form = edit_form(
        gera,
        site.users["regional_innen"],
        **{"contacts-0-role": "Koordination Präventionskette", "action-submit": "1"},
    )
    editor.post(url, form)

    assert contact_roles(gera) == ["Koordination Präventionskette"]
    public = page_text(site.client_for("anonym").get("/de/regionen/gera/"))
    assert "Amt für Gesundheit" in public
    assert "Koordination Präventionskette" not in public

    task_state = TaskState.objects.get(
        revision__object_id=str(gera.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    site.client_for("moderation").post(
        workflow_action_url(gera, "approve", task_state), {"comment": ""}
    )
    public = page_text(site.client_for("anonym").get("/de/regionen/gera/"))
    assert "Koordination Präventionskette" in public
    assert "Amt für Gesundheit" not in public
    assert "gesundheit@gera.example.org" in public


def test_contact_appears_on_the_english_translation(db):
    from tests.factories import RegionPageFactory, build_tree

    tree = build_tree()
    tree.translate_home()
    region = RegionPageFactory(parent=tree.regions, title="Jena", slug="jena")
    region = with_contact(region, "Gesundheitsplanung", "gesundheit@jena.example.org")
    english = synced_translation(region).specific
    contact = english.get_latest_revision_as_object().contacts.get()
    assert (contact.role, contact.email) == ("Gesundheitsplanung", "gesundheit@jena.example.org")
    assert contact.locale.language_code == "en"
    assert contact.translation_key == region.contacts.get().translation_key

    # The German contact changes; the translator translates its role; syncing
    # brings the new e-mail as it is (synchronised) and the role in English.
    german = region.contacts.get()
    german.role = "Gesundheitsplanung und Prävention"
    german.email = "praevention@jena.example.org"
    region.contacts = [german]
    region.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=region.translation_key, target_locale__language_code="en"
    )
    translation.source.update_from_db()
    segment = StringSegment.objects.get(
        source=translation.source, string__data="Gesundheitsplanung und Prävention"
    )
    assert segment.context.path.startswith("contacts.")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=Locale.objects.get(language_code="en"),
        context=segment.context,
        data="Health planning and prevention",
    )
    translation.save_target(publish=True)
    english = RegionPage.objects.get(pk=english.pk)
    contact = english.get_latest_revision_as_object().contacts.get()
    assert (contact.role, contact.email) == (
        "Health planning and prevention",
        "praevention@jena.example.org",
    )
    assert not StringSegment.objects.filter(
        source=translation.source, string__data="praevention@jena.example.org"
    ).exists()


OLD = [("regions", "0001_initial"), ("home", "0003_page_depth_path_index")]


def _old_region_with_contacts(apps) -> dict:
    """A region page with one linked Contact snippet, and a draft revision that
    adds a second contact, built with the models as they were before the move."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Revision = apps.get_model("wagtailcore", "Revision")
    Bundesland = apps.get_model("home", "Bundesland")
    Contact = apps.get_model("home", "Contact")
    RegionPage = apps.get_model("regions", "RegionPage")
    RegionContact = apps.get_model("regions", "RegionContact")

    de = Locale.objects.get_or_create(language_code="de")[0]
    page_type = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")[0]
    region_type = ContentType.objects.get_or_create(app_label="regions", model="regionpage")[0]
    apps.get_model("wagtailcore", "Page").objects.create(
        title="Wurzel",
        draft_title="Wurzel",
        slug="wurzel-alt",
        path="0099",
        depth=1,
        numchild=1,
        content_type=page_type,
        locale=de,
    )
    land = Bundesland.objects.create(name="Thüringen", code="TH", slug="th-alt", locale=de)
    region = RegionPage.objects.create(
        title="Gera",
        draft_title="Gera",
        slug="gera-alt",
        path="00990001",
        depth=2,
        content_type=region_type,
        locale=de,
        kind="kreisfreie_stadt",
        role="partnerkommune",
        bundesland=land,
        live=True,
    )
    office = Contact.objects.create(
        role="Amt für Gesundheit",
        organisation="Stadtverwaltung Gera",
        email="gesundheit@gera.example.org",
        phone="0365 000000",
        address="07545 Gera",
        locale=de,
    )
    network = Contact.objects.create(
        role="Netzwerkkoordination", organisation="Netzwerk Gera", locale=de
    )
    row = RegionContact.objects.create(page=region, contact=office, sort_order=0)
    content = {
        "pk": region.pk,
        "title": "Gera",
        "slug": "gera-alt",
        "translation_key": str(region.translation_key),
        "locale": de.pk,
        "contacts": [
            {"pk": row.pk, "sort_order": 0, "page": region.pk, "contact": office.pk},
            {"pk": None, "sort_order": 1, "page": region.pk, "contact": network.pk},
        ],
    }
    draft = Revision.objects.create(
        content_type=region_type,
        base_content_type=page_type,
        object_id=str(region.pk),
        content=content,
        created_at=timezone.now(),
    )
    return {"region": region.pk, "row": row.pk, "draft": draft.pk}


@pytest.mark.django_db(transaction=True)
def test_migration_moves_contacts_into_pages_and_revisions():
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from wagtail.models import Revision

    executor = MigrationExecutor(connection)
    executor.migrate(OLD)
    try:
        made = _old_region_with_contacts(executor.loader.project_state(OLD).apps)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()  # the test made its own content types

    row = RegionContact.objects.get(pk=made["row"])
    assert (row.role, row.organisation, row.email, row.phone, row.address) == (
        "Amt für Gesundheit",
        "Stadtverwaltung Gera",
        "gesundheit@gera.example.org",
        "0365 000000",
        "07545 Gera",
    )
    assert row.locale.language_code == "de"
    draft = Revision.objects.get(pk=made["draft"]).as_object()
    contacts = list(draft.contacts.all())
    assert [c.role for c in contacts] == ["Amt für Gesundheit", "Netzwerkkoordination"]
    # The live row and its draft entry stay one contact (for wagtail-localize too).
    assert contacts[0].translation_key == row.translation_key
    assert contacts[1].translation_key != row.translation_key
