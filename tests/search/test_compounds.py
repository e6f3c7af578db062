"""Compound words (issue #13): the database index holds the parts of each word
that search/compounds.txt lists (search.german.decompound, Lucene's dictionary
decompounder), so "Förderung" finds "Gesundheitsförderung". The view tests run
on SQLite and on PostgreSQL alike; what is displayed stays the original text."""

from unittest import mock

from django.db import connection
from django.test import SimpleTestCase, TestCase

from search import german
from search.highlight import passage, terms_pattern
from search.models import SearchWord
from tests.factories import StandardPageFactory, build_tree
from tests.factories.pages import paragraph

from .content import SUGGEST_URL, URL


class DecompoundTests(SimpleTestCase):
    def test_compound_gives_its_listed_parts(self):
        self.assertEqual(german.decompound("gesundheitsförderung"), ["gesundheit", "förderung"])
        self.assertEqual(german.decompound("präventionsketten"), ["prävention", "kette"])

    def test_case_does_not_matter_and_parts_are_lower_case(self):
        self.assertEqual(german.decompound("GesundheitsFÖRDERUNG"), ["gesundheit", "förderung"])

    def test_word_without_listed_part_gives_nothing(self):
        self.assertEqual(german.decompound("vernetzungsstruktur"), [])

    def test_listed_word_alone_is_its_own_part(self):
        # Lucene emits a dictionary word found at position 0 with the full length too.
        self.assertEqual(german.decompound("kette"), ["kette"])

    def test_parts_in_lucene_order_overlapping_and_repeated(self):
        with self._dictionary({"ab", "abc", "bc", "cab"}):
            # Each start position, then each length: overlapping parts all count.
            self.assertEqual(german.decompound("abcab"), ["ab", "abc", "bc", "cab", "ab"])

    def test_word_shorter_than_five_letters_is_not_split(self):
        with self._dictionary({"amt"}):
            self.assertEqual(german.decompound("amts"), [])
            self.assertEqual(german.decompound("amtes"), ["amt"])

    def test_parts_have_two_to_fifteen_letters(self):
        fifteen, sixteen = "a" * 14 + "b", "c" * 15 + "d"
        with self._dictionary({"x", "xy", fifteen, sixteen}):
            self.assertEqual(german.decompound("xyxyz"), ["xy", "xy"])
            self.assertEqual(german.decompound(f"{fifteen}{sixteen}"), [fifteen])

    def test_spelled_out_umlauts_are_folded_before_splitting(self):
        self.assertEqual(
            german.compound_parts("Die Praeventionskette der Gesundheitsfoerderung"),
            ["prävention", "kette", "gesundheit", "förderung"],
        )

    def test_index_text_holds_the_stems_of_the_parts(self):
        self.assertEqual(
            german.index_text("Gesundheitsförderung vor Ort").split(),
            ["gesundheitsforder", "ort", "gesund", "forder"],  # "vor": a stop word,
        )

    def test_with_parts_appends_them(self):
        self.assertEqual(
            german.with_parts("Praeventionskette"), "Praeventionskette prävention kette"
        )
        self.assertEqual(german.with_parts("Vernetzung"), "Vernetzung")

    @staticmethod
    def _dictionary(words):
        """search/compounds.txt replaced by ``words`` (and the cache emptied)."""
        german._decompound.cache_clear()
        patch = mock.patch.object(german, "_COMPOUND_SET", frozenset(words))

        class Context:
            def __enter__(self):
                patch.start()

            def __exit__(self, *exc):
                patch.stop()
                german._decompound.cache_clear()

        return Context()


def hits(client, query: str) -> dict[str, str]:
    """Title -> snippet of the hits of ``query``."""
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return {hit.title: str(hit.snippet) for hit in response.context["hits"]}


