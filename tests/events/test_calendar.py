"""The calendar /de/veranstaltungen/: filters, upcoming/past split, pagination."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.test import TestCase
from django.utils import timezone

from events.models import EVENTS_PER_PAGE
from tests.factories import (
    EventPageFactory,
    build_tree,
    bundesland,
    category,
    restrict_to_group,
)
from tests.helpers import page_text

BERLIN = ZoneInfo("Europe/Berlin")
URL = "/de/veranstaltungen/"


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


class CalendarFilterTests(TestCase):
    """Four published events that differ in Land, category, keyword and year, plus
    a draft and a private event that never show."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        events = cls.tree.events

        def event(title, start, land, kind, tags, **kwargs):
            return EventPageFactory(
                parent=events,
                title=title,
                start=start,
                end=start + timedelta(hours=6),
                bundesland=bundesland(land),
                category=category(kind),
                tags=tags,
                **kwargs,
            )

        cls.erfurt = event(
            "Regionalwerkstatt Erfurt",
            berlin(2031, 6, 12, 10),
            "thueringen",
            "werkstatt",
            ["Kinder"],
        )
        cls.hannover = event(
            "Fachtag Hannover",
            berlin(2031, 9, 3, 9),
            "niedersachsen",
            "fachtag",
            ["Gesundheitsförderung"],
        )
        cls.jena = event(
            "Fachtag Jena",
            berlin(2032, 3, 5, 9),
            "thueringen",
            "fachtag",
            ["Kinder"],
        )
        cls.goettingen = event(
            "Werkstatt Göttingen",
            berlin(2023, 5, 10, 13),
            "niedersachsen",
            "werkstatt",
            ["Kinder", "Gesundheitsförderung"],
        )
        cls.draft = event(
            "Entwurf einer Werkstatt",
            berlin(2031, 6, 13, 10),
            "thueringen",
            "werkstatt",
            ["Kinder"],
            live=False,
        )
        cls.private = event(
            "Interne Klausur",
            berlin(2031, 6, 14, 10),
            "thueringen",
            "werkstatt",
            ["Kinder"],
        )
        restrict_to_group(cls.private, Group.objects.create(name="Netzwerk Erfurt"))
        cls.all_titles = [
            p.title
            for p in (cls.erfurt, cls.hannover, cls.jena, cls.goettingen, cls.draft, cls.private)
        ]

    def shown(self, query: str = "") -> set[str]:
        response = self.client.get(URL + query)
        self.assertEqual(response.status_code, 200, query)
        text = page_text(response)
        return {title for title in self.all_titles if title in text}

    def test_unfiltered_calendar_shows_all_published_public_events(self):
        self.assertEqual(
            self.shown(),
            {"Regionalwerkstatt Erfurt", "Fachtag Hannover", "Fachtag Jena", "Werkstatt Göttingen"},
        )

    def test_bundesland_narrows(self):
        self.assertEqual(
            self.shown("?bundesland=niedersachsen"), {"Fachtag Hannover", "Werkstatt Göttingen"}
        )

    def test_kategorie_narrows(self):
        self.assertEqual(
            self.shown("?kategorie=werkstatt"), {"Regionalwerkstatt Erfurt", "Werkstatt Göttingen"}
        )

    def test_schlagwort_narrows(self):
        self.assertEqual(
            self.shown("?schlagwort=gesundheitsfoerderung"),
            {"Fachtag Hannover", "Werkstatt Göttingen"},
        )

    def test_jahr_narrows(self):
        self.assertEqual(self.shown("?jahr=2032"), {"Fachtag Jena"})

    def test_filters_combine(self):
        self.assertEqual(
            self.shown("?bundesland=thueringen&kategorie=fachtag&schlagwort=kinder"),
            {"Fachtag Jena"},
        )
        self.assertEqual(
            self.shown("?bundesland=thueringen&kategorie=werkstatt&jahr=2031"),
            {"Regionalwerkstatt Erfurt"},
        )
        self.assertEqual(self.shown("?bundesland=niedersachsen&jahr=2032"), set())

    def test_empty_values_mean_no_filter(self):
        self.assertEqual(len(self.shown("?bundesland=&kategorie=&schlagwort=&jahr=")), 4)

    def test_filter_form_offers_the_vocabularies(self):
        response = self.client.get(URL)
        form = response.context["filter_form"]
        self.assertIn("niedersachsen", [b.slug for b in form.fields["bundesland"].queryset])
        self.assertEqual([c[0] for c in form.fields["jahr"].choices if c[0]], [2032, 2031, 2023])
        self.assertEqual(
            {t.slug for t in form.fields["schlagwort"].queryset},
            {"kinder", "gesundheitsfoerderung"},
        )

    def assert_rejected(self, query: str):
        response = self.client.get(URL + query)
        self.assertEqual(response.status_code, 200, query)
        form = response.context["filter_form"]
        self.assertTrue(form.errors, f"{query}: the form should report the invalid value")
        self.assertFalse(list(response.context["upcoming_events"]), query)
        self.assertFalse(list(response.context["past_events"]), query)
        text = page_text(response)
        for title in self.all_titles:
            self.assertNotIn(title, text, query)
        messages = [str(m) for errors in form.errors.values() for m in errors]
        self.assertTrue(
            any(message in text for message in messages),
            f"{query}: none of the form's messages {messages} is shown on the page",
        )

    def test_unknown_slugs_show_no_events_and_a_message(self):
        for query in ("?bundesland=atlantis", "?kategorie=party", "?schlagwort=gibt-es-nicht"):
            with self.subTest(query=query):
                self.assert_rejected(query)

    def test_bad_years_show_no_events_and_a_message(self):
        for query in ("?jahr=abc", "?jahr=99999", "?jahr=1999", "?jahr=-1"):
            with self.subTest(query=query):
                self.assert_rejected(query)

    def test_a_valid_filter_next_to_an_invalid_one_still_shows_nothing(self):
        self.assert_rejected("?kategorie=werkstatt&bundesland=atlantis")

    def test_null_bytes_and_long_values_are_rejected_not_a_crash(self):
        for query in ("?bundesland=%00", "?schlagwort=kinder%00", "?kategorie=" + "x" * 5000):
            with self.subTest(query=query[:30]):
                self.assert_rejected(query)

    def test_repeated_parameters_show_no_events_and_a_message(self):
        # ?kategorie=werkstatt&kategorie=fachtag is ambiguous: Django forms would
        # silently use the last value only.
        self.assert_rejected("?kategorie=werkstatt&kategorie=fachtag")
        self.assert_rejected("?jahr=2031&jahr=2032")


class UpcomingAndPastTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        now = timezone.now().replace(microsecond=0)
        cls.upcoming = [
            EventPageFactory(
                parent=cls.tree.events,
                title=f"Kommende Werkstatt {i:02d}",
                start=now + timedelta(days=10 * i),
                end=now + timedelta(days=10 * i, hours=4),
            )
            for i in range(1, 4)
        ]
        # Began yesterday, ends tomorrow: still upcoming (running).
        cls.running = EventPageFactory(
            parent=cls.tree.events,
            title="Laufende Fortbildungsreihe",
            start=now - timedelta(days=1),
            end=now + timedelta(days=1),
        )
        cls.past = [
            EventPageFactory(
                parent=cls.tree.events,
                title=f"Vergangener Fachtag {i:02d}",
                start=now - timedelta(days=7 * i),
                end=now - timedelta(days=7 * i) + timedelta(hours=5),
            )
            for i in range(1, 26)  # 25 past events
        ]

    def test_upcoming_events_come_first_in_date_order(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        upcoming = [e.title for e in response.context["upcoming_events"]]
        self.assertEqual(
            upcoming,
            ["Laufende Fortbildungsreihe"] + [e.title for e in self.upcoming],
        )
        text = page_text(response)
        for title in upcoming:
            self.assertIn(title, text)

    def test_one_list_of_upcoming_then_past_events_paginated(self):
        # 4 upcoming (running included) and 25 past events: page 1 holds the 4
        # upcoming and the 16 newest past ones, page 2 the 9 oldest.
        response = self.client.get(URL)
        self.assertEqual(len(response.context["upcoming_events"]), 4)
        past = [e.title for e in response.context["past_events"]]
        self.assertEqual(past, [e.title for e in self.past[: EVENTS_PER_PAGE - 4]])
        text = page_text(response)
        self.assertIn(self.past[0].title, text)
        self.assertNotIn(self.past[-1].title, text)
        self.assertIn("?seite=2", " ".join(self._links(response)))

    def _links(self, response):
        from tests.helpers import page_links

        return page_links(response)

    def test_second_page_holds_the_older_past_events(self):
        response = self.client.get(URL + "?seite=2")
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn(self.past[-1].title, text)
        self.assertNotIn(self.past[0].title, text)
        self.assertNotIn(self.upcoming[0].title, text)
        self.assertNotIn("Kommende Veranstaltungen", text)
        self.assertEqual(response.context["upcoming_events"], [])
        self.assertEqual(
            [e.title for e in response.context["past_events"]],
            [e.title for e in self.past[EVENTS_PER_PAGE - 4 :]],
        )

    def test_out_of_range_or_garbage_page_numbers_still_answer(self):
        # Not a number: the first page; out of range: the last page (never a 500).
        for seite, number in (("99", 2), ("0", 2), ("-3", 2), ("abc", 1), ("2" * 40, 2)):
            with self.subTest(seite=seite):
                response = self.client.get(URL, {"seite": seite})
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.context["events_page"].number, number)
                self.assertTrue(response.context["past_events"])

    def test_filtered_pagination_keeps_the_filter(self):
        # All test events are Werkstätten: the same 29, filtered.
        response = self.client.get(URL + "?kategorie=werkstatt")
        self.assertEqual(len(response.context["events_page"]), EVENTS_PER_PAGE)
        links = [link for link in self._links(response) if "seite=2" in link]
        self.assertTrue(links, "no link to the second page")
        self.assertTrue(all("kategorie=werkstatt" in link for link in links), links)
        response = self.client.get(URL + "?kategorie=werkstatt&seite=2")
        self.assertEqual(len(response.context["events_page"]), 9)
        self.assertIn(self.past[-1].title, page_text(response))
