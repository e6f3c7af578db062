"""A region's private results page: visible to its network group only, and
absent from every public listing, feed, sitemap and search."""

from urllib.parse import urlparse

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase

from tests.factories import (
    EventPageFactory,
    NewsPageFactory,
    RegionPageFactory,
    RegionResultsPageFactory,
    StandardPageFactory,
    build_tree,
    restrict_to_group,
)
from tests.factories.pages import paragraph
from tests.helpers import page_text

SECRET = "Quartiersauswertung"


class RestrictedResultsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.region = RegionPageFactory(
            parent=cls.tree.regions, title="Weimar", slug="weimar", tags=["Kinder"]
        )
        cls.results = RegionResultsPageFactory(
            parent=cls.region,
            title=f"{SECRET} Weimar",
            body=paragraph(f"<p>Vertrauliche {SECRET} der Schuleingangsuntersuchungen.</p>"),
        )
        cls.group = Group.objects.create(name="Netzwerk Weimar")
        restrict_to_group(cls.results, cls.group)
        # Public pages that do match, so that an empty result cannot pass the tests.
        cls.public = StandardPageFactory(
            parent=cls.tree.home, title=f"Über die {SECRET}", slug="ueber-die-auswertung"
        )
        EventPageFactory(parent=cls.tree.events, title="Werkstatt Weimar", tags=["Kinder"])
        NewsPageFactory(parent=cls.tree.news, title="Weimar berichtet", tags=["Kinder"])
        user_model = get_user_model()
        cls.member = user_model.objects.create_user("mitglied", password="x")
        cls.member.groups.add(cls.group)
        cls.outsider = user_model.objects.create_user("aussen", password="x")

    def assert_hidden(self, url: str):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        body = response.content.decode()
        self.assertNotIn(f"{SECRET} Weimar", body, url)
        self.assertNotIn(self.results.url, body, url)
        return body

    def test_absent_from_region_list_region_page_and_home(self):
        self.assertIn("Weimar", self.assert_hidden("/de/regionen/"))
        self.assert_hidden("/de/regionen/weimar/")
        self.assert_hidden("/de/")

    def test_absent_from_keyword_page(self):
        self.assertIn("Werkstatt Weimar", self.assert_hidden("/de/schlagwort/kinder/"))

    def test_absent_from_sitemap(self):
        body = self.assert_hidden("/sitemap.xml")
        self.assertIn("/de/regionen/weimar/", body)

    def test_absent_from_feeds(self):
        self.assertIn("Weimar berichtet", self.assert_hidden("/de/aktuelles/feed/"))

    def test_absent_from_search_results(self):
        response = self.client.get("/de/suche/", {"q": SECRET})
        self.assertEqual(response.status_code, 200)
        results = [page.pk for page in response.context["search_results"]]
        self.assertIn(self.public.pk, results)
        self.assertNotIn(self.results.pk, results)
        self.assertNotIn(f"{SECRET} Weimar", page_text(response))

    def test_anonymous_visitor_is_sent_to_login(self):
        response = self.client.get(self.results.url)
        self.assertEqual(response.status_code, 302)
        location = urlparse(response["Location"])
        self.assertIn("next=" + self.results.url, response["Location"])
        self.assertNotEqual(location.path, self.results.url)

    def test_login_redirect_leads_to_a_login_form(self):
        response = self.client.get(self.results.url, follow=True)
        self.assertEqual(response.status_code, 200, response.redirect_chain)
        self.assertIn('type="password"', response.content.decode())

    def test_outsider_cannot_read_it(self):
        self.client.force_login(self.outsider)
        response = self.client.get(self.results.url)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn("Vertrauliche", response.content.decode())

    def test_group_member_reads_it(self):
        self.client.force_login(self.member)
        response = self.client.get(self.results.url)
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn(f"{SECRET} Weimar", text)
        self.assertIn(f"Vertrauliche {SECRET} der Schuleingangsuntersuchungen.", text)
