"""A criterion page lists the (up to five) public practice examples of its
language with the highest level on it, ties by title; never drafts, restricted
or expired examples, never another language's."""

from django.test import TestCase

from tests.factories import (
    CriterionPageFactory,
    PracticePageFactory,
    RegionPageFactory,
    publish,
    translate,
)
from tests.helpers import count_queries, page_links, page_text, text_order
from tests.practice.world import PARTICIPATION_STAGES, World, build_world

HEADING = "Praxisbeispiele, die hier am weitesten sind"


class StrongestExamplesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = world = build_world()

        def example(title, level):
            return PracticePageFactory(
                parent=world.index, title=title, assessments={world.partizipation: level}
            )

        cls.aachen = example("Aktiv in Aachen", 4)
        cls.bonn = example("Bonn bewegt", 4)
        cls.celle = example("Celle kocht", 3)
        cls.zwickau = example("Zwickau informiert", 1)

    def test_five_strongest_in_order(self):
        response = self.client.get(self.world.partizipation.url)
        shown = [page.title for page in response.context["strongest_examples"]]
        self.assertEqual(
            shown,
            [
                "Aktiv in Aachen",
                "Bonn bewegt",
                "Gesund essen in Weimar",
                "Bewegte Kita Gera",
                "Celle kocht",
            ],
        )
        text = page_text(response)
        self.assertIn(HEADING, text)
        positions = text_order(text, shown)
        self.assertEqual(positions, sorted(positions))
        self.assertIn("Stufe 4 von 4: Selbstorganisation", text)
        self.assertIn(self.aachen.url, page_links(response))

    def test_hidden_examples_never_listed(self):
        for page in (self.aachen, self.bonn, self.celle):
            page.unpublish()
        text = page_text(self.client.get(self.world.partizipation.url))
        for hidden in World.HIDDEN + ("Aktiv in Aachen",):
            self.assertNotIn(hidden, text)
        self.assertIn("Zwickau informiert", text)  # now among the five

    def test_other_criterion_lists_its_own(self):
        response = self.client.get(self.world.vernetzung.url)
        self.assertEqual(
            [page.title for page in response.context["strongest_examples"]],
            ["Bewegung im Quartier Hannover", "Bewegte Kita Gera"],
        )

    def test_english_criterion_lists_english_examples(self):
        self.world.tree.translate_home()
        translate(self.world.index)
        gera_en = translate(self.world.gera)
        participation = translate(self.world.partizipation, live=False)
        participation.levels = PARTICIPATION_STAGES
        participation = publish(participation)
        response = self.client.get(participation.url)
        self.assertEqual([page.pk for page in response.context["strongest_examples"]], [gera_en.pk])
        self.assertIn("Co-determination", page_text(response))

    def test_english_list_names_the_kommune_by_its_english_region_page(self):
        # As the list cards and the example page do (practice.terms.regions_shown).
        self.world.tree.translate_home()
        translate(self.world.index)
        translate(self.world.gera)
        region_en = translate(self.world.region, live=False)
        region_en.title = "City of Gera"
        publish(region_en)
        participation = publish(translate(self.world.partizipation, live=False))
        text = page_text(self.client.get(participation.url))
        self.assertIn("Bewegte Kita Gera", text)
        self.assertIn("City of Gera", text)
        self.assertNotIn("Stadt Gera", text)

    def test_region_names_cost_the_same_queries_for_one_and_for_five(self):
        url = self.world.vernetzung.url
        few, response = count_queries(self.client, url)
        linked = [page for page in response.context["strongest_examples"] if page.region_id]
        self.assertEqual(len(linked), 1)
        for n in range(3):
            region = RegionPageFactory(parent=self.world.tree.regions, title=f"Kreis {n}")
            PracticePageFactory(
                parent=self.world.index,
                title=f"Beispiel {n}",
                region=region,
                municipality="",
                assessments={self.world.vernetzung: 3},
            )
        many, response = count_queries(self.client, url)
        shown = response.context["strongest_examples"]
        self.assertEqual(len(shown), 5)
        self.assertEqual(sum(1 for page in shown if page.region_id), 4)
        self.assertIn("Kreis 2", page_text(response))
        self.assertEqual(many, few)

    def test_no_section_without_examples(self):
        lonely = CriterionPageFactory(parent=self.world.tree.criteria, number=7, title="Setting")
        self.assertNotIn(HEADING, page_text(self.client.get(lonely.url)))
