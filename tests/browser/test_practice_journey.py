"""The Praxisdatenbank's submission journey, by keyboard only (issue 14): a
submitter asks for the link, fills in the form in two sittings (saves, resumes by
the link from the mail), submits; a moderator rejects it from the Prüfliste with a
comment; the submitter reads the comment, fixes and resubmits; the moderator
approves; the example is public with its profile chart and table.

Every control is reached with Tab and worked with Enter, Space, arrow keys and
typing (tests/browser/support.py: tab_to, type_into); the links come from the
mails the site sends (Django's test mailbox: the live server runs in this
process). Runs on the package's demo site with the editorial setup applied."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from django.core import mail

from practice.models import PracticePage
from tests.browser.support import DEMO_PASSWORD, assert_accessible, tab_to, type_into

TITLE = "Bewegte Pausen in Jena (Browsertest)"
TEASER = "Schulen in Jena bewegen sich in jeder großen Pause."
FIXED_TEASER = "Vier Grundschulen in Jena-Lobeda bewegen sich in jeder großen Pause."
COMMENT = "Bitte nennen Sie die beteiligten Schulen."
JUSTIFICATION = "Der Schülerrat entscheidet über die Spiele mit."
LINK = re.compile(r"https?://\S+?/einreichen/[\w-]+/")


# Roles, rights and workflows as `make run` applies them (conftest.py).
pytestmark = pytest.mark.usefixtures("editorial_roles")


@pytest.fixture
def quick_form(settings):
    # The minimum fill time (spam defence) is 5 s; the journey types fast.
    settings.PRACTICE_SUBMISSION_MIN_SECONDS = 1


def link_in(message) -> str:
    """The path of the secret link in a mail to the submitter."""
    found = LINK.search(message.body)
    assert found, message.body
    return urlsplit(found.group(0)).path


def press(page: Page, name: str) -> None:
    """Tab to the button called ``name`` and press Enter."""
    tab_to(page, page.get_by_role("button", name=name, exact=True))
    page.keyboard.press("Enter")


def choose_option(page: Page, select, text: str) -> None:
    """Tab to a select and move through its options with the arrow key."""
    tab_to(page, select)
    for _ in range(40):
        if select.evaluate("(s) => s.options[s.selectedIndex].text") == text:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no option {text!r}")


def choose_stage(page: Page, legend: str, stage: int) -> None:
    """In the criterion's fieldset, Tab reaches the checked radio ("nicht
    eingeschätzt"); each ArrowDown selects the next stage."""
    fieldset = page.locator("fieldset", has=page.locator("legend", has_text=legend))
    tab_to(page, fieldset.locator("input[type=radio]:checked"))
    for _ in range(stage):
        page.keyboard.press("ArrowDown")
    expect(fieldset.locator("input[type=radio]:checked")).to_have_value(str(stage))


def type_date(page: Page, field, iso: str) -> None:
    """Type a date into a date field: its segments' order is the browser's own
    (dd.mm.yyyy or mm/dd/yyyy, whatever the page's language), so try each; Shift+Tab
    goes back from the last segment to the first."""
    year, month, day = iso.split("-")
    tab_to(page, field)
    for digits in (day + month + year, month + day + year, year + month + day):
        page.keyboard.type(digits)
        if field.input_value() == iso:
            return
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
    raise AssertionError(f"the date field took {field.input_value()!r}, not {iso}")


