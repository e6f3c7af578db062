"""Expiry holds at request time on every public channel, without the cron job.

Each "Verfallen" page below is live with its expiry date ("Veröffentlicht bis")
in the past, and ``manage.py publish_scheduled`` has NOT run: Wagtail still
calls it live. Each "Gültig" page expires tomorrow and is the control that
proves the channel under test shows such pages at all.

"Time passes" by moving the expiry date into the past and saving the page, the
way the search index sees a date that has passed (no clock-faking library)."""

import re
from datetime import date, datetime, timedelta
from urllib.parse import urlparse
from xml.etree import ElementTree

import feedparser
from icalendar import Calendar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.utils import timezone

from wagtail.models import Page

from criteria.models import CriterionPage
from editorial.roles import MODERATION
from editorial.states import PageState, page_state
from events.models import EventCriterion, EventPage, EventRegion
from news.models import NewsRegion
from regions.models import RegionCriterion
from tests.factories import (
    CriterionPageFactory,
    EventPageFactory,
    NewsPageFactory,
    RegionPageFactory,
    StandardPageFactory,
    bundesland,
    restrict_to_group,
    translate,
)
from tests.helpers import json_ld, page_links, page_text

from .ui_support import PASSWORD, ui_site, ui_user

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
GONE = "Verfallen"
KEPT = "Gültig"


def expire(page: Page) -> Page:
    """Move the expiry date of a live page into the past, as time passing would."""
    page.expire_at = timezone.now() - timedelta(minutes=5)
    page.save()
    return page


def hreflang_alternates(response) -> list[str]:
    """The paths of the ``<link rel="alternate" hreflang>`` elements."""
    found = re.findall(
        r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"', response.content.decode()
    )
    return [urlparse(url).path for url in found]


