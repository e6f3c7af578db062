"""The calendar and feed.ics stay bounded: as many SQL queries and about as many
bytes with 300 events as with 20 (issue #11: 200 more events made the calendar
grow from 16 KB to 121 KB and feed.ics from 8.5 KB to 107 KB)."""

from datetime import timedelta

from icalendar import Calendar

from django.test import TestCase
from django.utils import timezone

from events.models import EVENTS_PER_PAGE, FEED_DAYS_AHEAD, FEED_DAYS_BACK
from tests.factories import build_tree
from tests.factories.bulk import add_live_pages, event
from tests.helpers import count_queries, page_text

URL = "/de/veranstaltungen/"
FEED = URL + "feed.ics"


def summaries(response) -> list[str]:
    return [str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]


class CalendarBoundTests(TestCase):
    """5 upcoming events and a growing archive of past ones (what grows in practice)."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.now = timezone.now().replace(microsecond=0)

    def add_upcoming(self, first: int, count: int) -> None:
        add_live_pages(
            self.tree.events,
            lambda i: event(i, self.now + timedelta(days=2 + i % 1000), tags=["Kinder"]),
            count,
            first,
        )

    def add_past(self, first: int, count: int) -> None:
        # One every other day backwards: 300 of them reach about 20 months back.
        add_live_pages(
            self.tree.events,
            lambda i: event(i, self.now - timedelta(days=2 * i), tags=["Kinder"]),
            count,
            first,
        )

    def test_calendar_queries_and_size_do_not_grow_with_the_archive(self):
        self.add_upcoming(1000, 5)
        self.add_past(1, 15)
        few, response = count_queries(self.client, URL)
        few_size = len(response.content)
        self.assertEqual(len(response.context["events_page"]), EVENTS_PER_PAGE)
        self.add_past(16, 280)  # 300 events in all
        many, response = count_queries(self.client, URL)
        many_size = len(response.content)
        self.assertEqual(response.context["events_page"].paginator.count, 300)
        self.assertEqual(len(response.context["events_page"]), EVENTS_PER_PAGE)
        self.assertEqual(few, many, f"calendar: {few} queries with 20 events, {many} with 300")
        # The same 20 cards; only the page navigation and the year choices grow.
        self.assertLess(many_size, few_size + 3_000, (few_size, many_size))
        text = page_text(response)
        self.assertIn("Werkstatt Nummer 15", text)
        self.assertNotIn("Werkstatt Nummer 16", text)
        print(f"calendar: {few} queries, {few_size} → {many_size} bytes for 20 → 300 events")  # noqa: T201

    def test_calendar_size_does_not_grow_with_upcoming_events(self):
        self.add_upcoming(1000, 20)
        few, response = count_queries(self.client, URL)
        few_size = len(response.content)
        self.add_upcoming(1020, 280)
        many, response = count_queries(self.client, URL)
        self.assertEqual(few, many)
        self.assertLess(len(response.content), few_size + 3_000)
        self.assertEqual(len(response.context["upcoming_events"]), EVENTS_PER_PAGE)

    def test_later_pages_continue_where_the_previous_ended(self):
        self.add_upcoming(1000, 5)
        self.add_past(1, 295)  # 300 events in all
        seen: list[str] = []
        for number in (1, 2, 15):
            response = self.client.get(URL, {"seite": number})
            self.assertEqual(response.status_code, 200)
            page = response.context["events_page"]
            self.assertEqual(page.number, number)
            seen += [e.title for e in page_items(response)]
        html = response.content.decode()
        self.assertIn(
            '<nav class="pagination" aria-label="Seiten des Veranstaltungskalenders">', html
        )
        self.assertIn('href="?seite=15" aria-current="page"', html)
        self.assertIn('rel="prev"', html)
        # Page 2 starts with the 16th past event (page 1: 5 upcoming + 15 past).
        self.assertEqual(seen[20], "Werkstatt Nummer 16")
        self.assertEqual(seen[-1], "Werkstatt Nummer 295")  # the oldest, last page
        self.assertEqual(len(seen), len(set(seen)))

    def test_bad_page_numbers_answer_with_a_page(self):
        self.add_past(1, 45)
        for seite in ("abc", "0", "-1", "3.5", "99999999999999999999", "", "\u00bd"):
            with self.subTest(seite=seite):
                response = self.client.get(URL, {"seite": seite, "kategorie": "werkstatt"})
                self.assertEqual(response.status_code, 200)
                self.assertIn(response.context["events_page"].number, (1, 3))

    def test_feed_is_bounded_in_time(self):
        self.add_upcoming(1000, 5)
        self.add_past(1, 15)  # up to 30 days ago: in the window
        few, response = count_queries(self.client, FEED)
        few_size = len(response.content)
        self.assertEqual(len(summaries(response)), 20)
        # 280 older events (beyond FEED_DAYS_BACK) and some too far ahead.
        add_live_pages(
            self.tree.events,
            lambda i: event(i, self.now - timedelta(days=FEED_DAYS_BACK + 1 + i)),
            280,
            2000,
        )
        add_live_pages(
            self.tree.events,
            lambda i: event(i, self.now + timedelta(days=FEED_DAYS_AHEAD + 1 + i)),
            3,
            3000,
        )
        many, response = count_queries(self.client, FEED)
        self.assertEqual(few, many, f"feed.ics: {few} queries with 20 events, {many} with 303")
        self.assertEqual(len(response.content), few_size)
        self.assertEqual(len(summaries(response)), 20)
        print(f"feed.ics: {few} queries, {few_size} bytes for 20 and for 303 events")  # noqa: T201

    def test_feed_window_edges(self):
        inside_past = self.now - timedelta(days=FEED_DAYS_BACK - 1)
        outside_past = self.now - timedelta(days=FEED_DAYS_BACK + 1)
        inside_future = self.now + timedelta(days=FEED_DAYS_AHEAD - 1)
        outside_future = self.now + timedelta(days=FEED_DAYS_AHEAD + 1)
        starts = [inside_past, outside_past, inside_future, outside_future]
        add_live_pages(self.tree.events, lambda i: event(i, starts[i]), 4)
        self.assertEqual(
            sorted(summaries(self.client.get(FEED))),
            ["Werkstatt Nummer 0", "Werkstatt Nummer 2"],
        )


def page_items(response) -> list:
    return response.context["upcoming_events"] + response.context["past_events"]
