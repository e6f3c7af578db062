"""The phone menu (site/templates/base.html, site/static/js/menu.js, site.css
"Phone menu"): below 48em the language switch, the search field and the main
navigation sit behind one disclosure button.

At 375 × 667 CSS px (a small phone) on the demo site: the menu opens and closes
with a tap and with the keyboard (Enter, Space, Escape back to the button), its
state is in aria-expanded; without JavaScript everything is simply shown; the
page's h1 starts in the upper half of the first screen; axe-core finds nothing
with the menu closed or open, on the German main pages and on every live public
page of the English tree (read from the database when the test runs, so pages
added to the English demo later are checked too).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from django.urls import reverse
from django.utils import translation

from wagtail.models import Page as WagtailPage

from tests.browser.support import (
    describe_violations,
    focus_indicator,
    focus_is_visible,
    horizontal_overflow,
    run_axe,
)

PHONE = {"width": 375, "height": 667}
TOGGLE = "button[aria-controls=site-menu]"

# German main pages, one of each kind (the English ones come from the database).
MAIN_PAGES_DE = [
    "/de/",
    "/de/regionen/",
    "/de/regionen/gera/",
    "/de/veranstaltungen/",
    "/de/veranstaltungen/fachtag-praeventionsketten-thueringen-2027/",
    "/de/aktuelles/",
    "/de/aktuelles/gesundheitskioske-beispielhafte-einrichtungen/",
    "/de/good-practice-kriterien/",
    "/de/good-practice-kriterien/integriertes-handeln/",
    "/de/unsere-vision/",
    "/de/suche/",
    "/de/suche/?q=Pr%C3%A4ventionsketten",
    "/de/schlagwort/praeventionsketten/",
]
# Where the issue asks for the heading near the top (home, calendar, a region, an
# event, a news item, the search page), in both languages.
HEADING_PAGES = [
    "/de/",
    "/de/veranstaltungen/",
    "/de/regionen/gera/",
    "/de/veranstaltungen/fachtag-praeventionsketten-thueringen-2027/",
    "/de/aktuelles/gesundheitskioske-beispielhafte-einrichtungen/",
    "/de/suche/",
    "/en/",
    "/en/events/",
    "/en/regions/gera/",
    "/en/events/conference-prevention-chains-thuringia-2027/",
    "/en/news/health-kiosks-examples/",
    "search-en",  # the English search page, wherever its URL is
]


@pytest.fixture
def phone(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    """A small touch phone: 375 × 667 CSS px."""
    context = browser.new_context(
        base_url=base_url, viewport=PHONE, has_touch=True, is_mobile=True, locale="de-DE"
    )
    yield context
    context.close()


@pytest.fixture
def phone_without_js(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    context = browser.new_context(
        base_url=base_url, viewport=PHONE, java_script_enabled=False, locale="de-DE"
    )
    yield context
    context.close()


def english_search_url() -> str:
    with translation.override("en"):
        return reverse("search")


def live_english_urls(django_db_blocker) -> list[str]:
    """Every live page of the English tree that anonymous visitors may see, plus the
    English search page (a view, not a page)."""
    with django_db_blocker.unblock():
        pages = (
            WagtailPage.objects.live().public().filter(locale__language_code="en").order_by("path")
        )
        urls = [page.url for page in pages]
    return [url for url in urls if url] + [english_search_url()]


def menu_links(page: Page) -> Locator:
    return page.locator("#site-menu a")


def heading_top(page: Page) -> float:
    box = page.locator("h1").first.bounding_box()
    assert box is not None, f"no visible h1 on {page.url}"
    return box["y"]


def focused_inside_menu(page: Page) -> bool:
    return page.evaluate("document.getElementById('site-menu').contains(document.activeElement)")


# -- pointer --------------------------------------------------------------------


def test_tap_opens_the_menu_and_a_link_navigates(phone: BrowserContext):
    page = phone.new_page()
    page.goto("/de/")
    toggle = page.get_by_role("button", name="Menü")
    nav = page.get_by_role("navigation", name="Hauptnavigation")

    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    expect(page.get_by_role("search")).to_be_hidden()
    box = toggle.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, f"touch target too small: {box}"

    toggle.tap()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    expect(page.get_by_role("navigation", name="Sprachauswahl")).to_be_visible()
    expect(page.get_by_role("search").get_by_label("Suche", exact=True)).to_be_visible()

    toggle.tap()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()

    toggle.tap()
    nav.get_by_role("link", name="Veranstaltungen").tap()
    expect(page).to_have_url(re.compile(r"/de/veranstaltungen/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Veranstaltungen")
    # A new page starts with the menu closed.
    expect(page.get_by_role("button", name="Menü")).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()


def test_wide_screens_show_everything_without_a_button(browser: Browser, base_url: str):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto("/de/")
    expect(page.locator(TOGGLE)).to_be_hidden()
    expect(page.get_by_role("navigation", name="Hauptnavigation")).to_be_visible()
    expect(page.get_by_role("search")).to_be_visible()
    context.close()


# -- keyboard -------------------------------------------------------------------


def test_keyboard_opens_walks_and_closes_the_menu(phone: BrowserContext):
    page = phone.new_page()
    page.goto("/de/")
    toggle = page.get_by_role("button", name="Menü")

    # Skip link first, then Leichte Sprache and Gebärdensprache (outside the menu,
    # always in sight: BITV 2.0), the site name, then the button.
    page.keyboard.press("Tab")
    assert focus_indicator(page)["text"] == "Zum Inhalt springen"
    page.keyboard.press("Tab")
    assert focus_indicator(page)["text"] == "Leichte Sprache"
    page.keyboard.press("Tab")
    assert focus_indicator(page)["text"] == "Gebärdensprache"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(toggle).to_be_focused()
    assert focus_is_visible(focus_indicator(page))

    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("navigation", name="Hauptnavigation")).to_be_visible()

    # Tab goes from the button into the menu, stop by stop, to the first nav link.
    first_nav_link = page.locator(".main-nav a").first
    for _ in range(10):
        page.keyboard.press("Tab")
        assert focused_inside_menu(page), f"Tab left the menu: {focus_indicator(page)}"
        assert focus_is_visible(focus_indicator(page))
        if first_nav_link.evaluate("a => a === document.activeElement"):
            break
    else:
        raise AssertionError("the first link of the main navigation was not reached")

    # Escape closes and puts focus back on the button.
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(first_nav_link).to_be_hidden()
    expect(toggle).to_be_focused()

    # Space opens, Escape on the button closes, Enter reopens and closes.
    page.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("navigation", name="Hauptnavigation")).to_be_hidden()

    # A closed menu is not in the Tab order: the next stop is in the content.
    page.keyboard.press("Tab")
    assert not focused_inside_menu(page)


def test_escape_in_a_filled_search_field_clears_it_first(phone: BrowserContext):
    page = phone.new_page()
    page.goto("/de/")
    toggle = page.locator(TOGGLE)
    toggle.click()
    field = page.get_by_role("search").get_by_label("Suche", exact=True)
    field.fill("Kiosk")
    field.press("Escape")
    expect(field).to_have_value("")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    field.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()


# -- without JavaScript ---------------------------------------------------------


def test_without_javascript_the_menu_is_simply_shown(phone_without_js: BrowserContext):
    page = phone_without_js.new_page()
    page.goto("/de/")

    # No button that would do nothing; navigation, language switch and search shown.
    expect(page.locator(TOGGLE)).to_be_hidden()
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    expect(nav).to_be_visible()
    expect(page.get_by_role("navigation", name="Sprachauswahl")).to_be_visible()
    expect(page.get_by_role("search").get_by_label("Suche", exact=True)).to_be_visible()

    # The keyboard goes from the site name straight into the menu (after the skip
    # link and the links to Leichte Sprache and Gebärdensprache).
    for _ in range(5):
        page.keyboard.press("Tab")
    assert focused_inside_menu(page), focus_indicator(page)

    nav.get_by_role("link", name="Aktuelles").click()
    expect(page).to_have_url(re.compile(r"/de/aktuelles/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Aktuelles")

    # The header search works as a plain form.
    page.get_by_role("search").get_by_label("Suche", exact=True).fill("Kiosk")
    page.get_by_role("search").get_by_role("button", name="Suchen").click()
    expect(page).to_have_url(re.compile(r"/de/suche/\?q=Kiosk"))


# -- layout and accessibility at phone width --------------------------------------


@pytest.mark.parametrize("url", HEADING_PAGES)
def test_heading_is_in_the_upper_half_of_the_first_screen(phone: BrowserContext, url: str):
    page = phone.new_page()
    if url == "search-en":
        url = english_search_url()
    response = page.goto(url)
    assert response.status == 200, url
    top = heading_top(page)
    assert top < PHONE["height"] / 2, f"h1 of {url} starts at {top:.0f} px of {PHONE['height']}"
    # The skip link is still the first stop.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"


def check_at_phone_width(page: Page, url: str) -> list[str]:
    """Problems of one page at 375 px, menu closed and open (empty: none)."""
    problems = []
    response = page.goto(url)
    if response.status != 200:
        return [f"{url}: status {response.status}"]
    if (top := heading_top(page)) >= PHONE["height"] / 2:
        problems.append(f"{url}: h1 starts at {top:.0f} px")
    toggle = page.locator(TOGGLE)
    for state in ("closed", "open"):
        if state == "open":
            toggle.click()
            if toggle.get_attribute("aria-expanded") != "true":
                problems.append(f"{url}: the menu did not open")
        if violations := run_axe(page):
            problems.append(f"{url}, menu {state}:\n{describe_violations(violations)}")
        overflow = horizontal_overflow(page)
        if overflow["scrollWidth"] > PHONE["width"]:
            problems.append(f"{url}, menu {state}: scrolls sideways: {overflow}")
    return problems


def test_german_main_pages_pass_axe_at_phone_width(phone: BrowserContext):
    page = phone.new_page()
    problems = [problem for url in MAIN_PAGES_DE for problem in check_at_phone_width(page, url)]
    assert not problems, "\n".join(problems)


def test_every_live_english_page_passes_axe_at_phone_width(
    phone: BrowserContext, django_db_blocker
):
    urls = live_english_urls(django_db_blocker)
    assert "/en/" in urls and len(urls) > 5, urls
    page = phone.new_page()
    problems = [problem for url in urls for problem in check_at_phone_width(page, url)]
    assert not problems, "\n".join(problems)
