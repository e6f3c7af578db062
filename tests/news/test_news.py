"""Aktuelles: the list, one news item (with JSON-LD) and the RSS feed."""

from datetime import date

import feedparser

from django.contrib.auth.models import Group
from django.test import TestCase

from news.models import NEWS_PER_PAGE
from tests.factories import NewsPageFactory, build_tree, restrict_to_group
from tests.helpers import json_ld, page_text

FEED = "/de/aktuelles/feed/"


class NewsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        news = cls.tree.news
        cls.older = NewsPageFactory(
            parent=news,
            title="Neue Modellregion Wartburgkreis",
            date=date(2024, 2, 1),
            author="Landesvereinigung für Gesundheit",
            teaser="Der Wartburgkreis tritt dem Partnerprozess bei.",
            tags=["Partnerprozess"],
        )
        cls.newer = NewsPageFactory(
            parent=news,
            title="Fachtag Präventionsketten dokumentiert",
            date=date(2024, 10, 15),
            author="Koordinierungsstelle Thüringen",
            teaser="Vorträge und Fotos des Fachtags sind online.",
        )
        NewsPageFactory(parent=news, title="Entwurf einer Nachricht", live=False)
        withdrawn = NewsPageFactory(parent=news, title="Zurückgezogene Nachricht")
        withdrawn.unpublish()
        private = NewsPageFactory(parent=news, title="Interne Mitteilung")
        restrict_to_group(private, Group.objects.create(name="Netzwerk"))
        cls.hidden = ["Entwurf einer Nachricht", "Zurückgezogene Nachricht", "Interne Mitteilung"]

    def test_list_shows_published_public_news_newest_first(self):
        response = self.client.get("/de/aktuelles/")
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertLess(text.index(self.newer.title), text.index(self.older.title))
        self.assertIn(self.newer.teaser, text)
        for title in self.hidden:
            self.assertNotIn(title, text)

    def test_list_page_out_of_range_still_answers(self):
        for seite in ("2", "99", "abc"):
            with self.subTest(seite=seite):
                response = self.client.get("/de/aktuelles/", {"seite": seite})
                self.assertEqual(response.status_code, 200)
                self.assertIn(self.older.title, page_text(response))

    def test_news_page_shows_its_facts(self):
        response = self.client.get(self.older.url)
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        for fact in (self.older.title, self.older.author, self.older.teaser, "Partnerprozess"):
            self.assertIn(fact, text)
        self.assertTrue(
            any(d in text for d in ("01.02.2024", "1. Februar 2024", "2024-02-01")),
            "the news date is not shown",
        )
        self.assertIn("/de/schlagwort/partnerprozess/", " ".join(response_links(response)))

    def test_news_page_json_ld(self):
        response = self.client.get(self.older.url)
        articles = [d for d in json_ld(response) if d.get("@type") == "NewsArticle"]
        self.assertEqual(len(articles), 1, json_ld(response))
        article = articles[0]
        self.assertEqual(article["headline"], self.older.title)
        self.assertEqual(article["datePublished"], "2024-02-01")
        self.assertEqual(article["inLanguage"], "de")
        self.assertTrue(article["url"].endswith(self.older.url))

    def test_draft_news_page_is_not_served(self):
        self.assertEqual(self.client.get("/de/aktuelles/entwurf-einer-nachricht/").status_code, 404)

    def test_rss_feed_contains_exactly_the_published_public_news(self):
        response = self.client.get(FEED)
        self.assertEqual(response.status_code, 200)
        self.assertIn("rss", response["Content-Type"])
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        self.assertEqual(
            [entry.title for entry in feed.entries], [self.newer.title, self.older.title]
        )
        entry = feed.entries[1]
        self.assertTrue(entry.link.endswith(self.older.url))
        self.assertEqual(entry.summary, self.older.teaser)
        self.assertIn("01 Feb 2024", entry.published)
        self.assertEqual([t.term for t in entry.tags], ["Partnerprozess"])
        self.assertEqual(feed.feed.language, "de")

    def test_list_links_to_the_feed(self):
        response = self.client.get("/de/aktuelles/")
        self.assertTrue(
            any(link.endswith(FEED) for link in response_links(response))
            or FEED in response.content.decode(),
            "the news list should link to its RSS feed",
        )


class NewsPaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        cls.items = [
            NewsPageFactory(parent=tree.news, title=f"Meldung {i:02d}", date=date(2024, 1, i))
            for i in range(1, NEWS_PER_PAGE + 4)
        ]

    def test_second_page(self):
        first = page_text(self.client.get("/de/aktuelles/"))
        second = page_text(self.client.get("/de/aktuelles/?seite=2"))
        newest, oldest = self.items[-1].title, self.items[0].title
        self.assertIn(newest, first)
        self.assertNotIn(oldest, first)
        self.assertIn(oldest, second)
        self.assertNotIn(newest, second)


def response_links(response):
    from tests.helpers import page_links

    return page_links(response)
