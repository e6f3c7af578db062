"""Home page, standard pages, languages, keyword pages, sitemap and robots.txt."""

from datetime import timedelta
from urllib.parse import urlparse
from xml.etree import ElementTree

from django.contrib.auth.models import Group
from django.test import TestCase
from django.utils import timezone

from tests.factories import (
    EventPageFactory,
    NewsPageFactory,
    RegionPageFactory,
    RegionResultsPageFactory,
    StandardPageFactory,
    build_tree,
    restrict_to_group,
    translate,
)
from tests.helpers import json_ld, page_links, page_text

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_paths(response) -> set[str]:
    assert response.status_code == 200, response.status_code
    tree = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap
    return {urlparse(loc.text).path for loc in tree.findall("sm:url/sm:loc", SITEMAP_NS)}


class HomeAndSiteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        tree = cls.tree
        now = timezone.now()
        cls.vision = StandardPageFactory(parent=tree.home, title="Unsere Vision")
        cls.draft_page = StandardPageFactory(parent=tree.home, title="Halbfertig", live=False)
        internal = StandardPageFactory(parent=tree.home, title="Intern")
        cls.under_internal = StandardPageFactory(parent=internal, title="Protokolle")
        restrict_to_group(internal, Group.objects.create(name="Redaktion intern"))
        cls.region = RegionPageFactory(
            parent=tree.regions,
            title="Wartburgkreis",
            slug="wartburgkreis",
            tags=["Gesundheitsförderung"],
        )
        cls.results = RegionResultsPageFactory(parent=cls.region, title="Ergebnisse Wartburgkreis")
        restrict_to_group(cls.results, Group.objects.create(name="Netzwerk Wartburgkreis"))
        cls.event = EventPageFactory(
            parent=tree.events,
            title="Fachtag Eisenach",
            start=now + timedelta(days=5),
            end=now + timedelta(days=5, hours=6),
            tags=["Gesundheitsförderung"],
        )
        cls.past_event = EventPageFactory(
            parent=tree.events,
            title="Werkstatt von gestern",
            start=now - timedelta(days=9),
            end=now - timedelta(days=9, hours=-3),
        )
        cls.news = NewsPageFactory(
            parent=tree.news,
            title="Wartburgkreis startet Netzwerk",
            tags=["Gesundheitsförderung"],
        )
        cls.untagged_news = NewsPageFactory(parent=tree.news, title="Ohne Schlagwort")
        NewsPageFactory(
            parent=tree.news, title="Getaggter Entwurf", live=False, tags=["Gesundheitsförderung"]
        )
        cls.home_en = tree.translate_home()
        cls.about_en = translate(cls.vision, "en")

    def test_root_redirects_to_german(self):
        response = self.client.get("/")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], "/de/")

    def test_home_page_shows_upcoming_events_news_and_regions(self):
        response = self.client.get("/de/")
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        links = page_links(response)
        self.assertIn("Gesunde Kommune", text)
        self.assertIn("Netzwerke für Gesundheitsförderung in Kommunen.", text)
        for page in (self.event, self.news, self.region):
            self.assertIn(page.title, text)
            self.assertIn(page.url, links)
        self.assertNotIn("Werkstatt von gestern", text)
        self.assertNotIn("Ergebnisse Wartburgkreis", text)
        self.assertNotIn("Halbfertig", text)

    def test_english_home_page(self):
        response = self.client.get("/en/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["page"].pk, self.home_en.pk)
        self.assertEqual(response.context["page"].locale.language_code, "en")
        # German content does not leak into the English home page's lists.
        self.assertNotIn("Wartburgkreis startet Netzwerk", page_text(response))

    def test_standard_page(self):
        response = self.client.get("/de/unsere-vision/")
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Unsere Vision", text)
        self.assertIn("Text der Inhaltsseite.", text)
        self.assertEqual(self.client.get("/de/halbfertig/").status_code, 404)

    def test_keyword_page_lists_tagged_regions_events_and_news(self):
        response = self.client.get("/de/schlagwort/gesundheitsfoerderung/")
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        links = page_links(response)
        self.assertIn("Gesundheitsförderung", text)
        for page in (self.region, self.event, self.news):
            self.assertIn(page.title, text)
            self.assertIn(page.url, links)
        self.assertNotIn("Ohne Schlagwort", text)
        self.assertNotIn("Getaggter Entwurf", text)
        self.assertNotIn("Ergebnisse Wartburgkreis", text)

    def test_keyword_page_for_an_unknown_keyword_is_404(self):
        self.assertEqual(self.client.get("/de/schlagwort/gibt-es-nicht/").status_code, 404)

    def test_event_json_ld(self):
        response = self.client.get(self.event.url)
        events = [d for d in json_ld(response) if d.get("@type") == "Event"]
        self.assertEqual(len(events), 1, json_ld(response))
        self.assertEqual(events[0]["name"], "Fachtag Eisenach")
        self.assertEqual(events[0]["startDate"], timezone.localtime(self.event.start).isoformat())

    def test_sitemap_lists_live_public_pages_of_both_languages(self):
        paths = sitemap_paths(self.client.get("/sitemap.xml"))
        for path in (
            "/de/",
            "/en/",
            "/de/unsere-vision/",
            self.about_en.url,
            "/de/regionen/",
            "/de/regionen/wartburgkreis/",
            "/de/veranstaltungen/",
            self.event.url,
            self.news.url,
            "/de/good-practice-kriterien/",
        ):
            self.assertIn(path, paths)
        self.assertTrue(self.about_en.url.startswith("/en/"))

    def test_sitemap_leaves_out_drafts_and_private_pages(self):
        paths = sitemap_paths(self.client.get("/sitemap.xml"))
        self.assertNotIn("/de/halbfertig/", paths)
        self.assertNotIn(self.results.url, paths)
        self.assertNotIn("/de/intern/", paths)
        self.assertNotIn(self.under_internal.url, paths)
        self.assertTrue(self.under_internal.url.startswith("/de/intern/"))

    def test_favicon_is_linked_and_favicon_ico_leads_to_it(self):
        from django.contrib.staticfiles import finders

        response = self.client.get("/favicon.ico")
        self.assertEqual(response.status_code, 301)
        self.assertTrue(response["Location"].endswith("img/favicon.svg"))
        self.assertIsNotNone(finders.find("img/favicon.svg"))
        page = self.client.get("/de/").content.decode()
        self.assertIn('rel="icon"', page)
        self.assertIn(response["Location"], page)

    def test_robots_txt_points_to_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/plain"))
        # The configured origin (BASE_URL), not the Host of the request (testserver).
        self.assertIn("Sitemap: http://127.0.0.1:8000/sitemap.xml", response.content.decode())
        self.assertIn("Disallow: /admin/", response.content.decode())
