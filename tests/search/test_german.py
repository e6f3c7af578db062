"""German full text: inflected forms, compounds, umlauts and ß. PostgreSQL uses
its ``german`` text-search configuration; SQLite indexes the same Snowball stems
(search.german), so these tests run on both."""

from django.test import TestCase

from tests.factories import StandardPageFactory
from tests.factories.pages import paragraph

from .content import URL, build_corpus


def found(client, query: str) -> set[str]:
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return {hit.title for hit in response.context["hits"]}


class GermanStemmingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)
        StandardPageFactory(
            parent=cls.tree.home,
            title="Straßenfest",
            body=paragraph("<p>Ein Fest auf der Straße für die Nachbarschaft.</p>"),
        )

    def test_plural_finds_singular(self):
        # "Kommunen" (query) finds pages that only say "Kommune".
        self.assertIn("Unsere Vision", found(self.client, "Kommunen"))

    def test_singular_finds_plural(self):
        # The event says "Kommunen" and "Präventionsketten".
        self.assertIn("Regionalwerkstatt Hannover", found(self.client, "Präventionskette"))

    def test_compound_finds_itself(self):
        self.assertEqual(found(self.client, "Vernetzungsstruktur"), {"Landkreis Gera"})

    def test_umlauts_with_and_without_spelling_out(self):
        self.assertIn("Neue Partnerkommunen in Thüringen", found(self.client, "Thüringen"))
        self.assertIn("Neue Partnerkommunen in Thüringen", found(self.client, "Thueringen"))
        self.assertIn("Neue Partnerkommunen in Thüringen", found(self.client, "thüringen"))

    def test_sharp_s_and_ss_are_equal(self):
        self.assertIn("Straßenfest", found(self.client, "Strasse"))
        self.assertIn("Straßenfest", found(self.client, "Straße"))

    def test_stop_words_alone_find_nothing_but_answer(self):
        self.assertEqual(found(self.client, "und der die"), set())

    def test_the_inflected_word_is_marked_in_the_snippet(self):
        response = self.client.get(URL, {"q": "Kommunen"})
        snippets = " ".join(str(hit.snippet) for hit in response.context["hits"])
        self.assertIn("<mark>Kommune</mark>", snippets)
