"""One configured origin (BASE_URL) for every full address the site hands out:
sitemap, RSS, canonical and hreflang links, robots.txt, iCalendar; e-mails through
WAGTAILADMIN_BASE_URL, derived from it. A request with another Host header (an
alias, a proxy that rewrites it) changes none of them; iCal UIDs name no host."""

import os
import subprocess
import sys
from xml.etree import ElementTree

import feedparser
from icalendar import Calendar

from django.conf import settings
from django.core import checks
from django.core.management import call_command
from django.test import TestCase, override_settings

from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Site

from home.base_url import check_base_url
from tests.factories import EventPageFactory, NewsPageFactory, build_tree, translate

ORIGIN = "https://gesunde-kommune.example"
OTHER_HOST = "andere-adresse.example"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def canonical_and_alternates(html: str) -> list[str]:
    """href of <link rel="canonical"> and <link rel="alternate" hreflang> in the head."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "link" and (
                attrs.get("rel") == "canonical"
                or (attrs.get("rel") == "alternate" and "hreflang" in attrs)
            ):
                found.append(attrs["href"])

    Reader().feed(html)
    return found


class DefaultOriginTests(TestCase):
    def test_migrate_gave_the_default_site_the_configured_origin(self):
        # post_migrate ran when the test database was created.
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(site.root_url, settings.BASE_URL)
        self.assertEqual(settings.BASE_URL, "http://127.0.0.1:8000")

    def test_e_mails_use_the_same_origin(self):
        self.assertEqual(get_admin_base_url(), settings.BASE_URL)


@override_settings(BASE_URL=ORIGIN, ALLOWED_HOSTS=["testserver", OTHER_HOST])
class ConfiguredOriginTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.event = EventPageFactory(parent=cls.tree.events, title="Regionalwerkstatt Erfurt")
        cls.news = NewsPageFactory(parent=cls.tree.news, title="Neue Partnerkommune Gera")
        cls.tree.translate_home()
        translate(cls.tree.events, "en")
        translate(cls.event, "en")

    def setUp(self):
        # What `make run` / `make serve` do after a change of BASE_URL: migrate.
        call_command("migrate", verbosity=0)
        # The rollback restores the Site row, not Wagtail's cache of its root URLs.
        self.addCleanup(Site.clear_site_root_paths_cache)

    def get(self, url: str, host: str = OTHER_HOST):
        response = self.client.get(url, HTTP_HOST=host)
        self.assertEqual(response.status_code, 200, url)
        return response

    def test_site_record_follows_base_url(self):
        site = Site.objects.get(is_default_site=True)
        self.assertEqual((site.hostname, site.port), ("gesunde-kommune.example", 443))
        self.assertEqual(site.root_url, ORIGIN)

    def test_sitemap(self):
        for host in (OTHER_HOST, "testserver"):
            tree = ElementTree.fromstring(self.get("/sitemap.xml", host).content)  # noqa: S314
            locs = [loc.text for loc in tree.iterfind(".//sm:loc", SITEMAP_NS)]
            self.assertIn(f"{ORIGIN}/de/veranstaltungen/regionalwerkstatt-erfurt/", locs)
            self.assertTrue(all(loc.startswith(ORIGIN + "/") for loc in locs), locs)

    def test_robots_txt(self):
        self.assertIn(f"Sitemap: {ORIGIN}/sitemap.xml", self.get("/robots.txt").content.decode())

    def test_rss(self):
        feed = feedparser.parse(self.get("/de/aktuelles/feed/").content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        self.assertEqual(feed.feed.link, f"{ORIGIN}/de/aktuelles/")
        (entry,) = feed.entries
        self.assertEqual(entry.link, f"{ORIGIN}/de/aktuelles/neue-partnerkommune-gera/")
        self.assertEqual(entry.id, entry.link)
        self.assertNotIn(OTHER_HOST, self.get("/de/aktuelles/feed/").content.decode())

    def test_canonical_and_hreflang_links(self):
        for url in (self.event.url, "/de/veranstaltungen/", "/de/suche/?q=Werkstatt"):
            with self.subTest(url=url):
                links = canonical_and_alternates(self.get(url).content.decode())
                self.assertTrue(links, url)
                self.assertTrue(all(link.startswith(ORIGIN + "/") for link in links), links)
        links = canonical_and_alternates(self.get(self.event.url).content.decode())
        self.assertIn(f"{ORIGIN}/en/veranstaltungen/regionalwerkstatt-erfurt/", links)

    def test_ical_urls_use_the_origin_and_uids_no_host_at_all(self):
        uids = {}
        for host in (OTHER_HOST, "testserver"):
            calendar = Calendar.from_ical(self.get("/de/veranstaltungen/feed.ics", host).content)
            (event,) = calendar.walk("VEVENT")
            self.assertEqual(str(event["URL"]), f"{ORIGIN}{self.event.url}")
            uids[host] = str(event["UID"])
        self.assertEqual(uids[OTHER_HOST], uids["testserver"])
        self.assertEqual(uids[OTHER_HOST], f"event-{self.event.translation_key}-de@gesunde-kommune")
        single = Calendar.from_ical(self.get(self.event.url + "ics/").content)
        self.assertEqual(str(single.walk("VEVENT")[0]["UID"]), uids[OTHER_HOST])


class UidStabilityTests(TestCase):
    def test_uid_survives_a_change_of_base_url_and_differs_per_language(self):
        tree = build_tree()
        event = EventPageFactory(parent=tree.events, title="Fachtag Jena")
        translate(tree.events, "en")
        english = translate(event, "en")

        def uids(url: str) -> list[str]:
            response = self.client.get(url)
            return [str(e["UID"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]

        before = uids(event.url + "ics/")
        self.addCleanup(Site.clear_site_root_paths_cache)
        with override_settings(BASE_URL=ORIGIN):
            call_command("migrate", verbosity=0)
            after = uids(event.url + "ics/")
        self.assertEqual(before, after)
        self.assertNotEqual(uids(english.url + "ics/"), before)


class BaseUrlCheckTests(TestCase):
    def test_unusable_base_urls_are_reported(self):
        for value in (
            "gesunde-kommune.example",
            "ftp://gesunde-kommune.example",
            "https://gesunde-kommune.example/portal",
            "https://gesunde-kommune.example:8443",
            "http://gesunde-kommune.example:443",
        ):
            with self.subTest(value=value), override_settings(BASE_URL=value):
                errors = check_base_url()
                self.assertEqual([e.id for e in errors], ["home.E001"], value)
                self.assertIsInstance(errors[0], checks.Error)
        for value in ("https://gesunde-kommune.example", "http://127.0.0.1:8000"):
            with override_settings(BASE_URL=value):
                self.assertEqual(check_base_url(), [], value)


def test_settings_derive_the_admin_base_url_from_base_url():
    """The environment decides (a real interpreter reading config.settings)."""
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.BASE_URL, settings.WAGTAILADMIN_BASE_URL)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    env.pop("WAGTAILADMIN_BASE_URL", None)

    def run(**extra: str) -> str:
        result = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
            [sys.executable, "-c", code],
            env={**env, **extra},
            capture_output=True,
            text=True,
            check=True,
            cwd=settings.BASE_DIR,
        )
        return result.stdout.strip()

    assert (
        run(BASE_URL="https://portal.example/") == "https://portal.example https://portal.example"
    )
    assert (
        run(BASE_URL="https://portal.example", WAGTAILADMIN_BASE_URL="https://redaktion.example")
        == "https://portal.example https://redaktion.example"
    )
