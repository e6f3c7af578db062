"""A regional editor and the region contacts, in the real admin (issue 10, item 6):
"regional-gera" cannot change Weimar's contact (the editor refuses, and a forged
save changes nothing), changes Gera's contact in the region's page editor and
submits it; the public page keeps the old contact until a moderator approves.

Runs on the package's demo site with the roles and workflows applied; Gera's
contacts are put back afterwards so later browser tests see the demo as loaded."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from regions.models import RegionPage
from tests.browser.support import log_in

NEW_ROLE = "Koordination Präventionskette (Browsertest)"


@pytest.fixture(scope="module", autouse=True)
def editorial_setup(editorial_roles, django_db_blocker):
    """Roles, rights and workflows as `make run` applies them; Gera restored after."""
    with django_db_blocker.unblock():
        gera = RegionPage.objects.get(slug="gera", locale__language_code="de")
        revision = gera.live_revision
    yield
    with django_db_blocker.unblock():
        revision.publish()


def region(slug: str) -> RegionPage:
    return RegionPage.objects.get(slug=slug, locale__language_code="de")


def footer_action(page: Page, name: str = "", *, label: str = "") -> None:
    footer = page.locator("footer nav.actions")
    button = (
        footer.locator(f"button[name={name}]")
        if name
        else footer.get_by_role("button", name=label, exact=True)
    )
    if not button.is_visible():
        footer.get_by_role("button", name="Mehr Aktionen").click()
    button.click()


def public_contact_roles(page: Page, slug: str) -> str:
    return page.request.get(f"/de/regionen/{slug}/").text()


def test_regional_editor_changes_only_own_contact_through_review(
    browser: Browser, base_url: str, page: Page
):
    weimar, gera = region("weimar"), region("gera")
    weimar_role = weimar.contacts.first().role
    gera_role = gera.contacts.first().role
    editor = log_in(browser, base_url, "regional-gera")

    # Weimar: the editor is turned away, no form, no save button.
    editor.goto(f"/admin/pages/{weimar.pk}/edit/")
    expect(editor.locator("#id_contacts-0-role")).to_have_count(0)
    expect(editor.locator("footer nav.actions button")).to_have_count(0)
    # A save posted by hand (with the editor's session and CSRF token) changes nothing.
    token = next(c["value"] for c in editor.context.cookies() if c["name"] == "csrftoken")
    editor.request.post(
        f"/admin/pages/{weimar.pk}/edit/",
        form={"title": "Weimar", "contacts-0-role": "Aus Gera geändert", "action-submit": "1"},
        headers={"X-CSRFToken": token, "Referer": base_url + "/admin/"},
    )
    assert region("weimar").get_latest_revision_as_object().contacts.first().role == weimar_role
    assert weimar_role in public_contact_roles(page, "weimar")

    # Gera: the contact is edited in the region's page editor and submitted.
    editor.goto(f"/admin/pages/{gera.pk}/edit/")
    role_field = editor.locator("#id_contacts-0-role")
    expect(role_field).to_have_value(gera_role)
    role_field.fill(NEW_ROLE)
    footer_action(editor, "action-submit")
    expect(editor.locator(".messages")).to_contain_text("eingereicht")
    public = public_contact_roles(page, "gera")
    assert gera_role in public and NEW_ROLE not in public

    # The moderator approves from the review list: now the public page shows it.
    moderator = log_in(browser, base_url, "moderation")
    moderator.goto("/admin/pruefliste/")
    moderator.locator("tr", has_text="Gera").get_by_role("link", name="Prüfen").first.click()
    roles = moderator.locator("input[name^=contacts-][name$=-role]")
    expect(roles.and_(moderator.locator(f"[value='{NEW_ROLE}']"))).to_have_count(1)
    footer_action(moderator, label="Freigeben")
    expect(moderator.locator(".messages")).to_contain_text("Gera")
    page.goto("/de/regionen/gera/")
    expect(page.locator(".contact__role", has_text=NEW_ROLE)).to_be_visible()
    expect(page.locator(".contact__role", has_text=gera_role)).to_have_count(0)
