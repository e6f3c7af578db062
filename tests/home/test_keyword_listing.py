"""The keyword page /de/schlagwort/<slug>/ is one paginated list (regions, events,
news): as many SQL queries and about as many bytes with 300 tagged items as with
20 (issue #11: it grew from 8 KB to 50 KB with 200 more items)."""

from datetime import date, timedelta

from django.test import TestCase
from django.utils import timezone

from home.models import Schlagwort
from home.models.pages import KEYWORD_ITEMS_PER_PAGE
from tests.factories import RegionPageFactory, build_tree
from tests.factories.bulk import add_live_pages, event, news
from tests.helpers import count_queries, page_links, page_text

URL = "/de/schlagwort/kinder/"
TAG = ["Kinder"]


class KeywordPageBoundTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        RegionPageFactory(parent=cls.tree.regions, title="Gera", slug="gera", tags=TAG)
        RegionPageFactory(parent=cls.tree.regions, title="Weimar", slug="weimar", tags=TAG)
        Schlagwort.objects.update(approved=True)
        cls.now = timezone.now().replace(microsecond=0)

    def add_events(self, first: int, count: int) -> None:
        add_live_pages(
            self.tree.events,
            lambda i: event(i, self.now - timedelta(days=i), tags=TAG),
            count,
            first,
        )

    def add_news(self, first: int, count: int) -> None:
        add_live_pages(
            self.tree.news,
            lambda i: news(i, date(2026, 1, 1) - timedelta(days=i), tags=TAG),
            count,
            first,
        )

    def test_keyword_page_queries_and_size_do_not_grow(self):
        # 2 regions, 9 events, 9 news: page 1 shows all three groups ...
        self.add_events(0, 9)
        self.add_news(0, 9)
        few, response = count_queries(self.client, URL)
        few_size = len(response.content)
        self.assertEqual([g["key"] for g in response.context["groups"]], keys())
        # ... and still does with 282 more (older) news: 300 items.
        self.add_news(9, 280)
        self.add_events(9, 2)
        many, response = count_queries(self.client, URL)
        many_size = len(response.content)
        self.assertEqual(response.context["items_page"].paginator.count, 302)
        self.assertEqual(few, many, f"keyword page: {few} queries with 20 items, {many} with 302")
        self.assertLess(many_size, few_size + 2_000, (few_size, many_size))
        print(f"keyword page: {few} queries, {few_size} → {many_size} bytes, 20 → 302 items")  # noqa: T201

    def test_growing_events_and_news_never_cost_more_queries(self):
        self.add_events(0, 9)
        self.add_news(0, 9)
        few, _response = count_queries(self.client, URL)
        self.add_events(9, 140)
        self.add_news(9, 140)
        many, response = count_queries(self.client, URL)
        self.assertLessEqual(many, few)
        self.assertEqual(len(response.context["items_page"]), KEYWORD_ITEMS_PER_PAGE)

    def test_pages_follow_each_other_without_gaps(self):
        self.add_events(0, 30)
        self.add_news(0, 30)
        seen = []
        for seite in (1, 2, 3, 4):
            response = self.client.get(URL, {"seite": seite})
            self.assertEqual(response.status_code, 200)
            for group in response.context["groups"]:
                seen += [page.title for page in group["items"]]
        self.assertEqual(len(seen), 62)
        self.assertEqual(seen[:2], ["Gera", "Weimar"])
        self.assertEqual(seen[2:32], [f"Werkstatt Nummer {i}" for i in range(30)])
        self.assertEqual(seen[32:], [f"Meldung Nummer {i}" for i in range(30)])
        # Page 2 names its groups again and links back to page 1.
        response = self.client.get(URL, {"seite": 2})
        self.assertIn("Veranstaltungen", page_text(response))
        self.assertTrue(any("seite=1" in link for link in page_links(response)))

    def test_bad_page_numbers_answer_with_a_page(self):
        self.add_events(0, 25)
        for seite in ("abc", "0", "-2", "99999", "1e3", ""):
            with self.subTest(seite=seite):
                response = self.client.get(URL, {"seite": seite})
                self.assertEqual(response.status_code, 200)
                self.assertIn(response.context["items_page"].number, (1, 2))


def keys() -> list[str]:
    return ["regions.regionpage", "events.eventpage", "news.newspage"]
