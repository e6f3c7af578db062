"""Facets: typ, bundesland, schlagwort, jahr, with counts that respect the other
active facets; combinable with the query and each other; shareable URLs; invalid
values give an empty page with a message."""

import pytest

from django.db import connection
from django.test import TestCase

from tests.helpers import page_text

from .content import URL, build_corpus


def counts(response, dimension: str) -> dict[str, int]:
    for group in response.context["facet_groups"]:
        if group["name"] == dimension:
            return {o["value"]: o["count"] for o in group["options"]}
    return {}


def kinds(response) -> set[str]:
    return {hit.kind for hit in response.context["hits"]}


class FacetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def test_counts_per_type(self):
        response = self.client.get(URL, {"q": "Regionalwerkstatt"})
        self.assertEqual(counts(response, "typ"), {"veranstaltung": 1, "material": 1})

    def test_typ_narrows_and_keeps_the_other_counts(self):
        response = self.client.get(URL, {"q": "Regionalwerkstatt", "typ": "material"})
        self.assertEqual(kinds(response), {"material"})
        self.assertEqual(response.context["search_results"].paginator.count, 1)
        # The typ facet is not filtered by itself: the visitor still sees the event.
        self.assertEqual(counts(response, "typ"), {"veranstaltung": 1, "material": 1})

    def test_bundesland_of_pages_and_of_documents(self):
        response = self.client.get(URL, {"q": "Regionalwerkstatt"})
        # The event is in Niedersachsen; the PDF belongs to it (and to Gera).
        self.assertEqual(counts(response, "bundesland"), {"niedersachsen": 2})
        narrowed = self.client.get(URL, {"q": "Regionalwerkstatt", "bundesland": "niedersachsen"})
        self.assertEqual(narrowed.context["search_results"].paginator.count, 2)
        self.assertIn("Niedersachsen", page_text(narrowed))

    def test_schlagwort_and_its_counts_follow_the_other_facets(self):
        response = self.client.get(URL, {"q": "Kommune"})
        tags = counts(response, "schlagwort")
        self.assertEqual(tags.get("kindergesundheit"), 2)  # region + news
        narrowed = self.client.get(URL, {"q": "Kommune", "typ": "aktuelles"})
        self.assertEqual(counts(narrowed, "schlagwort"), {"kindergesundheit": 1})

    def test_facets_combine(self):
        response = self.client.get(
            URL, {"q": "Kommune", "schlagwort": "kindergesundheit", "bundesland": "thueringen"}
        )
        self.assertEqual({h.title for h in response.context["hits"]}, {"Landkreis Gera"})
        jahr = self.client.get(URL, {"q": "Kommune", "jahr": "2024"})
        self.assertEqual(
            {h.title for h in jahr.context["hits"]}, {"Neue Partnerkommunen in Thüringen"}
        )

    def test_year_counts(self):
        # The 2019 event and its programme: a material counts in the year of the
        # event that lists it, not in the year it was uploaded.
        response = self.client.get(URL, {"q": "Regionalwerkstatt"})
        self.assertEqual(counts(response, "jahr"), {"2019": 2})
        narrowed = self.client.get(URL, {"q": "Regionalwerkstatt", "jahr": "2019"})
        self.assertEqual(kinds(narrowed), {"veranstaltung", "material"})

    def test_facet_links_are_shareable_urls(self):
        response = self.client.get(URL, {"q": "Regionalwerkstatt"})
        html = response.content.decode()
        self.assertIn("/de/suche/?q=Regionalwerkstatt&amp;typ=material", html)
        shared = self.client.get("/de/suche/?q=Regionalwerkstatt&typ=material")
        self.assertEqual(kinds(shared), {"material"})
        remove = response.context["facet_groups"][0]["options"][0]["url"]
        self.assertTrue(remove.startswith("/de/suche/?q=Regionalwerkstatt"))

    def test_active_facet_is_shown_and_removable(self):
        response = self.client.get(URL, {"q": "Kommune", "typ": "region"})
        self.assertEqual(response.context["active_facets"][0]["remove_url"], "/de/suche/?q=Kommune")
        self.assertIn('name="typ" value="region"', response.content.decode())

    def test_invalid_facet_values_give_an_empty_page_with_a_message(self):
        for params in (
            {"typ": "raumschiff"},
            {"bundesland": "atlantis"},
            {"schlagwort": "gibt-es-nicht"},
            {"jahr": "zweitausend"},
            {"jahr": "99999"},
            {"bundesland": "../../etc/passwd"},
        ):
            with self.subTest(params):
                response = self.client.get(URL, {"q": "Kommune", **params})
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.context["hits"], [])
                self.assertTrue(response.context["facet_errors"])
                self.assertIn("Mindestens ein Filter wurde nicht verstanden", page_text(response))

    def test_a_valid_facet_with_no_match_is_an_empty_result(self):
        response = self.client.get(URL, {"q": "Regionalwerkstatt", "bundesland": "bremen"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["search_results"].paginator.count, 0)
        self.assertIn("Ohne Filter suchen", page_text(response))


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemmed counts need PostgreSQL's German config"
)
class GermanFacetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def test_counts_include_inflected_matches(self):
        response = self.client.get(URL, {"q": "Kommunen"})
        typ = counts(response, "typ")
        # "Kommune"/"Kommunen" stem alike; the home page's intro and the vision page
        self.assertEqual(typ.get("region"), 1)
        self.assertEqual(typ.get("veranstaltung"), 1)
        self.assertEqual(typ.get("aktuelles"), 1)
        self.assertEqual(typ.get("seite"), 2)
