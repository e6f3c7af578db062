"""A criterion page lists the (up to five) public practice examples of its
language with the highest level on it, ties by title; never drafts, restricted
or expired examples, never another language's."""

from django.test import TestCase

from tests.factories import CriterionPageFactory, PracticePageFactory, publish, translate
from tests.helpers import page_links, page_text, text_order
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

    def test_no_section_without_examples(self):
        lonely = CriterionPageFactory(parent=self.world.tree.criteria, number=7, title="Setting")
        self.assertNotIn(HEADING, page_text(self.client.get(lonely.url)))
