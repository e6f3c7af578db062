"""Search parity (issue #12, "What must show"): prefixes, singular and plural,
umlaut spellings and (issue #13) parts of compound words give the same hits on
SQLite and on PostgreSQL.

One test run uses one database, so the expectations are data
(parity_expected.json: per query, the titles of the first page of hits, and the
first hit where the query is a title), computed once and checked by the suite on
whichever database it runs; CI runs it on both (``make test`` and with
DATABASE_URL=postgres://…), so both meet the same list. The order below the
first hit is not compared: SQLite ranks with bm25, PostgreSQL with ts_rank and
title matches first (search.postgres)."""

import json
from pathlib import Path

from django.db import connection
from django.test import TestCase

from tests.factories import NewsPageFactory, StandardPageFactory, build_tree
from tests.factories.pages import paragraph

from .content import URL, pdf_material

EXPECTED = json.loads(Path(__file__).with_name("parity_expected.json").read_text("utf-8"))


def build_parity_corpus(cls) -> None:
    """Pages and a PDF that say the same things in different forms and spellings."""
    cls.tree = tree = build_tree()
    StandardPageFactory(
        parent=tree.home,
        title="Präventionskette",
        slug="praeventionskette",
        body=paragraph("<p>Eine Präventionskette verbindet Angebote vom Kind bis ins Alter.</p>"),
    )
    StandardPageFactory(
        parent=tree.home,
        title="Präventionsketten in Thüringen",
        slug="praeventionsketten-thueringen",
        body=paragraph("<p>Mehrere Präventionsketten wachsen in kleinen Gemeinden.</p>"),
    )
    NewsPageFactory(
        parent=tree.news,
        title="Netzwerke gründen",
        slug="netzwerke-gruenden",
        teaser="Wie die Gründung eines lokalen Netzwerks gelingt.",
    )
    NewsPageFactory(
        parent=tree.news,
        title="Ein Netzwerk für Familien",
        slug="netzwerk-familien",
        teaser="Das Netzwerk begleitet Familien; Praevention beginnt früh.",
    )
    StandardPageFactory(
        parent=tree.home,
        title="Gesundheitsförderung vor Ort",
        slug="gesundheitsfoerderung",
        body=paragraph("<p>Kommunale Gesundheitsförderung und Prävention gehören zusammen.</p>"),
    )
    StandardPageFactory(
        parent=tree.home,
        title="Gruendungsbericht",
        slug="gruendungsbericht",
        body=paragraph("<p>Bericht zur Gruendung des Steuerungskreises.</p>"),
    )
    pdf_material(
        "Leitfaden Prävention",
        "Gesundheitsfoerderung in der Kommune: Prävention als Aufgabe aller Ämter.",
    )


def titles(client, query: str) -> list[str]:
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return [hit.title for hit in response.context["hits"]]


class ParityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_parity_corpus(cls)

    def test_queries_find_the_expected_hits_on_this_database(self):
        self.assertGreaterEqual(len(EXPECTED), 10)
        for query, expected in EXPECTED.items():
            with self.subTest(query=query, vendor=connection.vendor):
                found = titles(self.client, query)
                self.assertEqual(sorted(found), expected["hits"], found)
                if "first" in expected:
                    self.assertEqual(found[0], expected["first"], found)

    def test_forms_and_spellings_find_the_same(self):
        groups = [
            ("Präventionskette", "Präventionsketten"),
            ("Netzwerk", "Netzwerke"),
            ("Gründung", "Gruendung"),
            ("Prävention", "Praevention", "Pravention"),
            ("Förderung", "Foerderung"),  # compound parts (issue #13)
        ]
        for group in groups:
            with self.subTest(group=group):
                found = [sorted(titles(self.client, query)) for query in group]
                self.assertTrue(found[0], group)
                self.assertEqual(found, [found[0]] * len(group))
