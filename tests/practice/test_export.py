"""Open data: export.csv and export.json under the Praxisdatenbank hold the
public examples of that language only (never drafts, restricted, expired or
other-language pages, never a submitter's data), with the documented fields,
narrowed by the list's filters."""

import csv
import io
import json

from django.test import TestCase

from practice.export import FIELDS, csv_columns
from tests.factories import PracticePageFactory, translate
from tests.helpers import count_queries

from .world import World, build_world

CSV_URL = "/de/praxisdatenbank/export.csv"
JSON_URL = "/de/praxisdatenbank/export.json"


def read_csv(response) -> list[dict]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff"), "UTF-8 byte order mark for Excel"
    return list(csv.DictReader(io.StringIO(body[1:]), delimiter=";"))


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        # An English translation: in the English export, not in the German one.
        cls.world.tree.translate_home()
        cls.index_en = translate(cls.world.index)
        cls.gera_en = translate(cls.world.gera)

    def test_csv_has_the_public_examples_with_the_documented_columns(self):
        response = self.client.get(CSV_URL)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn('filename="praxisdatenbank-de.csv"', response["Content-Disposition"])
        rows = read_csv(response)
        self.assertEqual(list(rows[0].keys()), csv_columns())
        self.assertEqual(
            {row["title"] for row in rows},
            {
                "Bewegte Kita Gera",
                "Gesund essen in Weimar",
                "Bewegung im Quartier Hannover",
                "Netzwerk Leipzig",
            },
        )
        gera = next(row for row in rows if row["title"] == "Bewegte Kita Gera")
        self.assertEqual(gera["id"], str(self.world.gera.pk))
        self.assertTrue(gera["url"].endswith(self.world.gera.url))
        self.assertEqual(gera["kommune"], "Stadt Gera")
        self.assertTrue(gera["region_url"].endswith(self.world.region.url))
        self.assertEqual((gera["bundesland_code"], gera["bundesland"]), ("TH", "Thüringen"))
        self.assertEqual(gera["handlungsfelder"], "Bewegung")
        self.assertEqual(gera["start"], "2021-09-01")
        self.assertEqual(gera["end"], "")
        self.assertEqual(gera["contact_email"], "praevention@example.org")
        self.assertEqual((gera["kriterium_05"], gera["kriterium_05_stufen"]), ("3", "4"))
        self.assertEqual((gera["kriterium_03"], gera["kriterium_03_stufen"]), ("2", "3"))
        self.assertEqual(gera["kriterium_01"], "")
        weimar = next(row for row in rows if row["title"] == "Gesund essen in Weimar")
        self.assertEqual(weimar["lebensphasen"], "Kita-Alter | Schulalter")
        self.assertEqual(weimar["end"], "2023-12-31")
        self.assertEqual(weimar["region_url"], "")

    def test_json_has_the_public_examples_and_documents_its_fields(self):
        response = self.client.get(JSON_URL)
        self.assertEqual(response.status_code, 200)
        data = json.loads(response.content)
        self.assertEqual(data["language"], "de")
        self.assertEqual(data["count"], 4)
        self.assertEqual(set(data["fields"]), {name for name, _ in FIELDS})
        items = {item["title"]: item for item in data["items"]}
        self.assertEqual(len(items), 4)
        gera = items["Bewegte Kita Gera"]
        self.assertEqual(gera["bundesland"], {"code": "TH", "name": "Thüringen"})
        self.assertEqual(gera["handlungsfelder"], [{"slug": "bewegung", "name": "Bewegung"}])
        self.assertEqual(gera["zielgruppen"][0]["slug"], "familien")
        levels = {c["nummer"]: (c["stufe"], c["stufen"]) for c in gera["kriterien"]}
        self.assertEqual(len(levels), 12)
        self.assertEqual(levels[5], (3, 4))
        self.assertEqual(levels[1], (None, None))
        self.assertIsNotNone(gera["last_published"])

    def test_nothing_private_in_either_export(self):
        for url in (CSV_URL, JSON_URL):
            with self.subTest(url=url):
                body = self.client.get(url).content.decode()
                for hidden in World.HIDDEN:
                    self.assertNotIn(hidden, body)
                self.assertNotIn(self.gera_en.url, body)

    def test_other_language_pages_are_not_exported(self):
        german = json.loads(self.client.get(JSON_URL).content)
        self.assertEqual({item["sprache"] for item in german["items"]}, {"de"})
        self.assertNotIn(self.gera_en.pk, [item["id"] for item in german["items"]])
        english = json.loads(self.client.get(self.index_en.url + "export.json").content)
        self.assertEqual([item["id"] for item in english["items"]], [self.gera_en.pk])
        self.assertEqual(
            english["items"][0]["handlungsfelder"],
            [{"slug": "physical-activity", "name": "Physical activity"}],
        )
        rows = read_csv(self.client.get(self.index_en.url + "export.csv"))
        self.assertEqual([row["id"] for row in rows], [str(self.gera_en.pk)])

    def test_filters_apply(self):
        rows = read_csv(self.client.get(CSV_URL + "?kriterium=5&stufe=3"))
        self.assertEqual(
            {row["title"] for row in rows}, {"Bewegte Kita Gera", "Gesund essen in Weimar"}
        )
        data = json.loads(self.client.get(JSON_URL + "?bundesland=niedersachsen").content)
        self.assertEqual([i["title"] for i in data["items"]], ["Bewegung im Quartier Hannover"])

    def test_bad_filter_is_a_clear_400(self):
        response = self.client.get(JSON_URL + "?stufe=abc&kriterium=5")
        self.assertEqual(response.status_code, 400)
        self.assertIn("stufe", response.content.decode())

    def test_query_count_is_constant(self):
        def count():
            queries, response = count_queries(self.client, JSON_URL)
            return queries, json.loads(response.content)["count"]

        few, exported = count()
        self.assertEqual(exported, 4)
        for n in range(6):
            PracticePageFactory(
                parent=self.world.index,
                title=f"Mehr {n}",
                region=self.world.region,
                handlungsfelder=["bewegung"],
                zielgruppen=["familien"],
                assessments={self.world.partizipation: 1},
            )
        self.assertEqual(count(), (few, 10))
