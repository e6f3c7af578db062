"""The Praxisdatenbank's list /de/praxisdatenbank/: filters (Bundesland,
Handlungsfeld, Lebensphase, criterion at level ≥ n), the English list's slugs,
pagination, bad input, privacy, and a query count that does not grow with the
number of examples."""

from django.test import TestCase

from practice.listing import EXAMPLES_PER_PAGE
from tests.factories import PracticePageFactory, publish, translate
from tests.helpers import count_queries, page_text

from .world import World, build_world

URL = "/de/praxisdatenbank/"


class ListFilterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def shown(self, query: str = "", url: str = URL) -> set[str]:
        response = self.client.get(url + query)
        self.assertEqual(response.status_code, 200)
        return {card["page"].title for card in response.context["cards"]}

    def test_unfiltered_list_shows_only_public_examples(self):
        self.assertEqual(
            self.shown(),
            {
                "Bewegte Kita Gera",
                "Gesund essen in Weimar",
                "Bewegung im Quartier Hannover",
                "Netzwerk Leipzig",
            },
        )
        text = page_text(self.client.get(URL))
        for hidden in World.HIDDEN:
            self.assertNotIn(hidden, text)
        self.assertIn("4 Praxisbeispiele", text)

    def test_bundesland_narrows(self):
        self.assertEqual(
            self.shown("?bundesland=thueringen"), {"Bewegte Kita Gera", "Gesund essen in Weimar"}
        )

    def test_handlungsfeld_narrows(self):
        self.assertEqual(
            self.shown("?handlungsfeld=bewegung"),
            {"Bewegte Kita Gera", "Bewegung im Quartier Hannover"},
        )

    def test_lebensphase_narrows(self):
        self.assertEqual(
            self.shown("?lebensphase=schulalter"), {"Gesund essen in Weimar", "Netzwerk Leipzig"}
        )

    def test_level_filter_is_at_least(self):
        self.assertEqual(
            self.shown("?kriterium=5&stufe=3"), {"Bewegte Kita Gera", "Gesund essen in Weimar"}
        )
        self.assertEqual(self.shown("?kriterium=5&stufe=4"), {"Gesund essen in Weimar"})
        self.assertEqual(self.shown("?kriterium=3&stufe=3"), {"Bewegung im Quartier Hannover"})
        # Without a level: assessed on the criterion at all.
        self.assertEqual(
            self.shown("?kriterium=3"), {"Bewegte Kita Gera", "Bewegung im Quartier Hannover"}
        )

    def test_filters_combine(self):
        query = "?bundesland=thueringen&handlungsfeld=bewegung&lebensphase=kita-alter"
        self.assertEqual(self.shown(query + "&kriterium=5&stufe=3"), {"Bewegte Kita Gera"})
        self.assertEqual(self.shown(query + "&kriterium=5&stufe=4"), set())
        text = page_text(self.client.get(URL + query + "&kriterium=5&stufe=4"))
        self.assertIn("Kein Praxisbeispiel entspricht den gewählten Filtern.", text)

    def test_empty_values_mean_no_filter(self):
        self.assertEqual(
            len(self.shown("?bundesland=&handlungsfeld=&lebensphase=&kriterium=&stufe=")), 4
        )

    def test_bad_input_gets_a_message_not_an_error(self):
        for query in (
            "?bundesland=atlantis",
            "?handlungsfeld=physical-activity",  # the English slug on the German list
            "?stufe=abc&kriterium=5",
            "?kriterium=99",
            "?stufe=3",  # a level without a criterion
            "?bundesland=thueringen&bundesland=sachsen",
            "?seite=abc",
        ):
            with self.subTest(query=query):
                response = self.client.get(URL + query)
                self.assertEqual(response.status_code, 200)
                if query != "?seite=abc":
                    self.assertIn(
                        "Mindestens ein Filter wurde nicht verstanden", page_text(response)
                    )

    def test_filter_controls_are_labelled(self):
        html = self.client.get(URL).content.decode()
        for name in ("bundesland", "handlungsfeld", "lebensphase", "kriterium", "stufe"):
            self.assertIn(f'<label for="id_{name}">', html)
        self.assertIn("<legend>Umsetzungsstufe bei einem Kriterium</legend>", html)
        self.assertIn('<button type="submit">', html)

    def test_links_to_open_data(self):
        response = self.client.get(URL + "?bundesland=thueringen")
        html = response.content.decode()
        self.assertIn('href="/de/praxisdatenbank/export.csv?bundesland=thueringen"', html)
        self.assertIn('href="/de/praxisdatenbank/export.json?bundesland=thueringen"', html)
        self.assertIn("Beschreibung der Felder", page_text(response))


class EnglishListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        cls.world.tree.translate_home()
        cls.index_en = translate(cls.world.index)
        cls.gera_en = translate(cls.world.gera)
        cls.hannover_en = translate(cls.world.hannover)
        # The German criterion translated: the English list offers it too.
        translate(cls.world.partizipation)
        cls.url = cls.index_en.url

    def shown(self, query: str = "") -> set[str]:
        response = self.client.get(self.url + query)
        self.assertEqual(response.status_code, 200, response.content[:300])
        return {card["page"].title for card in response.context["cards"]}

    def test_only_english_pages(self):
        response = self.client.get(self.url)
        self.assertEqual(
            {card["page"].title for card in response.context["cards"]},
            {"Bewegte Kita Gera", "Bewegung im Quartier Hannover"},
        )
        self.assertEqual({p.locale.language_code for p in response.context["examples"]}, {"en"})

    def test_cards_name_the_kommune_by_its_english_region_page(self):
        region_en = translate(self.world.region)
        region_en.title = "City of Gera"
        publish(region_en)
        response = self.client.get(self.url)
        kommune = {card["page"].title: card["kommune"] for card in response.context["cards"]}
        self.assertEqual(kommune["Bewegte Kita Gera"], "City of Gera")

    def test_english_slugs_filter(self):
        self.assertEqual(
            self.shown("?handlungsfeld=neighbourhood"), {"Bewegung im Quartier Hannover"}
        )
        self.assertEqual(self.shown("?lebensphase=pre-school-age"), {"Bewegte Kita Gera"})
        self.assertEqual(self.shown("?bundesland=niedersachsen"), {"Bewegung im Quartier Hannover"})
        self.assertEqual(self.shown("?kriterium=5&stufe=3"), {"Bewegte Kita Gera"})

    def test_german_slug_is_not_understood_on_the_english_list(self):
        response = self.client.get(self.url + "?handlungsfeld=bewegung")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(response.context["cards"]), [])
        self.assertTrue(response.context["filter_form"].errors)

    def test_terms_are_named_in_english(self):
        text = page_text(self.client.get(self.url))
        self.assertIn("Physical activity", text)
        self.assertIn("Pre-school age", text)
        self.assertNotIn("Kita-Alter", text)


class PaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        for n in range(EXAMPLES_PER_PAGE):
            PracticePageFactory(parent=cls.world.index, title=f"Zusatzbeispiel {n:02d}")

    def test_second_page_has_the_rest(self):
        total = EXAMPLES_PER_PAGE + 4
        first = self.client.get(URL)
        second = self.client.get(URL + "?seite=2")
        self.assertEqual(len(first.context["cards"]), EXAMPLES_PER_PAGE)
        self.assertEqual(len(second.context["cards"]), total - EXAMPLES_PER_PAGE)
        titles = {c["page"].title for c in first.context["cards"]} | {
            c["page"].title for c in second.context["cards"]
        }
        self.assertEqual(len(titles), total)
        self.assertIn('aria-current="page"', second.content.decode())
        # Out of range: the last page, not an error.
        self.assertEqual(self.client.get(URL + "?seite=99").status_code, 200)

    def test_filters_are_kept_across_pages(self):
        html = self.client.get(URL + "?bundesland=thueringen").content.decode()
        self.assertIn("?bundesland=thueringen&amp;seite=2", html)


class QueryCountTests(TestCase):
    """The list costs the same number of queries for 3 as for 10 examples."""

    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def count(self) -> tuple[int, int]:
        queries, response = count_queries(self.client, URL + "?kriterium=5")
        return queries, len(response.context["cards"])

    def test_constant_in_the_number_of_examples(self):
        few, shown = self.count()
        self.assertEqual(shown, 3)
        for n in range(7):
            PracticePageFactory(
                parent=self.world.index,
                title=f"Mehr {n}",
                handlungsfelder=["bewegung", "ernaehrung"],
                lebensphasen=["schulalter"],
                assessments={self.world.partizipation: 2},
            )
        many, shown = self.count()
        self.assertEqual(shown, 10)
        self.assertEqual(many, few)
