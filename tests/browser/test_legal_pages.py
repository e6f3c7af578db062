"""The pages a German public site must have: Impressum, Datenschutzerklärung and
Erklärung zur Barrierefreiheit, reached from the footer of every page (checked for
each page type in test_accessibility.py), the last with a feedback form and contact
(BITV 2.0 § 7: "Feedback-Mechanismus"; test_barrier_report_journey.py)."""

import re

from playwright.sync_api import Page, expect

LEGAL_PAGES = [
    ("Impressum", "/de/impressum/"),
    ("Datenschutzerklärung", "/de/datenschutz/"),
    ("Erklärung zur Barrierefreiheit", "/de/barrierefreiheit/"),
]


def test_footer_leads_to_the_legal_pages(page: Page):
    for title, url in LEGAL_PAGES:
        page.goto("/de/veranstaltungen/")
        footer = page.get_by_role("contentinfo").get_by_role("navigation", name="Rechtliches")
        footer.get_by_role("link", name=title, exact=True).click()
        # The statement's link names the page it came from (its feedback form).
        expect(page).to_have_url(re.compile(re.escape(url) + r"(\?adresse=[^&]+)?$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_accessibility_statement_has_a_feedback_contact(page: Page):
    page.goto("/de/barrierefreiheit/")
    expect(page.get_by_role("heading", name="Rückmeldung und Kontakt")).to_be_visible()
    contacts = [a.get_attribute("href") for a in page.locator("main a[href^='mailto:']").all()]
    assert any("barrierefreiheit@" in href for href in contacts), contacts
    # The feedback form (test_barrier_report_journey.py), the Schlichtungsstelle and
    # the Durchsetzungsstelle of the Länder.
    expect(page.get_by_role("heading", name="Barriere melden")).to_be_visible()
    expect(page.get_by_role("heading", name="Schlichtungsverfahren")).to_be_visible()
    expect(page.locator("main address")).to_contain_text("Mauerstraße 53")
    expect(page.locator("main")).to_contain_text("Durchsetzungsstelle")


def test_english_pages_link_the_english_legal_pages(page: Page):
    page.goto("/en/events/")
    footer = page.get_by_role("contentinfo")
    link = footer.get_by_role("link", name="Accessibility statement")
    assert link.get_attribute("lang") is None  # the page's own language
    link.click()
    expect(page).to_have_url(re.compile(r"/en/accessibility/\?adresse=%2Fen%2Fevents%2F$"))
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", level=1)).to_have_text("Accessibility statement")
