"""Reporting a barrier, by keyboard only (issue 15): a visitor on the calendar
follows the footer link to the accessibility statement, finds the page address
prefilled, describes the barrier, gives an e-mail address and consent, sends and
sees the confirmation (and gets the confirmation mail); a moderator logs in by
keyboard, opens „Barrieremeldungen“ from the dashboard, reads the report and
marks it done.

Every control is reached with Tab and worked with Enter, Space, arrow keys and
typing (tests/browser/support.py: tab_to, type_into). Runs on the package's demo
site with the editorial setup applied; the live server runs in this process, so
Django's test mailbox holds the mails."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from django.core import mail

from accessibility.models import BarrierReport, ReportStatus
from tests.browser.support import DEMO_PASSWORD, assert_accessible, tab_to, type_into

DESCRIPTION = "Die Filter im Kalender lassen sich mit der Tastatur nicht erreichen (Browsertest)."
VISITOR = "besucherin-browsertest@example.org"


# Roles, rights and workflows as `make run` applies them (conftest.py).
pytestmark = pytest.mark.usefixtures("editorial_roles")


@pytest.fixture
def quick_form(settings):
    # The minimum fill time (spam defence) is 5 s; the journey types fast.
    settings.BARRIER_REPORT_MIN_SECONDS = 1


def press(page: Page, name: str) -> None:
    tab_to(page, page.get_by_role("button", name=name, exact=True))
    page.keyboard.press("Enter")


def test_a_visitor_reports_a_barrier_and_a_moderator_marks_it_done(
    browser: Browser, base_url: str, quick_form, django_db_blocker
):
    mail.outbox.clear()
    visitor = browser.new_context(base_url=base_url, locale="de-DE").new_page()
    visitor.goto("/de/veranstaltungen/")
    footer = visitor.get_by_role("contentinfo")
    tab_to(visitor, footer.get_by_role("link", name="Erklärung zur Barrierefreiheit"))
    visitor.keyboard.press("Enter")
    expect(visitor).to_have_url(
        re.compile(r"/de/barrierefreiheit/\?adresse=%2Fde%2Fveranstaltungen%2F$")
    )
    expect(visitor.get_by_role("heading", level=2, name="Barriere melden")).to_be_visible()
    expect(visitor.get_by_label("Adresse der Seite")).to_have_value("/de/veranstaltungen/")

    # Sent without consent first: the error summary takes the focus and links the field.
    type_into(visitor, visitor.get_by_label("Welche Barriere ist Ihnen aufgefallen?"), DESCRIPTION)
    type_into(visitor, visitor.get_by_label("Ihre E-Mail-Adresse (freiwillig)"), VISITOR)
    visitor.wait_for_timeout(1100)  # the (lowered) minimum fill time: no timed assertion
    press(visitor, "Meldung senden")
    summary = visitor.locator("#fehler")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Bitte stimmen Sie der Speicherung")
    assert_accessible(visitor)
    tab_to(visitor, summary.get_by_role("link"))
    visitor.keyboard.press("Enter")
    consent = visitor.get_by_label(re.compile("Ich bin einverstanden"))
    tab_to(visitor, consent)
    visitor.keyboard.press("Space")
    expect(consent).to_be_checked()
    expect(visitor.get_by_label("Welche Barriere ist Ihnen aufgefallen?")).to_have_value(
        DESCRIPTION
    )
    press(visitor, "Meldung senden")

    expect(visitor.get_by_role("heading", level=1)).to_have_text("Vielen Dank für Ihre Meldung")
    expect(visitor).to_have_url(re.compile(r"/de/barrierefreiheit/danke/$"))
    assert_accessible(visitor)
    with django_db_blocker.unblock():
        report = BarrierReport.objects.get(description=DESCRIPTION)
        assert report.page_address == "/de/veranstaltungen/"
        assert report.email == VISITOR
    assert [m for m in mail.outbox if m.to == [VISITOR]], "no confirmation"
    assert [m for m in mail.outbox if m.to == ["moderation@gesunde-kommune.example.org"]]

    # The moderator: log in, the dashboard's panel, the report, its status.
    moderator = browser.new_context(base_url=base_url, locale="de-DE").new_page()
    moderator.goto("/admin/login/")
    type_into(moderator, moderator.locator("#id_username"), "moderation")
    type_into(moderator, moderator.locator("#id_password"), DEMO_PASSWORD)
    moderator.keyboard.press("Enter")
    moderator.wait_for_url(re.compile(r"/admin/$"))
    tab_to(moderator, moderator.get_by_role("link", name="Barrieremeldungen lesen"))
    moderator.keyboard.press("Enter")
    moderator.wait_for_url(re.compile(r"/admin/barrieremeldungen/\?status=new$"))
    row_link = moderator.get_by_role("link", name="/de/veranstaltungen/").first
    tab_to(moderator, row_link)
    moderator.keyboard.press("Enter")
    moderator.wait_for_url(re.compile(rf"/admin/barrieremeldungen/edit/{report.pk}/$"))
    expect(moderator.locator("main")).to_contain_text(DESCRIPTION)
    status = moderator.locator("select[name=status]")
    tab_to(moderator, status)
    for _ in range(3):
        if status.input_value() == "done":
            break
        moderator.keyboard.press("ArrowDown")
    expect(status).to_have_value("done")
    tab_to(moderator, moderator.get_by_role("button", name="Speichern"))
    moderator.keyboard.press("Enter")
    moderator.wait_for_url(re.compile(r"/admin/barrieremeldungen/$"))
    with django_db_blocker.unblock():
        report.refresh_from_db()
        assert report.status == ReportStatus.DONE
        assert report.done_at is not None