def aware(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


class ExpiryChannelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = tree = ui_site()
        tomorrow = timezone.now() + timedelta(days=1)
        thueringen, sachsen = bundesland("thueringen"), bundesland("sachsen")

        def kept(factory, **kwargs):
            return factory(expire_at=tomorrow, **kwargs)

        def gone(factory, **kwargs):
            return expire(factory(**kwargs))

        cls.region = kept(
            RegionPageFactory,
            parent=tree.regions,
            title=f"Landkreis {KEPT}",
            bundesland=thueringen,
            intro="Zeitfenster der Kommune.",
            tags=["Zeitfenster"],
        )
        cls.region_gone = gone(
            RegionPageFactory,
            parent=tree.regions,
            title=f"Landkreis {GONE}",
            bundesland=sachsen,
            intro="Zeitfenster der Kommune.",
            tags=["Zeitfenster", "Verfallsprobe"],
        )
        cls.criterion = kept(
            CriterionPageFactory, parent=tree.criteria, title=f"Kriterium {KEPT}", number=1
        )
        cls.criterion_gone = gone(
            CriterionPageFactory, parent=tree.criteria, title=f"Kriterium {GONE}", number=2
        )
        cls.event = kept(
            EventPageFactory,
            parent=tree.events,
            title=f"Werkstatt {KEPT}",
            bundesland=thueringen,
            teaser="Zeitfenster für Präventionsketten.",
            tags=["Zeitfenster"],
        )
        cls.event_gone = EventPageFactory(
            parent=tree.events,
            title=f"Werkstatt {GONE}",
            start=aware(2031, 3, 10, 10),
            end=aware(2031, 3, 10, 16),
            bundesland=sachsen,
            teaser="Zeitfenster einer vergangenen Ausschreibung.",
            tags=["Zeitfenster", "Verfallsprobe"],
        )
        cls.news = kept(
            NewsPageFactory,
            parent=tree.news,
            title=f"Meldung {KEPT}",
            teaser="Zeitfenster im Partnerprozess.",
            tags=["Zeitfenster"],
        )
        cls.news_gone = NewsPageFactory(
            parent=tree.news,
            title=f"Meldung {GONE}",
            date=date(2017, 5, 2),
            teaser="Zeitfenster einer alten Meldung.",
            tags=["Zeitfenster", "Verfallsprobe"],
        )
        # Inline links: the events and news point at regions and criteria.
        for event in (cls.event, cls.event_gone):
            for region in (cls.region, cls.region_gone):
                EventRegion.objects.create(page=event, region=region)
            for criterion in (cls.criterion, cls.criterion_gone):
                EventCriterion.objects.create(page=event, criterion=criterion)
        for news in (cls.news, cls.news_gone):
            NewsRegion.objects.create(page=news, region=cls.region)
        for criterion in (cls.criterion, cls.criterion_gone):
            RegionCriterion.objects.create(page=cls.region, criterion=criterion)
        RegionCriterion.objects.create(page=cls.region_gone, criterion=cls.criterion)
        # Linked, then expired: the search index sees the links' final state.
        expire(cls.event_gone)
        expire(cls.news_gone)

        # Menu, breadcrumbs, footer and language switcher.
        cls.standard = kept(
            StandardPageFactory, parent=tree.home, title=f"Seite {KEPT}", show_in_menus=True
        )
        cls.standard_gone = gone(
            StandardPageFactory, parent=tree.home, title=f"Seite {GONE}", show_in_menus=True
        )
        cls.below_gone = StandardPageFactory(parent=cls.standard_gone, title="Unterseite bleibt")
        cls.impressum = kept(
            StandardPageFactory, parent=tree.home, title="Impressum", slug="impressum"
        )
        cls.datenschutz = gone(
            StandardPageFactory, parent=tree.home, title="Datenschutz", slug="datenschutz"
        )
        cls.home_en = tree.translate_home()
        cls.standard_en = translate(cls.standard, "en")
        cls.region_en = expire(translate(cls.region, "en"))

        cls.gone_pages = [
            cls.region_gone,
            cls.criterion_gone,
            cls.event_gone,
            cls.news_gone,
            cls.standard_gone,
        ]
        cls.member = get_user_model().objects.create_user("mitglied", password=PASSWORD)

    def setUp(self):
        # The premise: publish_scheduled has not run, Wagtail calls them live.
        for page in self.gone_pages:
            page.refresh_from_db()
            self.assertTrue(page.live, page.title)
            self.assertFalse(page.expired, page.title)

    def get(self, url: str, status: int = 200, **params):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, status, url)
        return response

    def assert_shown(self, text: str, *, kept: list[str], gone: list[str], where: str = ""):
        for title in kept:
            self.assertIn(title, text, f"control {title!r} missing {where}")
        for title in gone:
            self.assertNotIn(title, text, f"expired {title!r} shown {where}")

    # -- the page itself ----------------------------------------------------

    def test_page_url_is_404_for_visitors_and_logged_in_non_editors(self):
        for user in (None, self.member):
            if user is not None:
                self.client.force_login(user)
            for page in self.gone_pages:
                with self.subTest(page=page.title, user=user):
                    self.get(page.url, 404)
            # Controls (with their JSON-LD) are served.
            response = self.get(self.event.url)
            self.assertEqual(json_ld(response)[0]["name"], self.event.title)
            self.get(self.news.url)
            self.get(self.region.url)

    def test_event_ics_sub_route_is_404(self):
        self.get(self.event_gone.url + "ics/", 404)
        body = self.get(self.event.url + "ics/").content
        self.assertEqual(
            [str(e["summary"]) for e in Calendar.from_ical(body).walk("VEVENT")],
            [self.event.title],
        )

    def test_sub_routes_of_an_expired_index_or_home_are_404(self):
        self.get("/de/aktuelles/feed/")
        self.get("/de/veranstaltungen/feed.ics")
        self.get("/de/schlagwort/zeitfenster/")
        self.assertIn("/de/aktuelles/", page_links(self.get("/de/")))
        for page in (self.tree.news, self.tree.events):
            expire(page)
        self.get("/de/aktuelles/feed/", 404)
        self.get("/de/veranstaltungen/feed.ics", 404)
        # The home page no longer links them ("Alle Nachrichten", "Alle Veranstaltungen").
        links = page_links(self.get("/de/"))
        self.assertNotIn("/de/aktuelles/", links)
        self.assertNotIn("/de/veranstaltungen/", links)
        expire(self.tree.home)
        self.get("/de/schlagwort/zeitfenster/", 404)
        self.get("/de/", 404)

    def test_restricted_expired_page_is_404_not_a_login_form(self):
        page = expire(StandardPageFactory(parent=self.tree.home, title="Intern Verfallen"))
        restrict_to_group(page, Group.objects.create(name="Netzwerk"))
        self.get(page.url, 404)

    def test_child_of_an_expired_page_is_served_as_under_an_unpublished_one(self):
        response = self.get(self.below_gone.url)
        self.assertNotIn(f"Seite {GONE}", page_text(response))  # breadcrumbs skip it

    # -- feeds and crawlers --------------------------------------------------

    def test_news_rss_feed(self):
        feed = feedparser.parse(self.get("/de/aktuelles/feed/").content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        titles = [entry.title for entry in feed.entries]
        self.assertEqual(titles, [self.news.title])

    def test_calendar_icalendar_feed(self):
        for params in ({}, {"schlagwort": "zeitfenster"}):
            body = self.get("/de/veranstaltungen/feed.ics", **params).content
            summaries = [str(e["summary"]) for e in Calendar.from_ical(body).walk("VEVENT")]
            self.assertEqual(summaries, [self.event.title], params)

    def test_sitemap(self):
        response = self.get("/sitemap.xml")
        tree = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap
        paths = {urlparse(loc.text).path for loc in tree.findall("sm:url/sm:loc", SITEMAP_NS)}
        for page in (self.event, self.news, self.region, self.criterion, self.standard):
            self.assertIn(page.url, paths)
        self.assertIn(self.below_gone.url, paths)  # as below an unpublished page
        for page in [*self.gone_pages, self.region_en, self.datenschutz]:
            self.assertNotIn(page.url, paths)

    # -- listings ------------------------------------------------------------

    def test_keyword_page(self):
        text = page_text(self.get("/de/schlagwort/zeitfenster/"))
        self.assert_shown(
            text,
            kept=[self.event.title, self.news.title, self.region.title],
            gone=[GONE],
        )
        # A keyword that only expired pages carry lists nothing.
        self.assertNotIn(GONE, page_text(self.get("/de/schlagwort/verfallsprobe/")))

    def test_calendar_and_its_filters(self):
        response = self.get("/de/veranstaltungen/")
        self.assert_shown(page_text(response), kept=[self.event.title], gone=[GONE])
        form = response.context["filter_form"]
        # The expired event alone is in 2031 and carries "Verfallsprobe".
        self.assertNotIn(2031, [value for value, _label in form.fields["jahr"].choices])
        tags = {tag.slug for tag in form.fields["schlagwort"].queryset}
        self.assertEqual(tags, {"zeitfenster"})

    def test_news_list(self):
        text = page_text(self.get("/de/aktuelles/"))
        self.assert_shown(text, kept=[self.news.title], gone=[GONE])

    def test_region_list_and_region_page_lists(self):
        text = page_text(self.get("/de/regionen/"))
        self.assert_shown(text, kept=[self.region.title], gone=[GONE])
        # The region page lists its events, news and criteria.
        text = page_text(self.get(self.region.url))
        self.assert_shown(
            text,
            kept=[self.event.title, self.news.title, self.criterion.title],
            gone=[GONE],
        )

    def test_criteria_list_and_criterion_page_lists(self):
        text = page_text(self.get("/de/good-practice-kriterien/"))
        self.assert_shown(text, kept=[self.criterion.title], gone=[GONE])
        text = page_text(self.get(self.criterion.url))
        self.assert_shown(text, kept=[self.event.title, self.region.title], gone=[GONE])

    def test_home_page_teasers(self):
        for user in (None, self.member):
            if user is not None:
                self.client.force_login(user)
            text = page_text(self.get("/de/"))
            self.assert_shown(
                text,
                kept=[self.event.title, self.news.title, self.region.title],
                gone=[GONE],
                where=f"on the home page ({user})",
            )

    def test_inline_links_to_expired_pages(self):
        response = self.get(self.event.url)
        self.assert_shown(
            page_text(response),
            kept=[self.region.title, self.criterion.title],
            gone=[GONE],
        )
        links = page_links(response)
        for page in (self.region_gone, self.criterion_gone):
            self.assertNotIn(page.url, links)

    # -- navigation ----------------------------------------------------------

    def test_main_menu_and_footer(self):
        links = page_links(self.get("/de/"))
        self.assertIn(self.standard.url, links)
        self.assertNotIn(self.standard_gone.url, links)
        self.assertIn(self.impressum.url, links)
        self.assertNotIn(self.datenschutz.url, links)

    def test_language_switcher_and_hreflang_skip_an_expired_translation(self):
        # Control: the standard page's English translation is linked.
        response = self.get(self.standard.url)
        self.assertIn(self.standard_en.url, page_links(response))
        self.assertIn(self.standard_en.url, hreflang_alternates(response))
        # The region's English translation has expired: the switcher offers the nearest
        # translated ancestor (the English region list), which says why.
        response = self.get(self.region.url)
        links = page_links(response)
        self.assertNotIn(self.region_en.url, links)
        self.assertIn("/en/regionen/?nicht-uebersetzt=1", links)
        self.assertEqual(hreflang_alternates(response), [])
        # Once the English home page has expired too, there is no English link at all.
        expire(self.home_en)
        links = page_links(self.get(self.region.url))
        self.assertFalse([link for link in links if link.startswith("/en/")], links)

    # -- search ----------------------------------------------------------------

    def test_search_results_totals_and_facets(self):
        response = self.get("/de/suche/", q="Zeitfenster")
        hits = [hit.title for hit in response.context["hits"]]
        self.assertEqual(
            sorted(hits), sorted([self.event.title, self.news.title, self.region.title])
        )
        self.assertEqual(response.context["search_results"].paginator.count, 3)
        facets = {
            group["name"]: {o["value"]: o["count"] for o in group["options"]}
            for group in response.context["facet_groups"]
        }
        self.assertEqual(facets["typ"], {"veranstaltung": 1, "aktuelles": 1, "region": 1})
        self.assertNotIn("sachsen", facets["bundesland"])
        self.assertEqual(facets["schlagwort"], {"zeitfenster": 3})
        self.assertNotIn("2031", {str(year) for year in facets.get("jahr", {})})
        self.assertNotIn("2017", {str(year) for year in facets.get("jahr", {})})

    def test_search_suggestions(self):
        for query in ("Werkstatt", "Meldung", "Landkreis"):
            response = self.get("/de/suche/vorschlaege/", q=query)
            titles = [s["title"] for s in response.json()["suggestions"]]
            self.assertIn(f"{query} {KEPT}", titles, query)
            self.assertNotIn(f"{query} {GONE}", titles, query)

    # -- the admin -------------------------------------------------------------

    def test_editors_see_it_in_the_admin_as_abgelaufen(self):
        self.assertEqual(page_state(self.event_gone), PageState.ABGELAUFEN)
        self.assertEqual(page_state(self.event), PageState.VEROEFFENTLICHT)
        self.client.force_login(ui_user("moderatorin", MODERATION))
        self.assertNotIn("Abgelaufen", page_text(self.get(f"/admin/pages/{self.event.pk}/edit/")))
        response = self.get(f"/admin/pages/{self.event_gone.pk}/edit/")
        self.assertIn("Abgelaufen", page_text(response))
        listing = page_text(self.get(f"/admin/pages/{self.tree.events.pk}/"))
        self.assertIn(self.event_gone.title, listing)
        self.assertIn("Abgelaufen", listing)
        # The editor can still look at it.
        draft = self.get(f"/admin/pages/{self.event_gone.pk}/view_draft/")
        self.assertIn(self.event_gone.title, page_text(draft))

    def test_publish_scheduled_later_withdraws_it_for_real(self):
        # After publish_scheduled the page is withdrawn for real; still Abgelaufen.
        from django.core.management import call_command

        call_command("publish_scheduled", verbosity=0)
        event = EventPage.objects.get(pk=self.event_gone.pk)
        self.assertFalse(event.live)
        self.assertEqual(page_state(event), PageState.ABGELAUFEN)
        self.assertTrue(CriterionPage.objects.get(pk=self.criterion.pk).live)
