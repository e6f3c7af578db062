"""A search that forgives (issue #12): the last word as a prefix, German stems
on both databases, umlauts spelled out, the passage as snippet, and spelling
suggestions from public words only."""

import io

import pytest
from fpdf import FPDF

from django.db import connection
from django.test import SimpleTestCase, TestCase

from materials import text
from search import german
from search.highlight import passage, terms_pattern
from tests import engine
from tests.factories import StandardPageFactory, build_tree
from tests.factories.pages import paragraph

from .content import URL, build_corpus


def titles(client, query: str) -> list[str]:
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return [hit.title for hit in response.context["hits"]]


class QueryWordsTests(SimpleTestCase):
    def test_last_word_is_a_prefix_from_three_letters(self):
        self.assertTrue(german.query_words("Kommune Präv").prefix)
        self.assertFalse(german.query_words("Kommune Pr").prefix)
        query = german.query_words("Kommunen Präv")
        self.assertEqual(german.fts5_text(query), '"kommun" AND "prav"*')

    def test_tsquery_holds_only_quoted_letter_tokens(self):
        query = german.query_words("a'b:* & !c | (d) <-> e\\f")
        self.assertEqual(german.tsquery_text(query), "'a' & 'b' & 'c' & 'd' & 'e' & 'f'")

    def test_stop_words_are_dropped_also_when_spelled_out(self):
        self.assertEqual(german.query_words("fuer die Kommune").words, ("Kommune",))
        self.assertIsNone(german.query_words("und der die"))

    def test_spelled_out_umlauts_fold_but_not_after_q(self):
        self.assertEqual(german.fold("Praevention Gruendung Oel"), "Prävention Gründung Öl")
        self.assertEqual(german.fold("Quelle"), "Quelle")
        stems = {
            frozenset(german.index_text(w).split())
            for w in ("Praevention", "Prävention", "Pravention")
        }
        self.assertEqual(stems, {frozenset({"pravention"})})

    def test_singular_and_plural_have_one_stem(self):
        self.assertEqual(german.stem("Präventionskette"), "praventionskett")
        self.assertEqual(german.stem("Präventionsketten"), "praventionskett")
        # Their compound parts (search/compounds.txt) are the same too.
        self.assertEqual(
            german.index_text("Präventionskette"), german.index_text("Präventionsketten")
        )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="compares with PostgreSQL")
class StemmerParityTests(TestCase):
    def test_snowball_stems_equal_postgres_german(self):
        words = [
            "Präventionskette",
            "Präventionsketten",
            "Netzwerk",
            "Netzwerke",
            "Gründung",
            "Gründungen",
            "Kommunen",
            "kommunalen",
            "Gesundheitsförderung",
            "Straße",
            "Strasse",
            "Häuser",
            "Aufwachsen",
            "begleitet",
            "entwickeln",
            "Familien",
            "Ämter",
            "gehören",
            "aktuelles",
            "für",
            "und",
            "der",
        ]
        # PostgreSQL indexes the folded text with its compound parts appended
        # (search.backends.database.FoldingIndexer); SQLite stores index_text.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT w, tsvector_to_array(to_tsvector('german', w)) "
                "FROM unnest(%s::text[]) AS w",
                [[german.with_parts(german.fold(w)) for w in words]],
            )
            postgres = {text: set(lexemes) for text, lexemes in cursor.fetchall()}
        sqlite = {
            german.with_parts(german.fold(w)): set(german.index_text(w).split()) for w in words
        }
        self.assertEqual(sqlite, postgres)
        self.assertEqual(
            postgres["Gesundheitsförderung gesundheit förderung"],
            {"gesundheitsforder", "gesund", "forder"},
        )


class ForgivingSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)
        cls.long_page = StandardPageFactory(
            parent=cls.tree.home,
            title="Lange Seite",
            slug="lange-seite",
            search_description="Kurzer Anreißer ohne das Suchwort.",
            body=paragraph(
                "<p>" + "Füllwort " * 60 + "Hier steht die Resilienzstrategie <b>mitten</b> im "
                "Text. " + "Nachwort " * 60 + "</p>"
            ),
        )

    def test_prefix_finds_the_word(self):
        # "Präventionsketten" is in the event's teaser.
        self.assertIn("Regionalwerkstatt Hannover", titles(self.client, "Präv"))
        self.assertIn("Unsere Vision", titles(self.client, "Gesundheitsf"))

    def test_prefix_only_for_the_last_word(self):
        self.assertEqual(titles(self.client, "Präv Hannover"), [])
        self.assertIn("Regionalwerkstatt Hannover", titles(self.client, "Hannover Präv"))

    def test_singular_and_plural_find_the_same(self):
        self.assertEqual(
            sorted(titles(self.client, "Präventionskette")),
            sorted(titles(self.client, "Präventionsketten")),
        )

    def test_plural_finds_singular_also_before_the_last_word(self):
        # Only the last word is a prefix: "Kommunen" must find "Kommune" by its stem.
        self.assertIn("Landkreis Gera", titles(self.client, "Kommunen Gera"))

    def test_spelled_out_umlauts_find_the_same(self):
        found = [sorted(titles(self.client, q)) for q in ("Thüringen", "Thueringen", "Thuringen")]
        self.assertIn("Neue Partnerkommunen in Thüringen", found[0])
        self.assertEqual(found, [found[0]] * 3)

    def test_snippet_is_the_passage_around_the_hit(self):
        response = self.client.get(URL, {"q": "Resilienzstrategie"})
        (hit,) = response.context["hits"]
        snippet = str(hit.snippet)
        self.assertIn("<mark>Resilienzstrategie</mark>", snippet)
        self.assertTrue(snippet.startswith("… "), snippet)
        self.assertNotIn("Lange Seite", snippet)
        self.assertNotIn("Anreißer", snippet)
        self.assertNotIn("<b>", snippet)

    def test_snippet_of_a_title_hit_is_the_teaser_once(self):
        response = self.client.get(URL, {"q": "Regionalwerkstatt Hannover"})
        hit = next(h for h in response.context["hits"] if h.title == "Regionalwerkstatt Hannover")
        snippet = str(hit.snippet)
        self.assertEqual(snippet.count("tauschen sich"), 1, snippet)
        self.assertNotIn("Regionalwerkstatt Hannover", snippet)


class PassageTests(SimpleTestCase):
    def test_body_before_teaser_and_everything_escaped(self):
        pattern = terms_pattern("Kette")
        out = str(passage(["<script>x</script> eine Kette"], "Kette im Teaser", pattern))
        self.assertIn("&lt;script&gt;", out)
        self.assertIn("<mark>Kette</mark>", out)
        self.assertNotIn("Teaser", out)

    def test_without_a_hit_the_teaser(self):
        out = passage(["Langer Text"], "Der Teaser", terms_pattern("Zzz"))
        self.assertEqual(str(out), "Der Teaser")


class RunningHeaderTests(SimpleTestCase):
    def pdf(self, pages: list[str]) -> io.BytesIO:
        pdf = FPDF()
        pdf.set_font("helvetica", size=12)
        for number, body in enumerate(pages, start=1):
            pdf.add_page()
            pdf.cell(0, 10, text="Gesunde Kommune - Materialien", new_x="LMARGIN", new_y="NEXT")
            pdf.cell(0, 10, text=body, new_x="LMARGIN", new_y="NEXT")
            pdf.cell(0, 10, text=f"Seite {number}")
        file = io.BytesIO(bytes(pdf.output()))
        file.name = "kopf.pdf"
        return file

    def test_running_header_is_stripped_page_numbers_stay(self):
        extracted = text.extract_pdf_text(self.pdf(["Erster Teil", "Zweiter Teil", "Dritter Teil"]))
        self.assertNotIn("Gesunde Kommune - Materialien", extracted)
        self.assertIn("Zweiter Teil", extracted)
        self.assertIn("Seite 3", extracted)

    def test_a_one_page_pdf_keeps_its_lines(self):
        extracted = text.extract_pdf_text(self.pdf(["Einziger Teil"]))
        self.assertIn("Gesunde Kommune - Materialien", extracted)


class SpellingSuggestionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def spelling(self, query: str):
        response = self.client.get(URL, {"q": query})
        self.assertEqual(response.status_code, 200)
        return response.context.get("spelling_link"), response.content.decode()

    def test_a_misspelled_word_gets_a_link_to_the_public_word(self):
        link, html = self.spelling("Vernetzungstruktur")
        self.assertIsNotNone(link)
        self.assertIn("Vernetzungsstruktur", str(link))
        self.assertIn("Meinten Sie", html)
        self.assertIn("?q=Vernetzungsstruktur", html)

    def test_known_words_get_no_suggestion(self):
        link, html = self.spelling("Vernetzungsstruktur")
        self.assertIsNone(link)
        self.assertNotIn("Meinten Sie", html)

    def test_words_of_drafts_restricted_pages_and_private_collections_are_never_suggested(self):
        # Each word below exists only in a draft, a restricted page or event, or a
        # PDF in a restricted collection (tests/search/content.py).
        for misspelled, private in (
            ("Zukunftswerkstat", "Zukunftswerkstatt"),
            ("Geheimzahlem", "Geheimzahlen"),
            ("Binnenevaluatio", "Binnenevaluation"),
            ("Verschlusssach", "Verschlusssache"),
        ):
            with self.subTest(private):
                link, html = self.spelling(misspelled)
                self.assertNotIn(private, html)
                self.assertIsNone(link)

    def test_a_private_word_is_in_the_word_table_but_never_suggested(self):
        # The word table holds every indexed word, private ones too: only the
        # verification by the public search keeps them out of the suggestions.
        from search.models import SearchWord

        self.assertTrue(SearchWord.objects.filter(word="geheimzahlen").exists())
        self.assertTrue(SearchWord.objects.filter(word="binnenevaluation").exists())
        for misspelled in ("Geheimzahlem", "Binnenevaluatio"):
            with self.subTest(misspelled):
                link, html = self.spelling(misspelled)
                self.assertIsNone(link)
                self.assertNotIn("Meinten Sie", html)

    def test_the_word_table_follows_update_index(self):
        from django.core.management import call_command

        from search.models import SearchWord

        SearchWord.objects.create(word="veraltetes", spelling="Veraltetes")
        SearchWord.objects.filter(word="vernetzungsstruktur").delete()
        call_command("update_index", verbosity=0)
        self.assertFalse(SearchWord.objects.filter(word="veraltetes").exists())
        self.assertEqual(
            SearchWord.objects.get(word="vernetzungsstruktur").spelling, "Vernetzungsstruktur"
        )
        link, _ = self.spelling("Vernetzungstruktur")
        self.assertIn("Vernetzungsstruktur", str(link))

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="index text on PostgreSQL")
    def test_the_migration_fills_the_word_table_from_the_index(self):
        # A site upgraded to the release that added the table has a full
        # modelsearch index and no words (migration search.0005).
        import importlib

        from django.apps import apps

        from search.models import SearchWord

        migration = importlib.import_module("search.migrations.0005_searchword")
        SearchWord.objects.all().delete()
        self.assertIsNone(self.spelling("Vernetzungstruktur")[0])
        with connection.schema_editor() as schema_editor:
            migration.fill_words(apps, schema_editor)
        self.assertTrue(SearchWord.objects.filter(word="geheimzahlen").exists())
        link, _ = self.spelling("Vernetzungstruktur")
        self.assertIn("Vernetzungsstruktur", str(link))

    def test_long_queries_get_no_suggestion(self):
        link, _ = self.spelling("Vernetzungstruktur Gera Kommune Hannover Weimar Vision Thüringen")
        self.assertIsNone(link)

    def test_suggestion_is_escaped(self):
        link, html = self.spelling("<b>Vernetzungstruktur</b>")
        self.assertNotIn("<b>Vernetzung", html)


class SpellingQueryCountTests(TestCase):
    """The SQL statements of a zero-hit search page with a suggestion do not grow
    with the content: the candidates come from the word table's index."""

    # The search page (search, facets, page chrome) plus the suggestion: the
    # privacy filters read once (PostgreSQL: in a transaction with sequential
    # scans off), the query word checked, its candidates read
    # from the word table, the first candidate verified. On a search engine the
    # engine searches and checks the words; the database gives the chrome, the
    # privacy paths and the candidates. The materials' Bundesland is one query
    # however many page types list materials (search.query.material_bundeslaender).
    # The header's links to Leichte Sprache and Gebärdensprache cost one more.
    QUERIES = {"postgresql": 27, "sqlite": 23, "engine": 19}

    def page_with_suggestion(self, items: int) -> None:
        tree = build_tree()
        letters = "abcdefghijklmnopqrstuvwxyz"
        for i in range(items):
            # One word per page found nowhere else, unlike the query word.
            word = "Zusatzvermerk" + letters[i // 26] + letters[i % 26]
            StandardPageFactory(
                parent=tree.home,
                slug=f"seite-{i}",
                body=paragraph(f"<p>Bürgerbeteiligung im Quartier und {word}.</p>"),
            )
        self.client.get(URL, {"q": "Bürgerbeteilgung"})  # warm caches (site, locale)
        with self.assertNumQueries(
            self.QUERIES["engine" if engine.configured() else connection.vendor]
        ):
            response = self.client.get(URL, {"q": "Bürgerbeteilgung"})
        self.assertEqual(response.context["search_results"].paginator.count, 0)
        self.assertIn("Bürgerbeteiligung", str(response.context["spelling_link"]))

    def test_three_items(self):
        self.page_with_suggestion(3)

    def test_thirty_items(self):
        self.page_with_suggestion(30)
