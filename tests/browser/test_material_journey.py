"""A material's journey through moderation in the real admin: an editor opens an
event in the page editor, uploads a PDF through the material panel's document
chooser (its "Hochladen" tab, which starts in the collection "Materialien"),
saves and submits the page. The PDF is neither downloadable nor found until the
moderator approves it: in the document listing it is "Zur Prüfung", its editor
links to its review page, "Freigeben" makes it public. (Approving the page in the
workflow approves it too: tests/materials/test_moderation.py.)"""

from __future__ import annotations

import re

import pytest
from fpdf import FPDF
from playwright.sync_api import Browser, Page, expect

from wagtail.models import Page as Page_

from materials.models import Material, ReviewState
from tests.background import run_background_tasks
from tests.browser.support import log_in
from tests.browser.test_workflow_journeys import footer_action

# The event the journey attaches a material to (demo/content/veranstaltungen/<slug>.yaml).
LERNWERKSTATT_SLUG = "lernwerkstatt-strategieentwicklung-2019"

PDF_TITLE = "Dokumentation: Lernwerkstatt (Browsertest)"
PDF_WORD = "Kiesgrubenrundgang"  # only inside the uploaded PDF


# Roles, rights, workflows and collections as `make run` applies them (conftest.py).
pytestmark = pytest.mark.usefixtures("editorial_roles")


def documentation_pdf(path) -> str:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.multi_cell(w=0, text=f"Ergebnisse vom {PDF_WORD} am Nachmittag.")
    pdf.output(str(path))
    return str(path)


def upload_material_from_the_page_editor(editor: Page, event_id: int, tmp_path) -> None:
    editor.goto(f"/admin/pages/{event_id}/edit/")
    editor.locator("#id_material_links-ADD").click()
    editor.locator("#id_material_links-FORMS").get_by_role(
        "button", name="Dokument auswählen"
    ).last.click()
    modal = editor.locator(".modal-dialog")
    modal.get_by_role("tab", name="Hochladen").click()
    modal.locator("#id_document-chooser-upload-file").set_input_files(
        documentation_pdf(tmp_path / "dokumentation-lernwerkstatt.pdf")
    )
    modal.locator("#id_document-chooser-upload-title").fill(PDF_TITLE)
    # The upload starts in "Materialien", not in the root collection.
    collection = modal.locator("select[name='document-chooser-upload-collection']")
    selected = collection.evaluate("s => s.options[s.selectedIndex].text")
    assert selected.strip(" \u00a0-↳") == "Materialien", selected
    modal.locator("select[name='document-chooser-upload-kind']").select_option("dokumentation")
    modal.get_by_role("button", name="Hochladen").click()
    expect(modal).to_be_hidden()
    expect(editor.locator("#id_material_links-FORMS")).to_contain_text(PDF_TITLE)
    footer_action(editor, "action-submit")
    expect(editor.locator(".messages")).to_contain_text("eingereicht")


def test_an_uploaded_material_is_private_until_the_moderator_approves(
    browser: Browser, base_url: str, page: Page, tmp_path
):
    event = Page_.objects.get(slug=LERNWERKSTATT_SLUG, locale__language_code="de")
    editor = log_in(browser, base_url, "redaktion")
    upload_material_from_the_page_editor(editor, event.pk, tmp_path)
    # The background worker reads its text (on the server: `make worker`), so that
    # only the review keeps it out of the search below.
    run_background_tasks()

    material = Material.objects.get(title=PDF_TITLE)
    assert material.review_state == ReviewState.PENDING
    assert material.collection.name == "Materialien"
    assert page.request.get(material.url).status == 404
    assert editor.request.get(material.url).status == 200  # the uploader may check it
    page.goto(f"/de/suche/?q={PDF_WORD}")
    expect(
        page.locator("main").get_by_role("link", name=re.compile(re.escape(PDF_TITLE)))
    ).to_have_count(0)

    # The moderator finds it "Zur Prüfung" among the documents, opens it and
    # approves it on its review page.
    moderator = log_in(browser, base_url, "moderation")
    moderator.goto("/admin/documents/")
    row = moderator.locator("tr", has_text=PDF_TITLE)
    expect(row).to_contain_text("Zur Prüfung")
    row.get_by_role("link", name=PDF_TITLE).click()
    expect(moderator.locator(".messages")).to_contain_text("Prüfstatus: Zur Prüfung")
    moderator.locator(".messages").get_by_role("link", name="Prüfen").click()
    moderator.get_by_role("button", name="Freigeben").click()
    expect(moderator.locator(".messages")).to_contain_text("freigegeben")

    material.refresh_from_db()
    assert material.review_state == ReviewState.APPROVED
    download = page.request.get(material.url)
    assert download.status == 200
    assert download.body().startswith(b"%PDF")
    page.goto(f"/de/suche/?q={PDF_WORD}")
    expect(
        page.locator("main").get_by_role("link", name=re.compile(re.escape(PDF_TITLE))).first
    ).to_be_visible()
