"""WCAG 2.1 AA on every public page type, in German and in English.

Each page is checked by axe-core (rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa;
none disabled) at 1280 and at 320 CSS px, and for what axe does not check: one h1
first and no skipped heading level, html lang of the locale, a skip link to the
main content, labels on every form control, lang/hreflang on the language
switcher, the legal pages in the footer and no horizontal scrolling at 320 px
(there also with the phone menu open: axe and reflow again).

The English demo has fewer pages than the German one; each English page type is
checked on the pages that exist under /en/: home, regions and Gera, the events
calendar and two events, news and one item, the criteria and one criterion, a
standard page (our vision), search, a keyword page, the Praxisdatenbank (list,
one example, the submission form; its later steps in test_practice_journey.py)
and the 404 page. The pages in Leichte Sprache and Deutsche Gebärdensprache are
German only (every English page links them in its header). The English
footer links to the German legal pages (marked lang="de"), which have no
translation in the demo.
"""

import os

import pytest

from tests.accessibility.media import FFMPEG_PRESENT
from tests.browser.support import (
    describe_violations,
    heading_levels,
    heading_order_problems,
    horizontal_overflow,
    run_axe,
)

# (page type, URL, expected status)
PAGES_DE = [
    ("home", "/de/", 200),
    ("region list", "/de/regionen/", 200),
    ("region", "/de/regionen/gera/", 200),
    ("calendar", "/de/veranstaltungen/", 200),
    (
        "calendar filtered",
        "/de/veranstaltungen/?bundesland=thueringen&kategorie=austauschtreffen",
        200,
    ),  # noqa: E501
    ("calendar no match", "/de/veranstaltungen/?bundesland=bremen", 200),
    ("calendar invalid filter", "/de/veranstaltungen/?kategorie=gibt-es-nicht", 200),
    ("event", "/de/veranstaltungen/austauschtreffen-modellregionen-herbst-2024/", 200),
    ("news list", "/de/aktuelles/", 200),
    ("news item", "/de/aktuelles/gesundheitskioske-beispielhafte-einrichtungen/", 200),
    ("criteria list", "/de/good-practice-kriterien/", 200),
    ("criterion", "/de/good-practice-kriterien/integriertes-handeln/", 200),
    ("standard page", "/de/unsere-vision/", 200),
    ("accessibility statement", "/de/barrierefreiheit/?adresse=%2Fde%2Fregionen%2F", 200),
    ("statement form errors", "POST /de/barrierefreiheit/", 200),
    ("statement confirmation", "/de/barrierefreiheit/danke/", 200),
    ("search", "/de/suche/", 200),
    ("search results", "/de/suche/?q=Pr%C3%A4ventionsketten", 200),
    ("search no results", "/de/suche/?q=Zyxwvutsrq", 200),
    ("keyword", "/de/schlagwort/praeventionsketten/", 200),
    ("practice list", "/de/praxisdatenbank/", 200),
    (
        "practice list filtered",
        "/de/praxisdatenbank/?bundesland=thueringen&kriterium=5&stufe=2",
        200,
    ),
    ("practice list invalid filter", "/de/praxisdatenbank/?stufe=9", 200),
    ("practice example", "/de/praxisdatenbank/familienlotsen-gera/", 200),
    ("practice submission", "/de/praxisdatenbank/einreichen/", 200),
    ("easy read", "/de/leichte-sprache/", 200),
    ("sign language", "/de/gebaerdensprache/", 200),
    ("404", "/de/gibt-es-nicht/", 404),
]
PAGES_EN = [
    ("home", "/en/", 200),
    ("region list", "/en/regions/", 200),
    ("region", "/en/regions/gera/", 200),
    ("calendar", "/en/events/", 200),
    ("calendar filtered", "/en/events/?kategorie=fachtag", 200),
    ("calendar no match", "/en/events/?kategorie=werkstatt", 200),
    ("event", "/en/events/conference-prevention-chains-thuringia-2027/", 200),
    ("news list", "/en/news/", 200),
    ("news item", "/en/news/health-kiosks-examples/", 200),
    ("criteria list", "/en/good-practice-criteria/", 200),
    ("criterion", "/en/good-practice-criteria/integrated-action/", 200),
    ("standard page", "/en/our-vision/", 200),
    ("accessibility statement", "/en/accessibility/?adresse=%2Fen%2Fregions%2F", 200),
    ("statement form errors", "POST /en/accessibility/", 200),
    ("statement confirmation", "/en/accessibility/thank-you/", 200),
    ("search", "/en/search/", 200),
    ("search results", "/en/search/?q=kiosks", 200),
    ("search no results", "/en/search/?q=Zyxwvutsrq", 200),
    ("keyword", "/en/keyword/gesundheitskiosk/", 200),
    ("practice list", "/en/practice-database/", 200),
    ("practice list filtered", "/en/practice-database/?handlungsfeld=physical-activity", 200),
    ("practice example", "/en/practice-database/family-guides-gera/", 200),
    ("practice submission", "/en/practice-database/submit/", 200),
    ("404", "/en/does-not-exist/", 404),
]
PAGES = [("de", *entry) for entry in PAGES_DE] + [("en", *entry) for entry in PAGES_EN]
LEGAL_SLUGS = {
    "de": ["impressum", "datenschutz", "barrierefreiheit"],
    "en": ["legal-notice", "privacy", "accessibility"],
}


