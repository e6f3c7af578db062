"""iCalendar: the calendar feed (same filters as the page) and one event's ics."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from django.contrib.auth.models import Group
from django.test import TestCase
from django.utils import timezone

from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    build_tree,
    category,
    restrict_to_group,
    translate,
)

BERLIN = ZoneInfo("Europe/Berlin")
FEED = "/de/veranstaltungen/feed.ics"


def next_date(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """The next such wall-clock time in Berlin (within a year: inside feed.ics's window)."""
    today = timezone.localdate()
    year = today.year if (month, day) > (today.month, today.day) else today.year + 1
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def parse(response) -> Calendar:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/calendar"), response["Content-Type"]
    return Calendar.from_ical(response.content)


def summaries(calendar: Calendar) -> set[str]:
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


class CalendarFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        events = cls.tree.events
        # Summer time (UTC+2) and winter time (UTC+1), both within feed.ics's window.
        summer = next_date(6, 12, 10)
        cls.summer = EventPageFactory(
            parent=events,
            title="Regionalwerkstatt Erfurt",
            start=summer,
            end=summer.replace(hour=16, minute=30),
            venue="Rathaus Erfurt",
            place="Erfurt",
            category=category("werkstatt"),
        )
        cls.winter = EventPageFactory(
            parent=events,
            title="Fachtag Hannover",
            start=next_date(1, 20, 9, 30),
            end=next_date(1, 20, 17),
            place="Hannover",
            category=category("fachtag"),
        )
        # Ended a month ago: still in the feed (FEED_DAYS_BACK); a 2022 one is not.
        last_month = (timezone.now() - timedelta(days=30)).replace(microsecond=0)
        cls.past = EventPageFactory(
            parent=events,
            title="Werkstatt Gera",
            start=last_month,
            end=last_month + timedelta(hours=6),
            category=category("werkstatt"),
        )
        EventPageFactory(
            parent=events,
            title="Werkstatt Gera 2022",
            start=datetime(2022, 11, 8, 9, 0, tzinfo=BERLIN),
            end=datetime(2022, 11, 8, 15, 0, tzinfo=BERLIN),
            category=category("werkstatt"),
        )
        EventPageFactory(parent=events, title="Entwurf Werkstatt", live=False)
        unpublished = EventPageFactory(parent=events, title="Abgesagte Werkstatt")
        unpublished.unpublish()
        private = EventPageFactory(parent=events, title="Interne Klausur")
        restrict_to_group(private, Group.objects.create(name="Netzwerk"))
        # The English calendar's events are not in the German feed.
        events_en = translate(events, "en")
        EventPageFactory(parent=events_en, title="English-only workshop")

    def test_feed_contains_exactly_the_published_public_events(self):
        calendar = parse(self.client.get(FEED))
        self.assertEqual(
            summaries(calendar),
            {"Regionalwerkstatt Erfurt", "Fachtag Hannover", "Werkstatt Gera"},
        )

    def test_feed_honours_the_calendar_filters(self):
        calendar = parse(self.client.get(FEED + "?kategorie=werkstatt"))
        self.assertEqual(summaries(calendar), {"Regionalwerkstatt Erfurt", "Werkstatt Gera"})
        calendar = parse(
            self.client.get(FEED + f"?kategorie=werkstatt&jahr={self.summer.start.year}")
        )
        same_year = self.past.start.year == self.summer.start.year  # e.g. in March
        expected = {"Regionalwerkstatt Erfurt"} | ({"Werkstatt Gera"} if same_year else set())
        self.assertEqual(summaries(calendar), expected)

    def test_feed_with_an_invalid_filter_is_an_empty_calendar(self):
        for query in ("?kategorie=party", "?jahr=abc", "?jahr=99999"):
            self.assertEqual(summaries(parse(self.client.get(FEED + query))), set(), query)

    def test_start_and_end_are_the_berlin_wall_clock_times(self):
        events = {str(e["SUMMARY"]): e for e in parse(self.client.get(FEED)).walk("VEVENT")}
        for page in (self.summer, self.winter):
            with self.subTest(event=page.title):
                event = events[page.title]
                start = event.decoded("DTSTART")
                end = event.decoded("DTEND")
                self.assertIsNotNone(start.tzinfo, "DTSTART must not be a floating time")
                self.assertEqual(start, page.start)
                self.assertEqual(end, page.end)
                local = start.astimezone(BERLIN)
                self.assertEqual(
                    (local.hour, local.minute),
                    (page.start.astimezone(BERLIN).hour, page.start.astimezone(BERLIN).minute),
                )
        self.assertEqual(
            events["Regionalwerkstatt Erfurt"]
            .decoded("DTSTART")
            .astimezone(BERLIN)
            .strftime("%H:%M"),
            "10:00",
        )
        self.assertEqual(
            events["Fachtag Hannover"].decoded("DTSTART").astimezone(BERLIN).strftime("%H:%M"),
            "09:30",
        )

    def test_events_carry_location_url_and_category(self):
        events = {str(e["SUMMARY"]): e for e in parse(self.client.get(FEED)).walk("VEVENT")}
        erfurt = events["Regionalwerkstatt Erfurt"]
        self.assertIn("Rathaus Erfurt", str(erfurt["LOCATION"]))
        self.assertTrue(str(erfurt["URL"]).endswith(self.summer.url), erfurt["URL"])
        self.assertIn("Werkstatt", erfurt.categories)
        uids = [str(e["UID"]) for e in events.values()]
        self.assertEqual(len(uids), len(set(uids)), "UIDs must be unique")

    def test_one_events_ics(self):
        response = self.client.get(self.summer.url + "ics/")
        calendar = parse(response)
        (event,) = calendar.walk("VEVENT")
        self.assertEqual(str(event["SUMMARY"]), "Regionalwerkstatt Erfurt")
        self.assertEqual(event.decoded("DTSTART"), self.summer.start)
        self.assertIn("filename=", response["Content-Disposition"])

    def test_ics_of_a_private_event_is_not_public(self):
        response = self.client.get("/de/veranstaltungen/interne-klausur/ics/")
        self.assertEqual(response.status_code, 302)


class EmptyCalendarFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree()

    def test_feed_without_events_is_a_valid_calendar(self):
        calendar = parse(self.client.get(FEED))
        self.assertEqual(summaries(calendar), set())
        self.assertEqual(str(calendar["VERSION"]), "2.0")


def test_feed_url_of_the_english_calendar(site_tree, client):
    home_en = site_tree.translate_home()
    events_en = EventIndexPageFactory(parent=home_en, title="Events", slug="events")
    start = next_date(4, 2, 10)
    EventPageFactory(
        parent=events_en,
        title="Learning workshop Weimar",
        start=start,
        end=start + timedelta(hours=2, minutes=30),
        category=category("werkstatt", "en"),
    )
    calendar = parse(client.get("/en/events/feed.ics"))
    assert summaries(calendar) == {"Learning workshop Weimar"}
