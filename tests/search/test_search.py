"""Site search /de/suche/: finds public pages of the active language; survives
hostile input."""

from django.test import TestCase

from tests.factories import StandardPageFactory, build_tree, translate
from tests.helpers import page_links, page_text

URL = "/de/suche/"


class SearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.page = StandardPageFactory(
            parent=cls.tree.home, title="Präventionsketten im Überblick", slug="ueberblick"
        )
        StandardPageFactory(parent=cls.tree.home, title="Präventionsketten Entwurf", live=False)
        cls.tree.translate_home()
        cls.page_en = translate(cls.page, "en")

    def test_finds_a_public_page_of_the_active_language(self):
        response = self.client.get(URL, {"q": "Präventionsketten"})
        self.assertEqual(response.status_code, 200)
        results = list(response.context["search_results"])
        self.assertEqual([p.pk for p in results], [self.page.pk])
        self.assertIn("Präventionsketten im Überblick", page_text(response))
        self.assertIn(self.page.url, page_links(response))

    def test_empty_query_shows_the_form_without_results(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(response.context["search_results"])

    def test_hostile_input_gets_an_answer_not_a_crash(self):
        for label, query in (
            ("null byte", "Präventions\x00ketten"),
            ("10,000 characters", "a" * 10_000),
            ("500 words", " ".join(f"wort{i}" for i in range(500))),
            ("only control characters", "\x00\x01\x1f"),
        ):
            with self.subTest(label):
                response = self.client.get(URL, {"q": query, "seite": "abc"})
                self.assertEqual(response.status_code, 200)

    def test_query_syntax_characters_get_an_answer_not_a_crash(self):
        for query in ('"', 'Kinder "Jugend', '"( OR AND NOT * : & | ! <-> \\'):
            response = self.client.get(URL, {"q": query})
            self.assertEqual(response.status_code, 200, query)

    def test_page_number_out_of_range(self):
        response = self.client.get(URL, {"q": "Präventionsketten", "seite": "999"})
        self.assertEqual(response.status_code, 200)
