"""A region page stays bounded: the same SQL queries and about the same bytes with
300 linked events and news (and 40 materials) as with 20 (issue #11: Gera grew
from 18 KB to 163 KB). It shows the next few events and the latest news, each
with a link to the list filtered by the region."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.test import TestCase
from django.utils import timezone

from regions.models import REGION_LISTING_SIZE, REGION_MATERIALS_SHOWN, RegionMaterial
from tests.factories import MaterialFactory, RegionPageFactory, build_tree, publish
from tests.factories.bulk import add_live_pages, event, news
from tests.helpers import count_queries, page_links, page_text

URL = "/de/regionen/gera/"


class RegionBoundTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.region = RegionPageFactory(parent=cls.tree.regions, title="Gera", slug="gera")
        cls.other = RegionPageFactory(parent=cls.tree.regions, title="Weimar", slug="weimar")
        cls.now = timezone.now().replace(microsecond=0)

    def link(self, first: int, count: int, materials: int) -> None:
        # Alternately upcoming and past events; news one per day backwards.
        add_live_pages(
            self.tree.events,
            lambda i: event(
                i, self.now + timedelta(days=(i + 1) * (1 if i % 2 else -1)), regions=[self.region]
            ),
            count,
            first,
        )
        add_live_pages(
            self.tree.news,
            lambda i: news(i, date(2026, 1, 1) - timedelta(days=i), regions=[self.region]),
            count,
            first,
        )
        region = self.region
        for i in range(materials):
            title = f"Dokumentation Nummer {first + i}"
            document = MaterialFactory(
                title=title, file=ContentFile(b"Dokumentation", name=f"doku-{first + i}.txt")
            )
            region.material_links.add(RegionMaterial(document=document))
        self.region = publish(region)

    def test_region_page_queries_and_size_do_not_grow_with_links(self):
        self.link(0, 20, 12)
        few, response = count_queries(self.client, URL)
        few_size = len(response.content)
        text = page_text(response)
        self.assertIn("Werkstatt Nummer 1 ", text + " ")  # the next event (tomorrow)
        self.assertIn("Meldung Nummer 0", text)  # the newest news
        self.link(20, 280, 28)
        many, response = count_queries(self.client, URL)
        many_size = len(response.content)
        self.assertEqual(few, many, f"region page: {few} queries with 20 links, {many} with 300")
        self.assertLess(many_size, few_size + 500, (few_size, many_size))
        self.assertEqual(len(response.context["upcoming_events"]), REGION_LISTING_SIZE)
        self.assertEqual(len(response.context["past_events"]), REGION_LISTING_SIZE)
        self.assertEqual(len(response.context["news"]), REGION_LISTING_SIZE)
        self.assertEqual(len(response.context["materials"]), REGION_MATERIALS_SHOWN)
        self.assertEqual(response.context["materials_count"], 40)
        print(f"region page: {few} queries, {few_size} → {many_size} bytes, 20 → 300 links")  # noqa: T201

    def test_shows_the_next_events_and_latest_news_with_links_to_the_filtered_lists(self):
        self.link(0, 20, 0)
        response = self.client.get(URL)
        upcoming = [e.title for e in response.context["upcoming_events"]]
        past = [e.title for e in response.context["past_events"]]
        # Upcoming: odd numbers, soonest first; past: even numbers, newest first.
        self.assertEqual(upcoming, [f"Werkstatt Nummer {i}" for i in (1, 3, 5, 7, 9)])
        self.assertEqual(past, [f"Werkstatt Nummer {i}" for i in (0, 2, 4, 6, 8)])
        text = page_text(response)
        self.assertLess(text.index("Kommende Veranstaltungen"), text.index("Werkstatt Nummer 1 "))
        self.assertLess(text.index("Werkstatt Nummer 9 "), text.index("Vergangene Veranstaltungen"))
        self.assertLess(text.index("Vergangene Veranstaltungen"), text.index("Werkstatt Nummer 0 "))
        self.assertEqual(
            [n.title for n in response.context["news"]],
            [f"Meldung Nummer {i}" for i in range(5)],
        )
        links = page_links(response)
        self.assertIn("/de/veranstaltungen/?region=gera", links)
        self.assertIn("/de/veranstaltungen/feed.ics?region=gera", links)
        self.assertIn("/de/aktuelles/?region=gera", links)
        text = page_text(response)
        self.assertIn("Alle Veranstaltungen in Gera", text)
        self.assertIn("Alle Nachrichten aus Gera", text)

        # The links lead to exactly this region's events and news.
        add_live_pages(
            self.tree.events,
            lambda i: event(i, self.now + timedelta(days=3), regions=[self.other]),
            1,
            900,
        )
        add_live_pages(
            self.tree.news,
            lambda i: news(i, date(2026, 2, 1), regions=[self.other]),
            1,
            900,
        )
        calendar = self.client.get("/de/veranstaltungen/?region=gera")
        self.assertEqual(calendar.context["events_page"].paginator.count, 20)
        self.assertNotIn("Werkstatt Nummer 900", page_text(calendar))
        news_list = self.client.get("/de/aktuelles/?region=gera")
        self.assertEqual(news_list.context["news_items"].paginator.count, 20)
        self.assertNotIn("Meldung Nummer 900", page_text(news_list))
        weimar_news = self.client.get("/de/aktuelles/?region=weimar")
        self.assertEqual(
            [n.title for n in weimar_news.context["news_items"]], ["Meldung Nummer 900"]
        )
        self.assertEqual(
            self.client.get("/de/veranstaltungen/?region=weimar")
            .context["events_page"]
            .paginator.count,
            1,
        )

    def test_without_upcoming_events_the_latest_past_ones_show(self):
        add_live_pages(
            self.tree.events,
            lambda i: event(i, self.now - timedelta(days=i + 1), regions=[self.region]),
            8,
        )
        response = self.client.get(URL)
        self.assertEqual(response.context["upcoming_events"], [])
        self.assertEqual(
            [e.title for e in response.context["past_events"]],
            [f"Werkstatt Nummer {i}" for i in range(5)],
        )
        text = page_text(response)
        self.assertIn("Vergangene Veranstaltungen", text)
        self.assertNotIn("Kommende Veranstaltungen", text)

    def test_all_materials_page_is_paginated(self):
        self.link(0, 0, 45)
        response = self.client.get(URL)
        self.assertIn("/de/regionen/gera/materialien/", page_links(response))
        self.assertIn("Alle 45 Materialien aus Gera", page_text(response))
        titles = []
        for seite in (1, 2, 3):
            page = self.client.get(URL + "materialien/", {"seite": seite})
            self.assertEqual(page.status_code, 200)
            titles += [m.title for m in page.context["materials"]]
        self.assertEqual(titles, [f"Dokumentation Nummer {i}" for i in range(45)])
        for seite in ("abc", "0", "999"):
            self.assertEqual(
                self.client.get(URL + "materialien/", {"seite": seite}).status_code, 200
            )

    def test_unknown_region_in_the_filters_is_a_message_not_an_error(self):
        for url in ("/de/veranstaltungen/?region=atlantis", "/de/aktuelles/?region=atlantis"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn("nicht verstanden", page_text(response))
