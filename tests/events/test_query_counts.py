"""The calendar costs as many SQL queries for 50 events as for 5."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from tests.factories import EventPageFactory, build_tree, bundesland, category
from tests.helpers import count_queries

LANDS = ["thueringen", "niedersachsen", "sachsen"]
KINDS = ["werkstatt", "fachtag", "online"]


def add_events(parent, start: int, stop: int) -> None:
    now = timezone.now()
    for i in range(start, stop):
        # Alternately upcoming and past, so both lists and the paginator grow.
        begin = now + timedelta(days=(i + 1) * (1 if i % 2 else -1))
        EventPageFactory(
            parent=parent,
            title=f"Veranstaltung Nummer {i}",
            start=begin,
            end=begin + timedelta(hours=3),
            bundesland=bundesland(LANDS[i % 3]),
            category=category(KINDS[i % 3]),
            tags=[f"Thema {i % 4}", "Präventionskette"],
        )


class CalendarQueryCountTests(TestCase):
    def test_calendar_queries_do_not_grow_with_events(self):
        tree = build_tree()
        add_events(tree.events, 0, 5)
        few, response = count_queries(self.client, "/de/veranstaltungen/")
        self.assertIn("Veranstaltung Nummer 4", response.content.decode())
        add_events(tree.events, 5, 50)
        many, response = count_queries(self.client, "/de/veranstaltungen/")
        self.assertIn("Veranstaltung Nummer 49", response.content.decode())
        self.assertEqual(few, many, f"calendar: {few} queries with 5 events, {many} with 50")
        print(f"calendar: {few} queries for 5 and for 50 events")  # noqa: T201
