"""The news list costs as many SQL queries for 50 items as for 5."""

from datetime import date, timedelta

from django.test import TestCase

from tests.factories import NewsPageFactory, build_tree
from tests.helpers import count_queries


def add_news(parent, start: int, stop: int) -> None:
    for i in range(start, stop):
        NewsPageFactory(
            parent=parent,
            title=f"Meldung Nummer {i}",
            date=date(2024, 1, 1) + timedelta(days=i),
            tags=[f"Thema {i % 4}", "Partnerprozess"],
        )


class NewsQueryCountTests(TestCase):
    def test_news_list_queries_do_not_grow_with_items(self):
        tree = build_tree()
        add_news(tree.news, 0, 5)
        few, response = count_queries(self.client, "/de/aktuelles/")
        self.assertIn("Meldung Nummer 4", response.content.decode())
        add_news(tree.news, 5, 50)
        many, response = count_queries(self.client, "/de/aktuelles/")
        self.assertIn("Meldung Nummer 49", response.content.decode())
        self.assertEqual(few, many, f"news list: {few} queries with 5 items, {many} with 50")
        print(f"news list: {few} queries for 5 and for 50 items")  # noqa: T201