@pytest.mark.parametrize(
    ("language", "kind", "url", "status"),
    PAGES,
    ids=[f"{language}-{kind.replace(' ', '_')}" for language, kind, _, _ in PAGES],
)
def test_page_is_accessible(page, language, kind, url, status):
    if kind == "sign language" and not FFMPEG_PRESENT and not os.environ.get("CI"):
        pytest.skip("ffmpeg missing: the demo has no page in Gebärdensprache")
    page.set_viewport_size({"width": 1280, "height": 900})
    if url.startswith("POST "):
        # A form sent empty: the page with its error summary (the barrier report).
        url = url.removeprefix("POST ")
        page.goto(url)
        with page.expect_navigation() as sent:
            page.locator("main form[method=post] button[type=submit]").click()
        response = sent.value
        assert page.locator("#fehler").count() == 1, "no error summary"
    else:
        response = page.goto(url)
    assert response.status == status, url

    violations = run_axe(page)
    assert not violations, f"axe, {url} at 1280 px:\n{describe_violations(violations)}"

    assert page.locator("html").get_attribute("lang") == language
    if kind == "calendar filtered":
        assert page.locator(".result-count").count() == 1, "the filter was not applied"
        assert page.locator(".card__title").count() >= 1
    if kind == "calendar invalid filter":
        assert page.locator("#filter-errors").count() == 1

    problems = heading_order_problems(heading_levels(page))
    assert not problems, f"headings of {url}: {problems}"

    # The skip link is the first thing a keyboard reaches and leads to <main>.
    first = page.locator("body a, body button, body input, body select").first
    assert first.get_attribute("class") == "skip-link"
    assert first.get_attribute("href") == "#main"
    assert page.locator("main#main").count() == 1

    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('input, select, textarea')]
            .filter(el => el.type !== 'hidden')
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                          && !el.getAttribute('aria-labelledby'))
            .map(el => el.outerHTML)"""
    )
    assert not unlabelled, f"form controls without a label on {url}: {unlabelled}"

    switcher = page.locator("nav.language-switcher a")
    assert switcher.count() >= 1, "no language switcher"
    for link in switcher.all():
        other = link.get_attribute("hreflang")
        assert other in ("de", "en") and other != language
        assert link.get_attribute("lang") == other

    # The legal pages in the page's language (translated in the demo), not marked
    # as another language.
    footer_links = page.locator("footer a")
    hrefs = footer_links.evaluate_all("links => links.map(a => a.pathname)")
    assert hrefs == [f"/{language}/{slug}/" for slug in LEGAL_SLUGS[language]], hrefs
    assert footer_links.evaluate_all("a => a.map(x => x.lang)") == [""] * 3

    page.set_viewport_size({"width": 320, "height": 640})
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= 320, f"{url} scrolls sideways at 320 px: {overflow}"
    violations = run_axe(page)
    assert not violations, f"axe, {url} at 320 px:\n{describe_violations(violations)}"

    # The phone menu open (tests/browser/test_phone_menu.py has the rest).
    toggle = page.locator("button[aria-controls=site-menu]")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= 320, f"{url}, menu open, scrolls at 320 px: {overflow}"
    violations = run_axe(page)
    assert not violations, f"axe, {url}, menu open, 320 px:\n{describe_violations(violations)}"
