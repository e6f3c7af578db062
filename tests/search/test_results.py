"""The results page: every content type, one ranked list, with type, date,
Bundesland, highlighted snippet, the event/region a document belongs to,
pagination, the query kept in the box, and a helpful empty result."""

import pytest

from django.db import connection
from django.test import TestCase

from wagtail.models import Locale
from wagtail.search.models import IndexEntry

from search.models import SearchEntry
from search.query import DatabaseEngine, SearchParams
from tests.factories import EventPageFactory, StandardPageFactory
from tests.factories.pages import paragraph
from tests.helpers import page_links, page_text

from .content import URL, URL_EN, build_corpus


def kinds(response) -> list[str]:
    return [hit.kind for hit in response.context["hits"]]


def titles(response) -> list[str]:
    return [hit.title for hit in response.context["hits"]]


class ResultsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def test_one_search_finds_every_type(self):
        response = self.client.get(URL, {"q": "Kommune"})
        self.assertEqual(response.status_code, 200)
        found = set(kinds(response))
        # "Kommune" is in the region, the news, the standard page (every stemmer)
        self.assertTrue({"region", "aktuelles", "seite"} <= found, found)

    def test_result_shows_type_date_bundesland(self):
        response = self.client.get(URL, {"q": "Regionalwerkstatt Hannover"})
        text = page_text(response)
        self.assertEqual(titles(response)[0], "Regionalwerkstatt Hannover")
        self.assertIn("Veranstaltung", text)
        self.assertIn("30.09.2019", text)
        self.assertIn("Niedersachsen", text)

    def test_snippet_marks_the_terms_and_escapes_html(self):
        EventPageFactory(
            parent=self.tree.events,
            title="Vogelkunde",
            teaser='Der Zaunkönig & die Meise <3 "singen" <img src=x onerror=alert(1)>.',
        )
        response = self.client.get(URL, {"q": "Zaunkönig"})
        snippet = str(response.context["hits"][0].snippet)
        self.assertIn("<mark>Zaunkönig</mark>", snippet)
        self.assertIn("&amp; die Meise &lt;3", snippet)
        self.assertNotIn("<", snippet.replace("<mark>", "").replace("</mark>", ""))
        self.assertNotIn("<img", response.content.decode())

    def test_pdf_text_is_found_by_a_word_only_in_the_pdf(self):
        response = self.client.get(URL, {"q": "Quartiersmanagement"})
        self.assertEqual(titles(response), ["Programm Regionalwerkstatt"])
        hit = response.context["hits"][0]
        self.assertEqual(hit.kind, "material")
        self.assertIn("<mark>Quartiersmanagement</mark>", str(hit.snippet))
        # The document names the event and the region it belongs to.
        links = page_links(response)
        self.assertIn(self.event.url, links)
        self.assertIn(self.region.url, links)
        self.assertIn(self.material.url, links)

    def test_documents_are_found_in_both_languages(self):
        response = self.client.get(URL_EN, {"q": "Quartiersmanagement"})
        self.assertEqual(titles(response), ["Programm Regionalwerkstatt"])

    def test_only_pages_of_the_current_locale(self):
        de = self.client.get(URL, {"q": "Gera"})
        en = self.client.get(URL_EN, {"q": "Gera"})
        de_pages = {h.obj.pk for h in de.context["hits"] if h.kind == "region"}
        en_pages = {h.obj.pk for h in en.context["hits"] if h.kind == "region"}
        self.assertEqual(de_pages, {self.region.pk})
        self.assertEqual(en_pages, {self.region_en.pk})

    def test_exact_title_match_ranks_first(self):
        for n in range(3):
            StandardPageFactory(
                parent=self.tree.home,
                title=f"Vision und Leitbild {n}",
                body=paragraph("<p>Unsere Vision: Vision, Vision und nochmals Vision.</p>"),
            )
        response = self.client.get(URL, {"q": "Unsere Vision"})
        self.assertEqual(titles(response)[0], "Unsere Vision")

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking of search.postgres")
    def test_title_matches_rank_before_text_matches(self):
        titled = StandardPageFactory(
            parent=self.tree.home,
            title="Neuer Bewegungsparcours am Stadtpark",
            body=paragraph("<p>Eröffnung im Frühjahr.</p>"),
        )
        for n in range(3):
            StandardPageFactory(
                parent=self.tree.home,
                title=f"Stadtteilfest {n}",
                body=paragraph("<p>Bewegungsparcours, Bewegungsparcours, Bewegungsparcours.</p>"),
            )
        # modelsearch weighs a title by its length (title_norm); as if this one
        # were very long, its rank alone puts the pages repeating the word first ...
        IndexEntry.objects.filter(object_id=str(titled.pk)).update(title_norm=0.01)
        SearchEntry.objects.filter(object_id=titled.pk, is_material=False).update(title_norm=0.01)
        params = SearchParams("Bewegungsparcours", Locale.objects.get(language_code="de"))
        self.assertNotEqual(DatabaseEngine().rows(params)[0].pk, titled.pk)
        # ... the search ranks the page with the word in its title first.
        response = self.client.get(URL, {"q": "Bewegungsparcours"})
        self.assertEqual(titles(response)[0], "Neuer Bewegungsparcours am Stadtpark")
        self.assertEqual(len(titles(response)), 4)

    def test_query_stays_in_the_box(self):
        response = self.client.get(URL, {"q": "Kommune Gera"})
        self.assertContains(response, 'name="q" value="Kommune Gera"')

    def test_nothing_found_gives_suggestions(self):
        response = self.client.get(URL, {"q": "Quokkafarm"})
        text = page_text(response)
        self.assertIn("Keine Ergebnisse für „Quokkafarm“", text)
        self.assertIn("Prüfen Sie die Schreibweise", text)
        self.assertEqual(response.context["search_results"].paginator.count, 0)

    def test_paginated_with_seite(self):
        for n in range(12):
            StandardPageFactory(parent=self.tree.home, title=f"Blättertest {n}")
        first = self.client.get(URL, {"q": "Blättertest"})
        second = self.client.get(URL, {"q": "Blättertest", "seite": "2"})
        self.assertEqual(first.context["search_results"].paginator.count, 12)
        self.assertEqual(len(first.context["hits"]), 10)
        self.assertEqual(len(second.context["hits"]), 2)
        self.assertFalse(set(titles(first)) & set(titles(second)))
        self.assertIn("?q=Bl%C3%A4ttertest&amp;seite=2", first.content.decode())


class SuggestionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def test_titles_that_start_with_the_input(self):
        response = self.client.get("/de/suche/vorschlaege/", {"q": "Regionalw"})
        self.assertEqual(response.status_code, 200)
        data = response.json()
        found = {item["title"]: item for item in data["suggestions"]}
        self.assertIn("Regionalwerkstatt Hannover", found)
        self.assertIn("Programm Regionalwerkstatt", found)
        self.assertEqual(found["Regionalwerkstatt Hannover"]["url"], self.event.url)
        self.assertEqual(found["Programm Regionalwerkstatt"]["type"], "Material")

    def test_short_or_empty_input_gives_an_empty_list(self):
        for value in ("", "R", "\x00", "%%%"):
            response = self.client.get("/de/suche/vorschlaege/", {"q": value})
            self.assertEqual(response.json()["suggestions"], [], value)

    def test_the_search_box_offers_suggestions_without_a_cdn(self):
        response = self.client.get(URL)
        html = response.content.decode()
        self.assertIn('data-suggest-url="/de/suche/vorschlaege/"', html)
        self.assertIn('src="/static/js/search-suggest.js"', html)
        self.assertNotIn("https://cdn", html)
