"""English pages link the English versions of the pages they name (issue #12).

A translated page's inline links (criteria, regions) are copies of the German ones
and point to the German pages; English pages still show and link the English
criteria and regions, and an English region or criterion lists the English events
and news that name it."""

from django.test import TestCase

from events.models import EventCriterion, EventRegion
from news.models import NewsRegion
from regions.models import RegionCriterion
from tests.factories import (
    CriterionPageFactory,
    EventPageFactory,
    NewsPageFactory,
    RegionPageFactory,
    build_tree,
    publish,
    translate,
)
from tests.helpers import page_links, page_text


def english(page, title: str):
    """The published English translation of ``page`` with an English ``title``."""
    translation = translate(page)
    translation.title = title
    return publish(translation)


class EnglishLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.concept = CriterionPageFactory(
            parent=cls.tree.criteria, title="Konzeption", slug="konzeption", number=1
        )
        cls.untranslated = CriterionPageFactory(
            parent=cls.tree.criteria, title="Partizipation", slug="partizipation", number=5
        )
        cls.gera = RegionPageFactory(
            parent=cls.tree.regions,
            title="Gera",
            slug="gera",
            criterion_links=[
                RegionCriterion(criterion=cls.concept),
                RegionCriterion(criterion=cls.untranslated),
            ],
        )
        cls.event = EventPageFactory(
            parent=cls.tree.events,
            title="Werkstatt in Gera",
            slug="werkstatt-gera",
            region_links=[EventRegion(region=cls.gera)],
            criterion_links=[EventCriterion(criterion=cls.concept)],
        )
        cls.news = NewsPageFactory(
            parent=cls.tree.news,
            title="Gera tritt bei",
            slug="gera-tritt-bei",
            region_links=[NewsRegion(region=cls.gera)],
        )
        cls.tree.translate_home()
        cls.concept_en = english(cls.concept, "Concept")
        cls.gera_en = english(cls.gera, "Gera (city)")
        cls.event_en = english(cls.event, "Workshop in Gera")
        cls.news_en = english(cls.news, "Gera joins")

    def test_english_region_page_names_and_links_the_english_criterion(self):
        response = self.client.get(self.gera_en.url)
        text = page_text(response)
        self.assertIn("1. Concept", text)
        self.assertNotIn("Konzeption", text)
        links = page_links(response)
        self.assertIn(self.concept_en.url, links)
        self.assertNotIn(self.concept.url, links)
        # Without an English version the German criterion is still named and linked.
        self.assertIn("5. Partizipation", text)
        self.assertIn(self.untranslated.url, links)

    def test_english_region_page_lists_the_english_events_and_news(self):
        response = self.client.get(self.gera_en.url)
        events = [*response.context["upcoming_events"], *response.context["past_events"]]
        self.assertEqual([e.pk for e in events], [self.event_en.pk])
        self.assertEqual([n.pk for n in response.context["news"]], [self.news_en.pk])
        self.assertIn("Workshop in Gera", page_text(response))

    def test_english_event_page_links_english_criterion_and_region(self):
        response = self.client.get(self.event_en.url)
        links = page_links(response)
        self.assertIn(self.concept_en.url, links)
        self.assertIn(self.gera_en.url, links)
        self.assertNotIn(self.gera.url, links)
        self.assertIn("Gera (city)", page_text(response))

    def test_english_criterion_page_lists_english_events_and_regions(self):
        response = self.client.get(self.concept_en.url)
        self.assertEqual([e.pk for e in response.context["events"]], [self.event_en.pk])
        self.assertEqual([r.pk for r in response.context["regions"]], [self.gera_en.pk])

    def test_english_calendar_and_news_filter_by_the_english_region(self):
        calendar = self.client.get(self.event_en.get_parent().url, {"region": "gera"})
        self.assertEqual(calendar.context["filter_form"].errors, {})
        self.assertIn("Workshop in Gera", page_text(calendar))
        news_list = self.client.get(self.news_en.get_parent().url, {"region": "gera"})
        self.assertIn("Gera joins", page_text(news_list))
        choices = [str(v) for v, _label in calendar.context["filter_form"].fields["region"].choices]
        self.assertIn("gera", choices)
