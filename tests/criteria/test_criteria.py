"""The Good Practice criteria: the numbered list and one criterion with its links."""

from django.test import TestCase

from events.models import EventCriterion
from regions.models import RegionCriterion
from tests.factories import (
    CriterionPageFactory,
    EventPageFactory,
    RegionPageFactory,
    build_tree,
)
from tests.factories.pages import paragraph
from tests.helpers import page_links, page_text, text_order


class CriteriaTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        parent = cls.tree.criteria
        # Created out of order: the list must sort by number, not by creation.
        cls.partizipation = CriterionPageFactory(
            parent=parent,
            title="Partizipation",
            number=5,
            definition="<p>Beteiligung der Zielgruppen an Planung und Umsetzung.</p>",
        )
        cls.konzeption = CriterionPageFactory(
            parent=parent,
            title="Konzeption",
            number=1,
            definition="<p>Ein klarer Zusammenhang zwischen Zielen und Maßnahmen.</p>",
        )
        cls.vernetzung = CriterionPageFactory(
            parent=parent,
            title="Integriertes Handeln",
            number=9,
            former_name="Integriertes Handlungskonzept / Vernetzung",
            definition="<p>Ressortübergreifende Zusammenarbeit.</p>",
            levels=[
                ("stage", {"name": "Stufe 1: Information", "description": "Man informiert sich."}),
                ("stage", {"name": "Stufe 2: Kooperation", "description": "Man plant gemeinsam."}),
            ],
            explanation="<p>Netzwerke sind die Grundlage von Präventionsketten.</p>",
        )
        CriterionPageFactory(parent=parent, title="Ungeprüfter Entwurf", number=12, live=False)

        cls.event = EventPageFactory(
            parent=cls.tree.events,
            title="Werkstatt Vernetzung",
            criterion_links=[EventCriterion(criterion=cls.vernetzung)],
        )
        cls.other_event = EventPageFactory(parent=cls.tree.events, title="Werkstatt Ohne Bezug")
        cls.region = RegionPageFactory(
            parent=cls.tree.regions,
            title="Landkreis Vernetzt",
            criterion_links=[RegionCriterion(criterion=cls.vernetzung)],
            body=paragraph("<p>Beispiel.</p>"),
        )
        cls.other_region = RegionPageFactory(parent=cls.tree.regions, title="Stadt Ohne Bezug")

    def test_list_shows_the_criteria_in_number_order(self):
        response = self.client.get("/de/good-practice-kriterien/")
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        positions = text_order(text, ["Konzeption", "Partizipation", "Integriertes Handeln"])
        self.assertEqual(positions, sorted(positions), text)
        self.assertNotIn("Ungeprüfter Entwurf", text)
        self.assertEqual([c.number for c in response.context["criteria"]], [1, 5, 9])
        links = page_links(response)
        for criterion in (self.konzeption, self.partizipation, self.vernetzung):
            self.assertIn(criterion.url, links)

    def test_criterion_page_shows_its_facts(self):
        response = self.client.get(self.vernetzung.url)
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        for fact in (
            "Integriertes Handeln",
            "9",
            "Integriertes Handlungskonzept / Vernetzung",
            "Ressortübergreifende Zusammenarbeit.",
            "Stufe 1: Information",
            "Man plant gemeinsam.",
            "Netzwerke sind die Grundlage von Präventionsketten.",
        ):
            self.assertIn(fact, text)

    def test_criterion_page_lists_the_events_and_regions_that_link_to_it(self):
        response = self.client.get(self.vernetzung.url)
        text = page_text(response)
        links = page_links(response)
        self.assertIn("Werkstatt Vernetzung", text)
        self.assertIn(self.event.url, links)
        self.assertIn("Landkreis Vernetzt", text)
        self.assertIn(self.region.url, links)
        self.assertNotIn("Werkstatt Ohne Bezug", text)
        self.assertNotIn("Stadt Ohne Bezug", text)

    def test_unpublished_events_drop_out_of_the_criterion_page(self):
        self.event.unpublish()
        text = page_text(self.client.get(self.vernetzung.url))
        self.assertNotIn("Werkstatt Vernetzung", text)

    def test_event_page_links_back_to_the_criterion(self):
        response = self.client.get(self.event.url)
        self.assertIn(self.vernetzung.url, page_links(response))
