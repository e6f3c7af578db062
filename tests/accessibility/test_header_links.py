"""The header of every public page links the page in Leichte Sprache and the page
in Deutsche Gebärdensprache (BITV 2.0), each with its pictogram and its German
name; on English pages the links still lead to the German pages, marked
hreflang="de", the names lang="de", with an explanation in English. A page that
is not live, has expired or is restricted gets no link
(home/templatetags/navigation.py ``access_links``)."""

from __future__ import annotations

from datetime import timedelta

from bs4 import BeautifulSoup

from django.db import connection
from django.template import Context
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from wagtail.models import Page, PageViewRestriction, get_page_models

from accessibility.models import EasyReadPage
from home.models import Schlagwort
from home.templatetags import navigation
from tests.factories import (
    AccessibilityStatementPageFactory,
    CriterionPageFactory,
    EasyReadPageFactory,
    EventPageFactory,
    NewsPageFactory,
    PracticePageFactory,
    RegionPageFactory,
    RegionResultsPageFactory,
    SignLanguagePageFactory,
    StandardPageFactory,
    add_practice_index,
    build_tree,
    publish,
    translate,
)

EASY_READ = "/de/leichte-sprache/"
SIGN_LANGUAGE = "/de/gebaerdensprache/"


def access_links(html: str) -> list[dict]:
    """The links of the header's Leichte Sprache / Gebärdensprache bar."""
    soup = BeautifulSoup(html, "html.parser")
    header = soup.find("header", class_="site-header")
    assert header is not None
    nav = header.find("nav", class_="access-links")
    if nav is None:
        return []
    links = []
    for a in nav.find_all("a"):
        name = a.find(class_="access-links__name")
        hint = a.find(class_="access-links__hint")
        icon = a.find("svg")
        links.append(
            {
                "href": a.get("href"),
                "hreflang": a.get("hreflang"),
                "name": name.get_text(strip=True),
                "name_lang": name.get("lang"),
                "hint": hint.get_text(strip=True) if hint else None,
                "icon_hidden": icon is not None and icon.get("aria-hidden") == "true",
                "current": a.get("aria-current"),
            }
        )
    return links


class EveryPageTypeTests(TestCase):
    """One live page of every public page type in both languages, plus the Django
    views and routes that use the same header (search, keyword page, 404)."""

    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        home = tree.home
        practice_index = add_practice_index(home)
        region = RegionPageFactory(parent=tree.regions, slug="gera", tags=["Kinder"])
        Schlagwort.objects.update(approved=True)
        german = [
            home,
            tree.regions,
            region,
            RegionResultsPageFactory(parent=region, slug="ergebnisse"),
            tree.events,
            EventPageFactory(parent=tree.events),
            tree.news,
            NewsPageFactory(parent=tree.news),
            tree.criteria,
            CriterionPageFactory(parent=tree.criteria),
            practice_index,
            PracticePageFactory(parent=practice_index),
            StandardPageFactory(parent=home, slug="impressum"),
            AccessibilityStatementPageFactory(parent=home),
        ]
        cls.easy_read = EasyReadPageFactory(parent=home)
        cls.sign_language = SignLanguagePageFactory(parent=home)
        german += [cls.easy_read, cls.sign_language]
        english = []
        for page in german:
            if getattr(page.specific, "german_only", False):
                continue
            english.append(translate(page, "en"))
        cls.pages = {"de": german, "en": english}

    def urls(self, language: str) -> list[str]:
        routes = {
            "de": ["/de/suche/?q=Kinder", "/de/schlagwort/kinder/"],
            "en": ["/en/search/?q=Kinder", "/en/keyword/kinder/"],
        }[language]
        return [page.url for page in self.pages[language]] + routes

    def test_every_page_type_is_checked(self):
        checked = {type(page.specific) for page in self.pages["de"]}
        public_types = set(get_page_models()) - {Page}
        self.assertEqual(public_types - checked, set())

    def test_german_pages_link_both_german_pages(self):
        for url in self.urls("de"):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                links = access_links(response.content.decode())
                self.assertEqual([link["href"] for link in links], [EASY_READ, SIGN_LANGUAGE])
                self.assertEqual(
                    [link["name"] for link in links], ["Leichte Sprache", "Gebärdensprache"]
                )
                for link in links:
                    self.assertIsNone(link["hreflang"])
                    self.assertIsNone(link["name_lang"])
                    self.assertIsNone(link["hint"])
                    self.assertTrue(link["icon_hidden"])

    def test_english_pages_link_the_german_pages_marked_as_german_with_an_explanation(self):
        with translation.override("en"):
            hints = [
                translation.gettext("Deutsch in Leichter Sprache"),
                translation.gettext("Deutsche Gebärdensprache"),
            ]
        for url in self.urls("en"):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                links = access_links(response.content.decode())
                self.assertEqual([link["href"] for link in links], [EASY_READ, SIGN_LANGUAGE])
                self.assertEqual(
                    [link["name"] for link in links], ["Leichte Sprache", "Gebärdensprache"]
                )
                self.assertEqual([link["hreflang"] for link in links], ["de", "de"])
                self.assertEqual([link["name_lang"] for link in links], ["de", "de"])
                self.assertEqual([link["hint"] for link in links], [f"({h})" for h in hints])

    def test_the_404_page_has_the_links_too(self):
        for url in ("/de/gibt-es-nicht/", "/en/does-not-exist/"):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404)
                hrefs = [link["href"] for link in access_links(response.content.decode())]
                self.assertEqual(hrefs, [EASY_READ, SIGN_LANGUAGE])

    def test_the_link_to_the_page_shown_is_marked_current(self):
        links = access_links(self.client.get(EASY_READ).content.decode())
        self.assertEqual([link["current"] for link in links], ["page", None])


class OnlyLivePagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.home_en = cls.tree.translate_home()
        cls.other = StandardPageFactory(parent=cls.tree.home, slug="vision")
        cls.other_en = translate(cls.other, "en")

    def hrefs(self, url: str = "/de/vision/") -> list[str]:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return [link["href"] for link in access_links(response.content.decode())]

    def test_no_pages_no_bar(self):
        html = self.client.get("/de/vision/").content.decode()
        self.assertNotIn('class="access-links"', html)

    def test_a_draft_gets_no_link(self):
        EasyReadPageFactory(parent=self.tree.home, live=False)
        SignLanguagePageFactory(parent=self.tree.home)
        self.assertEqual(self.hrefs(), [SIGN_LANGUAGE])
        self.assertEqual(self.hrefs(self.other_en.url), [SIGN_LANGUAGE])

    def test_an_unpublished_page_loses_its_link(self):
        page = EasyReadPageFactory(parent=self.tree.home)
        SignLanguagePageFactory(parent=self.tree.home, live=False)
        self.assertEqual(self.hrefs(), [EASY_READ])
        page.unpublish()
        self.assertEqual(self.hrefs(), [])

    def test_an_expired_page_gets_no_link(self):
        page = EasyReadPageFactory(parent=self.tree.home)
        SignLanguagePageFactory(parent=self.tree.home)
        Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
        self.assertEqual(self.hrefs(), [SIGN_LANGUAGE])

    def test_a_restricted_page_gets_no_link(self):
        EasyReadPageFactory(parent=self.tree.home)
        page = SignLanguagePageFactory(parent=self.tree.home)
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        self.assertEqual(self.hrefs(), [EASY_READ])

    def test_a_restriction_elsewhere_leaves_the_links(self):
        EasyReadPageFactory(parent=self.tree.home)
        SignLanguagePageFactory(parent=self.tree.home)
        # A sibling (and its subtree) restricted: not an ancestor of the two pages.
        internal = StandardPageFactory(parent=self.tree.home, slug="intern")
        StandardPageFactory(parent=internal, slug="protokolle")
        PageViewRestriction.objects.create(
            page=internal, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        self.assertEqual(self.hrefs(), [EASY_READ, SIGN_LANGUAGE])
        self.assertEqual(self.hrefs(self.other_en.url), [EASY_READ, SIGN_LANGUAGE])

    def test_without_a_live_german_home_page_no_links(self):
        EasyReadPageFactory(parent=self.tree.home)
        SignLanguagePageFactory(parent=self.tree.home)
        self.assertEqual(self.hrefs(self.other_en.url), [EASY_READ, SIGN_LANGUAGE])
        self.tree.home.unpublish()
        self.assertEqual(self.hrefs(self.other_en.url), [])

    def test_a_later_publish_brings_the_link_back(self):
        page = EasyReadPageFactory(parent=self.tree.home, live=False)
        self.assertEqual(self.hrefs(), [])
        publish(page)
        self.assertEqual(self.hrefs(), [EASY_READ])


class QueryTests(TestCase):
    """One query per request for both links, whatever the page renders."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        EasyReadPageFactory(parent=cls.tree.home)
        SignLanguagePageFactory(parent=cls.tree.home)

    def test_one_query_then_cached_for_the_request(self):
        request = RequestFactory().get("/de/")
        context = Context({"request": request, "page": self.tree.home})
        # What the header has read before: the home pages, the locales, the site.
        navigation.locale_homes(request)
        navigation.all_locales(request)
        self.tree.home.get_url(request)
        EasyReadPage.objects.get().get_url(request)
        with CaptureQueriesContext(connection) as first:
            links = navigation.access_links(context)
        self.assertEqual([link["url"] for link in links], [EASY_READ, SIGN_LANGUAGE])
        with CaptureQueriesContext(connection) as second:
            navigation.access_links(context)
        self.assertEqual(len(first), 1, [query["sql"] for query in first])
        self.assertEqual(len(second), 0)
