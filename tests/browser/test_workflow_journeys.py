"""The editorial journeys in the real admin (PRODUCT.md, "Roles and the editorial
workflow"): an editor creates an event with keywords, a criterion and an uploaded
PDF and submits it; it is "In Prüfung" and the editor cannot publish it; the
moderator rejects it with a comment from the review list; the editor reads the
comment, fixes and resubmits; the moderator approves; the public calendar, the
iCalendar feed and the search show it.

Runs on the package's demo site with the roles and workflows applied
(``apply_editorial``); the demo accounts are those printed by load_demo_content.
This module comes last in the package (alphabetical order), so the event it
publishes cannot change what the other browser tests see.

Not here yet: the translator's journey (an English translation of a news item
through wagtail-localize, submitted, approved, then shown under /en/ with the
language switcher and hreflang links)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import icalendar
import pytest
from fpdf import FPDF
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from wagtail.models import Page as Page_

from tests.background import run_background_tasks
from tests.browser.support import log_in

EVENT_TITLE = "Werkstatt Bewegte Kommune (Browsertest)"
# Half a year ahead: inside feed.ics's window (events.models.FEED_DAYS_AHEAD) whenever it runs.
EVENT_DAY = (date.today() + timedelta(days=180)).isoformat()
PDF_TITLE = "Programm: Werkstatt Bewegte Kommune"
PDF_WORD = "Wiesenparcours"  # only inside the uploaded PDF
KEYWORD = "Bewegung im Alltag"
CRITERION = "Partizipation"
COMMENT = "Bitte den Veranstaltungsort genauer angeben."


# Roles, rights and workflows as `make run` applies them (conftest.py).
pytestmark = pytest.mark.usefixtures("editorial_roles")


def programme_pdf(path) -> str:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.cell(text=PDF_TITLE)
    pdf.ln(12)
    pdf.multi_cell(w=0, text=f"10:00 Uhr Start am {PDF_WORD} im Stadtpark.")
    pdf.output(str(path))
    return str(path)


def choose_in_modal(page: Page, opener, name: str, *, search: bool = False) -> None:
    """Open a chooser, search or page through it, and pick the entry called ``name``."""
    opener.click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    if search:
        modal.locator("input[name=q]").fill(name)
    choice = modal.get_by_role("link", name=name, exact=True)
    for _ in range(5):
        try:
            choice.first.wait_for(timeout=3000)
            break
        except PlaywrightTimeoutError:
            modal.locator(".pagination").get_by_role("link", name="Nächste").click()
    choice.first.click()
    expect(modal).to_be_hidden()


def footer_action(page: Page, name: str = "", *, label: str = "") -> None:
    """Click one of the editor's actions by its button name (save, submit, publish)
    or label (workflow decisions); most sit in the footer's "more actions" menu."""
    footer = page.locator("footer nav.actions")
    if name:
        button = footer.locator(f"button[name={name}]")
    else:
        button = footer.get_by_role("button", name=label, exact=True)
    if not button.is_visible():
        footer.get_by_role("button", name="Mehr Aktionen").click()
    button.click()


def create_and_submit_event(page: Page, calendar_id: int, tmp_path) -> str:
    # The calendar in the page explorer, "add child page", the page type "Veranstaltung".
    page.goto(f"/admin/pages/{calendar_id}/")
    page.get_by_role(
        "link", name=re.compile("Unterseite hinzufügen|Seite hinzufügen")
    ).first.click()
    page_type = page.get_by_role("link", name="Veranstaltung", exact=True)
    if page_type.count():
        page_type.click()
    expect(page.locator("#id_title")).to_be_visible()

    page.fill("#id_title", EVENT_TITLE)
    page.fill("#id_start", f"{EVENT_DAY} 10:00")
    page.keyboard.press("Escape")
    page.fill("#id_end", f"{EVENT_DAY} 16:00")
    page.keyboard.press("Escape")
    page.fill("#id_place", "Jena")
    page.fill("#id_organiser", "Netzwerk Gesunde Kommune Jena")
    page.fill("#id_teaser", "Eine Werkstatt zu Bewegung im Alltag.")
    # (Paging, not searching: the chooser's search finds no Bundesland, see the report.)
    choose_in_modal(page, page.get_by_role("button", name="Bundesland auswählen"), "Thüringen")
    choose_in_modal(
        page, page.get_by_role("button", name="Veranstaltungskategorie auswählen"), "Werkstatt"
    )
    # Wagtail's tag widget: type a keyword, Enter makes it a tag.
    page.locator("[data-contentpath=tags] li.tagit-new input").fill(KEYWORD)
    page.keyboard.press("Enter")
    expect(page.locator("#id_tags")).to_have_value(re.compile(KEYWORD))

    # An uploaded PDF as material.
    page.locator("#id_material_links-ADD").click()
    page.locator("#id_material_links-FORMS").get_by_role(
        "button", name="Dokument auswählen"
    ).click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Hochladen").click()
    modal.locator("#id_document-chooser-upload-file").set_input_files(
        programme_pdf(tmp_path / "programm-werkstatt-bewegte-kommune.pdf")
    )
    modal.locator("#id_document-chooser-upload-title").fill(PDF_TITLE)
    collection = modal.locator("select[name='document-chooser-upload-collection']")
    if collection.count():  # the public collection, not "Interne Materialien"
        value = collection.evaluate(
            "s => [...s.options]"
            ".find(o => o.text.replace(/[^A-Za-z]/g, '') === 'Materialien').value"
        )
        collection.select_option(value)
    kind = modal.locator("select[name='document-chooser-upload-kind']")
    if kind.count():
        kind.select_option("programm")
    modal.get_by_role("button", name="Hochladen").click()
    expect(modal).to_be_hidden()
    expect(page.locator("#id_material_links-0-document-title")).to_contain_text(PDF_TITLE)

    # A Good Practice criterion.
    page.locator("#id_criterion_links-ADD").click()
    choose_in_modal(
        page,
        page.locator("#id_criterion_links-FORMS").get_by_role(
            "button", name=re.compile("auswählen")
        ),
        CRITERION,
        search=True,
    )

    footer_action(page, "action-submit")
    expect(page.locator(".messages")).to_contain_text("eingereicht")
    # Back in the explorer: the new page's edit link.
    return page.get_by_role("link", name=EVENT_TITLE).first.get_attribute("href")