class CompoundSearchTests(TestCase):
    """On whichever database the suite runs (CI: SQLite and PostgreSQL)."""

    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        StandardPageFactory(
            parent=tree.home,
            title="Angebote vor Ort",
            body=paragraph("<p>Kommunale Gesundheitsförderung beginnt im Stadtteil.</p>"),
        )
        StandardPageFactory(
            parent=tree.home,
            title="Gemeinsam planen",
            body=paragraph("<p>Die Praeventionskette der Kommune wächst.</p>"),
        )
        StandardPageFactory(
            parent=tree.home,
            title="Jugendbeteiligung",
            body=paragraph("<p>Junge Menschen reden mit.</p>"),
        )
        StandardPageFactory(
            parent=tree.home,
            title="Ohne Zusammensetzung",
            body=paragraph("<p>Gesundheit im Stadtteil: ein Netz aus Hilfen.</p>"),
        )

    def test_part_finds_the_compound_in_the_body(self):
        found = hits(self.client, "Förderung")
        # The home page's intro says "Gesundheitsförderung" too.
        self.assertEqual(set(found), {"Angebote vor Ort", "Gesunde Kommune"}, connection.vendor)
        # The snippet is the original text around the compound, not the indexed parts.
        self.assertIn(
            "Kommunale <mark>Gesundheitsförderung</mark> beginnt", found["Angebote vor Ort"]
        )
        self.assertNotIn("gesundheit förderung", found["Angebote vor Ort"])

    def test_part_finds_the_compound_with_spelled_out_umlauts(self):
        found = hits(self.client, "Kette")
        self.assertEqual(set(found), {"Gemeinsam planen"}, connection.vendor)
        self.assertIn("Die <mark>Praeventionskette</mark> der Kommune", found["Gemeinsam planen"])
        self.assertNotIn("Präventionskette", found["Gemeinsam planen"])

    def test_umlaut_part_of_spelled_out_compound_matches_as_a_whole_word(self):
        # "Prävention" is not the last word, so it must match a whole indexed word:
        # the part "prävention" of the folded "Präventionskette".
        self.assertEqual(set(hits(self.client, "Prävention Kommune")), {"Gemeinsam planen"})

    def test_part_finds_the_compound_in_the_title(self):
        self.assertEqual(set(hits(self.client, "Beteiligung")), {"Jugendbeteiligung"})

    def test_query_compound_is_not_split(self):
        # Only the index is decompounded: "Gesundheitsförderung" does not find the
        # page that says "Gesundheit" alone.
        with_compound = {"Angebote vor Ort", "Gesunde Kommune"}
        self.assertEqual(set(hits(self.client, "Gesundheitsförderung")), with_compound)
        self.assertEqual(
            set(hits(self.client, "Gesundheit")), with_compound | {"Ohne Zusammensetzung"}
        )

    def test_title_suggestions_start_with_what_was_typed_not_with_a_part(self):
        def suggested(typed):
            response = self.client.get(SUGGEST_URL, {"q": typed})
            return {item["title"] for item in response.json()["suggestions"]}

        self.assertIn("Jugendbeteiligung", suggested("Jugendb"))
        self.assertNotIn("Jugendbeteiligung", suggested("Beteil"))

    def test_word_table_holds_the_words_not_the_parts(self):
        words = set(SearchWord.objects.values_list("word", flat=True))
        self.assertLessEqual({"gesundheitsförderung", "präventionskette", "gesundheit"}, words)
        self.assertFalse(words & {"förderung", "prävention", "kette", "beteiligung"}, words)
        self.assertEqual(
            SearchWord.objects.get(word="präventionskette").spelling, "Präventionskette"
        )


class CompoundSnippetTests(SimpleTestCase):
    def test_part_marks_the_whole_compound(self):
        out = str(
            passage(["Viel Gesundheitsfoerderung vor Ort."], "Teaser", terms_pattern("Förderung"))
        )
        self.assertEqual(out, "Viel <mark>Gesundheitsfoerderung</mark> vor Ort.")

    def test_short_query_word_marks_only_word_starts(self):
        # "Ki" begins the part "kinder" but is too short to be looked for inside words.
        self.assertEqual(
            str(passage(["Ein Kiosk im Park."], "", terms_pattern("Ki"))).count("<mark>"), 1
        )
        self.assertNotIn("<mark>", str(passage(["Die Stadtkinder."], "", terms_pattern("Ki"))))
        self.assertIn(
            "<mark>Stadtkinder</mark>",
            str(passage(["Die Stadtkinder."], "", terms_pattern("Kind"))),
        )

    def test_word_that_is_no_listed_part_marks_only_word_starts(self):
        # "Struktur" is not in search/compounds.txt: the index does not find
        # "Vernetzungsstruktur" by it, so the snippet does not mark it either.
        pattern = terms_pattern("Struktur")
        self.assertEqual(
            str(passage(["Eine Vernetzungsstruktur."], "", pattern)), "Eine Vernetzungsstruktur."
        )
        self.assertIn("<mark>Strukturen</mark>", str(passage(["Neue Strukturen."], "", pattern)))
