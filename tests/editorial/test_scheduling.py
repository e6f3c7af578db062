"""Go-live and expiry dates: `manage.py publish_scheduled` publishes and withdraws,
and a withdrawn page vanishes from every public list, feed, sitemap and search.

No clock-faking library is installed: dates are set relative to now, and "time
passes" by moving a date into the past before running the command again."""

from datetime import timedelta

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from wagtail.models import Page

from editorial.states import PageState, page_state
from events.models import EventPage
from tests.factories import EventPageFactory, NewsPageFactory

from .ui_support import ui_site

EVENT_URLS = ["/de/veranstaltungen/", "/de/veranstaltungen/feed.ics", "/sitemap.xml"]
NEWS_URLS = ["/de/aktuelles/", "/de/aktuelles/feed/", "/sitemap.xml"]


def publish_scheduled():
    call_command("publish_scheduled", verbosity=0)


class ScheduledPublishingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.control_event = EventPageFactory(parent=cls.tree.events, title="Fachtag Kontrollgruppe")
        cls.control_news = NewsPageFactory(parent=cls.tree.news, title="Nachricht Kontrollgruppe")

    def assert_public(self, page, word: str, public: bool):
        url = page.url
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200 if public else 404, url)
        search = self.client.get("/de/suche/", {"q": word})
        self.assertEqual(search.status_code, 200)
        # The query itself is echoed on the results page; look for the title.
        self.assertEqual(page.title in search.content.decode(), public, "Suche")
        list_urls = EVENT_URLS if isinstance(page.specific, EventPage) else NEWS_URLS
        for list_url in list_urls:
            with self.subTest(list_url=list_url, public=public):
                body = self.client.get(list_url).content.decode()
                # The control pages prove each list is not simply empty.
                self.assertTrue("Kontrollgruppe" in body or "kontrollgruppe" in body, list_url)
                self.assertEqual(word in body or page.slug in body, public, list_url)

    def test_expired_event_and_news_disappear_after_publish_scheduled(self):
        event = EventPageFactory(parent=self.tree.events, title="Werkstatt Ablaufdatum")
        news = NewsPageFactory(parent=self.tree.news, title="Meldung Ablaufdatum")
        self.assert_public(event, "Ablaufdatum", True)
        past = timezone.now() - timedelta(minutes=1)
        Page.objects.filter(pk__in=[event.pk, news.pk]).update(expire_at=past)

        publish_scheduled()

        for page in (event, news):
            page.refresh_from_db()
            self.assertFalse(page.live)
            self.assertTrue(page.expired)
            self.assertEqual(page_state(page), PageState.ABGELAUFEN)
            self.assert_public(page, "Ablaufdatum", False)
        # The control pages stay.
        self.control_event.refresh_from_db()
        self.assertTrue(self.control_event.live)

    def test_future_go_live_waits_for_its_time(self):
        news = NewsPageFactory(parent=self.tree.news, title="Meldung Starttermin", live=False)
        news.go_live_at = timezone.now() + timedelta(hours=2)
        revision = news.save_revision()
        revision.publish()
        news.refresh_from_db()
        self.assertFalse(news.live)
        self.assertEqual(page_state(news), PageState.GEPLANT)

        publish_scheduled()  # too early: nothing happens
        news.refresh_from_db()
        self.assertFalse(news.live)
        self.assert_public(news, "Starttermin", False)

        # Two hours later ...
        earlier = timezone.now() - timedelta(minutes=1)
        revision.refresh_from_db()
        revision.content["go_live_at"] = earlier.isoformat()
        revision.approved_go_live_at = earlier
        revision.save(update_fields=["content", "approved_go_live_at"])
        Page.objects.filter(pk=news.pk).update(go_live_at=earlier)
        publish_scheduled()

        news.refresh_from_db()
        self.assertTrue(news.live)
        self.assertEqual(page_state(news), PageState.VEROEFFENTLICHT)
        self.assert_public(news, "Starttermin", True)

    def test_expiry_in_the_future_keeps_the_page(self):
        event = EventPageFactory(parent=self.tree.events, title="Seminar Zukunft")
        Page.objects.filter(pk=event.pk).update(expire_at=timezone.now() + timedelta(days=1))
        publish_scheduled()
        event.refresh_from_db()
        self.assertTrue(event.live)
        self.assert_public(event, "Zukunft", True)