def test_editor_and_moderator_journey(browser: Browser, base_url: str, page: Page, tmp_path):
    calendar = Page_.objects.get(slug="veranstaltungen", locale__language_code="de")
    editor_and_moderator_journey(browser, base_url, page, calendar.pk, tmp_path)


def editor_and_moderator_journey(browser, base_url, page, calendar_id, tmp_path) -> None:
    editor = log_in(browser, base_url, "redaktion")
    edit_url = create_and_submit_event(editor, calendar_id, tmp_path)

    editor.goto(edit_url)
    expect(editor.get_by_text("In Prüfung").first).to_be_visible()
    # The editor never publishes.
    assert editor.locator("button[name=action-publish]").count() == 0
    public = page.request.get("/de/veranstaltungen/")
    assert EVENT_TITLE not in public.text()

    # The moderator finds it in the review list and rejects it with a comment.
    moderator = log_in(browser, base_url, "moderation")
    moderator.goto("/admin/pruefliste/")
    row = moderator.locator("tr", has_text=EVENT_TITLE)
    row.get_by_role("link", name="Prüfen").click()
    # The moderator could publish, but decides through the workflow.
    expect(moderator.locator("#id_title")).to_have_value(EVENT_TITLE)
    expect(moderator.locator("footer button[name=action-publish]")).to_have_count(1)
    footer_action(moderator, label="Zurückweisen")
    dialog = moderator.locator(".modal-dialog")
    dialog.locator("textarea").fill(COMMENT)
    dialog.locator("button[type=submit]").click()
    expect(moderator.locator(".messages")).to_contain_text(EVENT_TITLE)

    # The editor reads the comment, fixes the place and submits again.
    editor.goto(edit_url)
    expect(editor.get_by_text(COMMENT).first).to_be_attached()
    expect(editor.locator("#id_venue")).to_be_editable()
    editor.fill("#id_venue", "Volkshaus Jena, Saal 2")
    footer_action(editor, "action-submit")
    expect(editor.locator(".messages")).to_contain_text("eingereicht")

    # The moderator approves: the event goes live.
    moderator.goto("/admin/pruefliste/")
    moderator.locator("tr", has_text=EVENT_TITLE).get_by_role("link", name="Prüfen").click()
    expect(moderator.locator("#id_title")).to_have_value(EVENT_TITLE)
    footer_action(moderator, label="Freigeben")
    expect(moderator.locator(".messages")).to_contain_text(EVENT_TITLE)

    page.goto("/de/veranstaltungen/?bundesland=thueringen&kategorie=werkstatt")
    page.get_by_role("link", name=EVENT_TITLE).click()
    expect(page.get_by_text("Volkshaus Jena, Saal 2")).to_be_visible()
    expect(page.get_by_role("link", name=KEYWORD)).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(CRITERION))).to_be_visible()

    feed = page.request.get("/de/veranstaltungen/feed.ics")
    summaries = [
        str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(feed.body()).walk("VEVENT")
    ]
    assert EVENT_TITLE in summaries

    # The background worker reads the uploaded PDF's text (on the server: `make worker`).
    run_background_tasks()
    page.goto(f"/de/suche/?q={PDF_WORD}")
    expect(
        page.locator("main").get_by_role("link", name=re.compile(PDF_TITLE)).first
    ).to_be_visible()
    page.goto("/de/suche/?q=Bewegte+Kommune")
    expect(page.locator("main").get_by_role("link", name=EVENT_TITLE).first).to_be_visible()
