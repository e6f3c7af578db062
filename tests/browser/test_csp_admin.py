"""The Wagtail admin under the Content-Security-Policy (security/csp.py): the page
editor (date widgets, inline panels, choosers, a new inline child with its chooser,
a chooser modal), the dashboard and wagtail-localize's translation editor run
without a single CSP violation in the browser, and their scripts work."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from events.models import EventPage
from tests.browser.support import log_in, untranslated_german_page
from tests.factories.pages import EventPageFactory

ADMIN = "admin"  # the demo superuser (roles need not be applied for it)

# Runs in every document before its own scripts: records what the policy blocked.
RECORD_VIOLATIONS = """
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(
            `${e.violatedDirective} blocked ${e.blockedURI || 'inline'}: ${e.sample || ''}`);
    });
"""


def watch(page: Page) -> list[str]:
    """CSP messages on the console (Chromium reports each violation there)."""
    messages: list[str] = []
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            messages.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return messages


def violations(page: Page, console: list[str]) -> list[str]:
    return console + page.evaluate("() => window.__cspViolations || []")


@pytest.fixture(scope="module")
def english_event(demo_site, django_db_blocker):
    """A wagtail-localize translation (draft) of a demo event; deleted afterwards."""
    with django_db_blocker.unblock():
        english = Locale.objects.get(language_code="en")
        event = untranslated_german_page(EventPage, EventPageFactory, "Termin des Netzwerks")
        translate_object(event, [english])
        translation = Translation.objects.get(
            source__object_id=event.translation_key, target_locale=english
        )
        target = translation.get_target_instance()
    yield event, target
    with django_db_blocker.unblock():
        EventPage.objects.filter(pk=target.pk).delete()
        translation.source.delete()


def test_page_editor_runs_without_csp_violations(browser: Browser, base_url: str, english_event):
    event, _ = english_event
    admin = log_in(browser, base_url, ADMIN)
    console = watch(admin)
    admin.goto("/admin/")
    assert violations(admin, console) == []

    admin.goto(f"/admin/pages/{event.pk}/edit/")
    expect(admin.locator("#id_title")).to_have_value(event.title)
    # The inline scripts ran: the inline panel's "add" button works and its new
    # child's chooser (written by a script inside the panel's <template>) too.
    add = admin.locator("#id_material_links-ADD")
    add.scroll_into_view_if_needed()
    add.click()
    child_chooser = admin.locator("[id^='id_material_links-'][id$='-document-chooser']").last
    expect(child_chooser).to_be_visible()
    child_chooser.locator(".unchosen [data-chooser-action-choose]").click()
    expect(admin.locator(".modal-dialog")).to_be_visible()
    expect(admin.locator(".modal-dialog")).to_contain_text("Dokument")
    admin.keyboard.press("Escape")
    assert violations(admin, console) == []


def test_translation_editor_runs_without_csp_violations(
    browser: Browser, base_url: str, english_event
):
    _, english = english_event
    admin = log_in(browser, base_url, ADMIN)
    console = watch(admin)
    admin.goto(f"/admin/pages/{english.pk}/edit/")
    # wagtail-localize's React editor rendered its segments.
    expect(admin.locator("li.incomplete").first).to_be_visible()
    assert violations(admin, console) == []
