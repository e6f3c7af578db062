"""The accessibility statement as its own page type: its facts (compliance, last
review in the page's language, the Schlichtungsstelle and the Durchsetzungsstelle)
in both languages, the footer link that carries the current page's address on
every page type, and where editors may create it."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings

from wagtail.test.utils import WagtailPageTestCase

from accessibility.models import AccessibilityStatementPage
from home.models import HomePage, StandardPage
from tests.factories import (
    EventPageFactory,
    NewsPageFactory,
    RegionPageFactory,
    StandardPageFactory,
)
from tests.factories.accessibility import AccessibilityStatementPageFactory
from tests.helpers import page_text

from .support import STATEMENT, STATEMENT_EN, statement_site


class StatementTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = statement_site()

    def test_german_statement_shows_its_facts(self):
        text = page_text(self.client.get(STATEMENT))
        self.assertIn("teilweise vereinbar", text)
        self.assertIn("Zuletzt überprüft am", text)
        self.assertIn("5. März 2026", text)
        self.assertIn("Schlichtungsstelle nach dem Behindertengleichstellungsgesetz (BGG)", text)
        self.assertIn("Mauerstraße 53", text)
        self.assertIn("10117 Berlin", text)
        self.assertIn("Durchsetzungsstelle", text)
        html = self.client.get(STATEMENT).content.decode()
        self.assertIn('href="https://www.schlichtungsstelle-bgg.de"', html)
        self.assertIn('href="mailto:schlichtung@example.org"', html)
        self.assertIn('<time datetime="2026-03-05">', html)

    @override_settings(BARRIER_REPORT_CONTACT_DAYS=21, BARRIER_REPORT_RETENTION_DAYS=200)
    def test_the_privacy_note_names_the_retention_in_force(self):
        text = page_text(self.client.get(STATEMENT))
        self.assertIn("löschen sie 21 Tage, nachdem die Meldung erledigt ist", text)
        self.assertIn("nach 200 Tagen", text)

    def test_english_statement_shows_the_date_in_english(self):
        response = self.client.get(STATEMENT_EN)
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("March 5, 2026", text)
        self.assertNotIn("März", text)
        self.assertIn("Arbitration body under the Disability Equality Act", text)
        self.assertIn('name="description"', response.content.decode())  # the form, too

    def test_compliance_and_review_date_are_shared_by_the_translation(self):
        self.assertEqual(self.site.statement_en.last_review, self.site.statement.last_review)
        self.assertEqual(self.site.statement_en.compliance, self.site.statement.compliance)

    # -- the footer ------------------------------------------------------------------

    def footer_statement_href(self, url: str) -> str:
        html = self.client.get(url).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        match = re.search(r'href="([^"]*(?:barrierefreiheit|accessibility)/[^"]*)"', footer)
        self.assertIsNotNone(match, f"no statement link in the footer of {url}")
        return match.group(1).replace("&amp;", "&")

    def test_footer_link_carries_the_address_of_every_page_type(self):
        tree = self.site.tree
        pages = [
            tree.home,
            self.site.vision,
            self.site.gera,
            tree.regions,
            EventPageFactory(parent=tree.events, title="Fachtag", slug="fachtag"),
            NewsPageFactory(parent=tree.news, title="Neuigkeit", slug="neuigkeit"),
            RegionPageFactory(parent=tree.regions, title="Jena", slug="jena"),
        ]
        for page in pages:
            url = page.url
            with self.subTest(url=url):
                href = self.footer_statement_href(url)
                quoted = url.replace("/", "%2F")
                self.assertEqual(href, f"{STATEMENT}?adresse={quoted}")

    def test_footer_link_of_english_pages_and_error_pages(self):
        self.assertEqual(self.footer_statement_href("/en/"), f"{STATEMENT_EN}?adresse=%2Fen%2F")
        self.assertEqual(
            self.footer_statement_href("/de/gibt-es-nicht/"),
            f"{STATEMENT}?adresse=%2Fde%2Fgibt-es-nicht%2F",
        )

    def test_footer_link_from_a_cached_page_keeps_that_page_address(self):
        self.client.get(self.site.vision.url)
        response = self.client.get(self.site.vision.url)
        self.assertEqual(response.get("X-Page-Cache"), "hit")
        self.assertIn("?adresse=%2Fde%2Fvision%2F", response.content.decode())
        self.assertIn("?adresse=%2Fde%2F", self.client.get("/de/").content.decode())

    def test_footer_link_prefills_the_form(self):
        href = self.footer_statement_href(self.site.gera.url)
        html = self.client.get(href).content.decode()
        self.assertIn(f'value="{self.site.gera.url}"', html)


class StatementTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        from tests.factories import build_tree

        cls.tree = build_tree()

    def test_the_statement_sits_under_the_home_page_once(self):
        self.assertCanCreateAt(HomePage, AccessibilityStatementPage)
        self.assertCanNotCreateAt(StandardPage, AccessibilityStatementPage)
        self.assertAllowedSubpageTypes(AccessibilityStatementPage, {})
        statement = AccessibilityStatementPageFactory(parent=self.tree.home)
        self.assertFalse(AccessibilityStatementPage.can_create_at(self.tree.home))
        self.assertEqual(self.client.get(statement.url).status_code, 200)
        admin = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "x")
        self.client.force_login(admin)
        edit = self.client.get(f"/admin/pages/{statement.pk}/edit/")
        self.assertContains(edit, "Schlichtungsstelle")
        self.assertContains(edit, 'name="last_review"')

    def test_a_standard_page_with_the_slug_still_serves_as_the_footer_statement(self):
        """Sites that have not moved their statement to the new type keep the link."""
        StandardPageFactory(
            parent=self.tree.home, title="Barrierefreiheit", slug="barrierefreiheit"
        )
        html = self.client.get("/de/").content.decode()
        self.assertIn('href="/de/barrierefreiheit/?adresse=%2Fde%2F"', html)