def keyboard_login(browser: Browser, base_url: str, username: str) -> Page:
    context = browser.new_context(base_url=base_url, locale="de-DE")
    page = context.new_page()
    page.goto("/admin/login/")
    type_into(page, page.locator("#id_username"), username)
    type_into(page, page.locator("#id_password"), DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


def walk_to_last_step(page: Page) -> None:
    """From any step, "Speichern und weiter" until the review step."""
    for _ in range(5):
        if page.get_by_role("button", name="Einreichen", exact=True).count():
            return
        press(page, "Speichern und weiter")
        expect(page.locator("[aria-current=step]")).to_be_visible()
    raise AssertionError("the review step was not reached")


def submit_from_review(page: Page) -> None:
    consent = page.get_by_label(re.compile("Ich bin einverstanden"))
    tab_to(page, consent)
    if not consent.is_checked():  # given once, it stays given for this submission
        page.keyboard.press("Space")
    expect(consent).to_be_checked()
    press(page, "Einreichen")
    expect(page.locator("main")).to_contain_text("Vielen Dank")


def test_submit_in_two_sittings_reject_fix_approve(
    browser: Browser, base_url: str, page: Page, quick_form
):
    # First sitting: from the list to the form, the address, the link by mail.
    first = browser.new_context(base_url=base_url, locale="de-DE").new_page()
    first.goto("/de/praxisdatenbank/")
    tab_to(first, first.get_by_role("link", name="Ein Praxisbeispiel einreichen"))
    first.keyboard.press("Enter")
    expect(first.get_by_role("heading", level=1)).to_have_text("Praxisbeispiel einreichen")
    type_into(first, first.get_by_label("Ihre E-Mail-Adresse"), "schulen@example.org")
    first.wait_for_timeout(1100)  # the minimum fill time
    press(first, "Link anfordern")
    expect(first.locator("main")).to_contain_text("Bitte schauen Sie in Ihr Postfach")
    assert len(mail.outbox) == 1
    link = link_in(mail.outbox[0])

    first.goto(link)  # opening the link confirms the address
    expect(first.locator("[aria-current=step]")).to_have_text("Schritt 1 von 5")
    assert_accessible(first)
    type_into(first, first.get_by_label("Name der Kommune"), "Stadt Jena")
    choose_option(first, first.get_by_label("Bundesland"), "Thüringen")
    type_date(first, first.get_by_label("Beginn"), "2023-09-01")
    tab_to(first, first.get_by_role("checkbox", name="Bewegung"))
    first.keyboard.press("Space")
    tab_to(first, first.get_by_role("checkbox", name="Schulalter"))
    first.keyboard.press("Space")
    press(first, "Speichern und weiter")

    expect(first.locator("[aria-current=step]")).to_have_text("Schritt 2 von 5")
    type_into(first, first.get_by_label("Titel des Praxisbeispiels"), TITLE)
    type_into(first, first.get_by_label("Kurzbeschreibung"), TEASER)
    type_into(first, first.get_by_label("Ansprechstelle (Funktion)"), "Schulsozialarbeit")
    type_into(first, first.get_by_label("Organisation"), "Schulamt Jena")
    press(first, "Speichern und später weitermachen")
    expect(first.locator("main")).to_contain_text("Ihre Angaben sind gespeichert")
    first.context.close()

    # Second sitting, another browser: the same link continues at step 2.
    second = browser.new_context(base_url=base_url, locale="de-DE").new_page()
    second.goto(link)
    expect(second.locator("[aria-current=step]")).to_have_text("Schritt 2 von 5")
    expect(second.get_by_label("Titel des Praxisbeispiels")).to_have_value(TITLE)
    press(second, "Speichern und weiter")
    expect(second.locator("[aria-current=step]")).to_have_text("Schritt 3 von 5")
    assert_accessible(second)
    choose_stage(second, "Partizipation", 3)
    justification = second.locator(
        "fieldset", has=second.locator("legend", has_text="Partizipation")
    ).get_by_label("Begründung")
    type_into(second, justification, JUSTIFICATION)
    walk_to_last_step(second)
    expect(second.locator("main")).to_contain_text(TEASER)
    assert_accessible(second)
    submit_from_review(second)

    example = PracticePage.objects.get(title=TITLE)
    assert not example.live
    assert "schulen@example.org" not in example.get_latest_revision().content.__repr__()
    public = page.request.get("/de/praxisdatenbank/")
    assert TITLE not in public.text()

    # The moderator rejects it from the Prüfliste, with a comment.
    moderator = keyboard_login(browser, base_url, "moderation")
    moderator.goto("/admin/pruefliste/")
    row = moderator.locator("tr", has_text=TITLE)
    tab_to(moderator, row.locator("summary"))
    moderator.keyboard.press("Enter")
    type_into(moderator, row.locator("textarea"), COMMENT)
    tab_to(moderator, row.get_by_role("button", name="Zurückweisen", exact=True))
    moderator.keyboard.press("Enter")
    expect(moderator.locator(".messages")).to_contain_text(TITLE)

    # The submitter reads the comment in the mail and on the form, fixes, resubmits.
    rejection = mail.outbox[-1]
    assert rejection.to == ["schulen@example.org"]
    assert COMMENT in rejection.body
    second.goto(link_in(rejection))
    expect(second.locator("main")).to_contain_text(COMMENT)
    assert_accessible(second)  # the moderator's comment on the form
    press(second, "Speichern und weiter")
    expect(second.locator("[aria-current=step]")).to_have_text("Schritt 2 von 5")
    type_into(second, second.get_by_label("Kurzbeschreibung"), FIXED_TEASER)
    walk_to_last_step(second)
    expect(second.locator("main")).to_contain_text(FIXED_TEASER)
    submit_from_review(second)

    # The moderator approves: the example goes live; the submitter hears of it.
    moderator.goto("/admin/pruefliste/")
    row = moderator.locator("tr", has_text=TITLE)
    tab_to(moderator, row.get_by_role("button", name=re.compile("^Freigeben")))
    moderator.keyboard.press("Enter")
    expect(moderator.locator(".messages")).to_contain_text(TITLE)
    approval = mail.outbox[-1]
    assert approval.to == ["schulen@example.org"]
    assert "freigegeben" in approval.body

    # The public finds it in the list, with its profile as chart and table.
    page.goto("/de/praxisdatenbank/?bundesland=thueringen&kriterium=5&stufe=3")
    tab_to(page, page.get_by_role("link", name=TITLE))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text(FIXED_TEASER)
    expect(page.locator("main")).to_contain_text("Stadt Jena")
    chart = page.locator("svg[role=img]")
    expect(chart).to_have_count(1)
    assert "Partizipation: Stufe 3 von 4" in chart.locator("desc").text_content()
    row = page.locator("table tr", has_text="Partizipation")
    expect(row).to_contain_text(JUSTIFICATION)
    assert "schulen@example.org" not in page.content()
