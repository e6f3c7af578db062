"""The reader's journey through the real UI (PRODUCT.md): home → calendar → filter
by Bundesland and category → event → iCalendar → a PDF material → search for a
word that only that PDF contains. Once with the mouse, once with the keyboard
alone (Tab, Enter, Space, letters to choose in a select), where every element
that receives focus must show it."""

import re
from urllib.parse import parse_qs, urlsplit

import icalendar
from playwright.sync_api import Download, Page, expect

from demo.data import DemoContent
from tests.browser.support import focus_indicator, focus_is_visible

DISTINCTIVE_WORDS = DemoContent().distinctive_words

EVENT_TITLE = "Austauschtreffen der Thüringer Modellregionen (Herbst 2024)"
MATERIAL_KEY = "dokumentation-austauschtreffen-2024-herbst"
MATERIAL_TITLE = "Dokumentation: Austauschtreffen der Thüringer Modellregionen, Herbst 2024"
PDF_WORD = DISTINCTIVE_WORDS[MATERIAL_KEY]  # "Resonanzrunde": only inside that PDF


def ical_events(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return list(calendar.walk("VEVENT"))


def assert_calendar_holds_the_event(data: bytes) -> None:
    events = ical_events(data)
    assert [str(e["SUMMARY"]) for e in events].count(EVENT_TITLE) == 1, [
        str(e["SUMMARY"]) for e in events
    ]
    event = next(e for e in events if str(e["SUMMARY"]) == EVENT_TITLE)
    start = event.decoded("DTSTART")
    assert (start.year, start.month, start.day, start.hour) == (2024, 11, 6, 10)


def assert_opened_the_pdf(page: Page, navigation) -> None:
    """The browser navigated to a PDF (Chromium shows it in its viewer, whose HTML
    then stands in for the body of the navigation response, so the file itself is
    fetched once more for its bytes)."""
    assert navigation.ok, navigation.status
    assert navigation.headers["content-type"].startswith("application/pdf")
    assert navigation.url.endswith(".pdf")
    response = page.request.get(navigation.url)
    assert response.headers["content-type"].startswith("application/pdf")
    assert response.body().startswith(b"%PDF-")


# -- with the mouse -----------------------------------------------------------


def open_filtered_calendar_with_mouse(page: Page) -> None:
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/de/$"))
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Veranstaltungen"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Veranstaltungen")

    page.get_by_label("Bundesland").select_option(label="Thüringen")
    page.get_by_label("Kategorie").select_option(label="Austauschtreffen")
    page.get_by_role("button", name="Filter anwenden").click()

    query = parse_qs(urlsplit(page.url).query)
    assert query["bundesland"] == ["thueringen"]
    assert query["kategorie"] == ["austauschtreffen"]
    expect(page.locator(".result-count")).to_contain_text("Veranstaltungen entsprechen")
    titles = page.locator("main .card__title").all_inner_texts()
    assert EVENT_TITLE in titles
    # Only Thuringian exchange meetings are left.
    assert all("Austauschtreffen" in title for title in titles), titles


def test_reader_journey_with_the_mouse(page: Page):
    open_filtered_calendar_with_mouse(page)

    # The selection as a calendar subscription: the same filter, bounded in time
    # (events.models.FEED_DAYS_BACK), so the 2024 meeting is no longer in it.
    feed_link = page.get_by_role("link", name=re.compile("Diese Auswahl als Kalender abonnieren"))
    feed_query = parse_qs(urlsplit(feed_link.get_attribute("href")).query)
    assert feed_query["bundesland"] == ["thueringen"]
    assert feed_query["kategorie"] == ["austauschtreffen"]
    feed = page.request.get(feed_link.get_attribute("href"))
    assert feed.headers["content-type"].startswith("text/calendar")
    subscribed = [str(event["SUMMARY"]) for event in ical_events(feed.body())]
    assert EVENT_TITLE not in subscribed
    assert all("Austauschtreffen" in title for title in subscribed), subscribed

    page.get_by_role("link", name=EVENT_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EVENT_TITLE)

    # The event's own iCalendar file, downloaded as a browser does.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="In Kalender übernehmen (iCalendar)").click()
    download: Download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as ics:
        assert_calendar_holds_the_event(ics.read())

    materials = page.get_by_role("region", name="Materialien")
    material = materials.get_by_role("link", name=re.compile(re.escape(MATERIAL_TITLE)))
    with page.expect_response(lambda r: r.request.is_navigation_request()) as opened:
        material.click()
    assert_opened_the_pdf(page, opened.value)


def test_search_finds_the_pdf_by_a_word_only_inside_it(page: Page):
    page.goto("/de/veranstaltungen/austauschtreffen-modellregionen-herbst-2024/")
    header_search = page.get_by_role("banner").get_by_role("search")
    header_search.get_by_label("Suche", exact=True).fill(PDF_WORD)
    header_search.get_by_role("button", name="Suchen", exact=True).click()
    expect(page).to_have_url(re.compile(r"/de/suche/\?q=" + PDF_WORD))
    result = page.locator("main").get_by_role("link", name=re.compile(re.escape(MATERIAL_TITLE)))
    expect(result.first).to_be_visible()
    with page.expect_response(lambda r: r.request.is_navigation_request()) as opened:
        result.first.click()
    assert_opened_the_pdf(page, opened.value)


# -- with the keyboard alone ----------------------------------------------------


def tab_to(page: Page, matches, *, limit: int = 80, backwards: bool = False) -> dict:
    """Press Tab until the focused element ``matches``; every element passed on the
    way must show its focus. Returns the indicator of the element reached."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        indicator = focus_indicator(page)
        seen.append(indicator)
        if indicator["tag"] != "body":
            assert focus_is_visible(indicator), f"focus not visible: {indicator}"
        if matches(indicator):
            return indicator
    raise AssertionError(f"not reached with Tab; focus went through {seen}")


def focused_text(text: str):
    return lambda indicator: indicator.get("text") == text


def test_reader_journey_with_the_keyboard(page: Page):
    page.goto("/de/")

    # Skip link: first Tab stop, visible, Enter moves focus to the main content.
    page.keyboard.press("Tab")
    skip = focus_indicator(page)
    assert skip["text"] == "Zum Inhalt springen" and focus_is_visible(skip)
    box = page.locator(".skip-link").bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 10, f"skip link off screen: {box}"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # From main, the next Tab continues inside the content, not at the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")

    # Back to the main navigation, open the calendar.
    tab_to(page, focused_text("Veranstaltungen"), backwards=True)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Veranstaltungen")

    # Choose Bundesland and category by typing, as in a closed select.
    # (ASCII letters: "ü" would not be typed as a key press but inserted as text.)
    tab_to(page, lambda f: f["tag"] == "select")
    page.keyboard.type("Th")
    expect(page.get_by_label("Bundesland")).to_have_value("thueringen")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Kategorie")).to_be_focused()
    page.keyboard.type("Austausch")
    expect(page.get_by_label("Kategorie")).to_have_value("austauschtreffen")
    tab_to(page, focused_text("Filter anwenden"))
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"bundesland=thueringen"))
    assert parse_qs(urlsplit(page.url).query)["kategorie"] == ["austauschtreffen"]

    tab_to(page, focused_text(EVENT_TITLE))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(EVENT_TITLE)

    tab_to(page, focused_text("In Kalender übernehmen (iCalendar)"))
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    with open(download_info.value.path(), "rb") as ics:
        assert_calendar_holds_the_event(ics.read())

    event_url = page.url
    tab_to(page, lambda f: (f.get("text") or "").startswith(MATERIAL_TITLE))
    with page.expect_response(lambda r: r.request.is_navigation_request()) as opened:
        page.keyboard.press("Enter")
    assert_opened_the_pdf(page, opened.value)
    # Back to the event in a new tab: the browser's own key (Alt+Left) does not reach
    # a headless page, and Chromium's PDF viewer keeps this tab busy (go_back finds no
    # history; a goto can be interrupted by the viewer's own navigation to the PDF).
    page = page.context.new_page()
    page.bring_to_front()
    page.goto(event_url)

    # Up to the search field in the header, search for the PDF's word.
    tab_to(page, lambda f: f["tag"] == "input", backwards=True)
    page.keyboard.type(PDF_WORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/de/suche/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Suche")


def test_keyboard_search_reaches_the_pdf(page: Page):
    page.goto("/de/")
    tab_to(page, lambda f: f["tag"] == "input")
    page.keyboard.type(PDF_WORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/de/suche/"))
    tab_to(page, lambda f: (f.get("text") or "").startswith(MATERIAL_TITLE), limit=60)
    with page.expect_response(lambda r: r.request.is_navigation_request()) as opened:
        page.keyboard.press("Enter")
    assert_opened_the_pdf(page, opened.value)


def test_language_switcher_moves_between_the_two_versions(page: Page):
    page.goto("/de/veranstaltungen/fachtag-praeventionsketten-thueringen-2027/")
    alternates = page.locator("link[rel=alternate][hreflang]")
    assert sorted(alternates.evaluate_all("ls => ls.map(l => l.hreflang)")) == ["de", "en"]

    switcher = page.get_by_role("navigation", name="Sprachauswahl")
    switcher.get_by_role("link", name="English").click()
    expect(page).to_have_url(
        re.compile(r"/en/events/conference-prevention-chains-thuringia-2027/$")
    )
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Conference: prevention chains in Thuringian municipalities"
    )

    # (The switcher's label is in the page's language now; find it by its class.)
    page.locator("nav.language-switcher").get_by_role("link", name="Deutsch").click()
    expect(page).to_have_url(re.compile(r"/de/veranstaltungen/fachtag-praeventionsketten"))
    assert page.locator("html").get_attribute("lang") == "de"
