"""A practice example's page: its profile across the criteria (stage texts read
from the criterion pages, in the page's language), the SVG chart with its text
alternative and the table with the same numbers, the facts in the page's
language, the Kommune linked only when its region page is public, public
materials only, and schema.org JSON-LD."""

import re
from xml.etree import ElementTree

from django.contrib.auth.models import Group
from django.test import TestCase

from practice.chart import EMPTY
from practice.models import PracticeMaterial
from tests.factories import (
    MaterialFactory,
    publish,
    restricted_collection,
    translate,
)
from tests.helpers import json_ld, page_links, page_text

from .world import PARTICIPATION_STAGES, build_world

SVG = "{http://www.w3.org/2000/svg}"


def chart(response) -> ElementTree.Element:
    html = response.content.decode()
    match = re.search(r"<svg class=\"profile-chart\".*?</svg>", html, re.S)
    assert match, "no chart"
    return ElementTree.fromstring(match.group(0))  # noqa: S314 (our own response)


def table_rows(response) -> list[list[str]]:
    html = response.content.decode()
    body = re.search(r'<table class="profile-table">.*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in cells])
    return rows


class ProfileTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def get(self, page):
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        return response

    def test_rows_by_number_with_stage_texts_from_the_criterion_page(self):
        rows = self.get(self.world.gera).context["profile"]
        self.assertEqual([row.number for row in rows], [3, 5])
        vernetzung, partizipation = rows
        self.assertEqual((partizipation.level, partizipation.stage_count), (3, 4))
        self.assertEqual(partizipation.stage["name"], "Mitbestimmung")
        self.assertEqual(partizipation.justification, "Eltern entscheiden mit.")
        self.assertEqual(vernetzung.stage["name"], "Abstimmung")

    def test_not_assessed_criteria_are_said_so(self):
        response = self.get(self.world.weimar)  # assessed on 5 only
        self.assertEqual(table_rows(response)[0][:2], ["3. Vernetzung", "nicht eingeschätzt"])
        self.assertIn("Kriterium 3 Vernetzung: nicht eingeschätzt", self.chart_text(response))

    def chart_text(self, response) -> str:
        svg = chart(response)
        return svg.find(f"{SVG}desc").text

    def test_chart_has_a_text_alternative_and_the_table_the_same_numbers(self):
        response = self.get(self.world.gera)
        svg = chart(response)
        self.assertEqual(svg.get("role"), "img")
        title = svg.find(f"{SVG}title")
        self.assertEqual(svg.get("aria-labelledby"), title.get("id"))
        self.assertEqual(title.text, "Profil nach den Good-Practice-Kriterien")
        self.assertEqual(
            svg.find(f"{SVG}desc").text,
            "Kriterium 3 Vernetzung: Stufe 2 von 3; Kriterium 5 Partizipation: Stufe 3 von 4.",
        )
        self.assertNotIn("style=", response.content.decode().split('class="profile-chart"')[1])
        rows = table_rows(response)
        self.assertEqual(
            [row[:2] for row in rows],
            [
                ["3. Vernetzung", "Stufe 2 von 3"],
                ["5. Partizipation", "Stufe 3 von 4"],
            ],
        )
        self.assertIn("Mitbestimmung", rows[1][2])
        self.assertEqual(rows[1][3], "Eltern entscheiden mit.")

    def test_bar_length_is_level_over_stages(self):
        svg = chart(self.get(self.world.gera))
        rows = svg.findall(f"{SVG}g[@class='profile-chart__row']")
        filled = [
            sum(float(r.get("width")) for r in row.findall(f"{SVG}rect") if r.get("fill") != EMPTY)
            for row in rows
        ]
        total = [sum(float(r.get("width")) for r in row.findall(f"{SVG}rect")) for row in rows]
        self.assertAlmostEqual(filled[0] / total[0], 2 / 3, places=2)
        self.assertAlmostEqual(filled[1] / total[1], 3 / 4, places=2)
        axis = svg.find(f"{SVG}g[@class='profile-chart__axis']")
        self.assertIn("Erreichte Umsetzungsstufe", "".join(axis.itertext()))

    def test_facts(self):
        text = page_text(self.get(self.world.weimar))
        self.assertIn("Weimar", text)
        self.assertIn("Thüringen", text)
        self.assertIn("01/2020 – 12/2023", text)
        self.assertIn("Ernährung", text)
        self.assertIn("Kita-Alter, Schulalter", text)
        self.assertIn("Koordination Präventionskette", text)
        self.assertIn("praevention@example.org", text)
        gera = page_text(self.get(self.world.gera))
        self.assertIn("seit 09/2021", gera)
        self.assertIn("Familien in schwieriger sozialer Lage", gera)

    def test_public_region_is_linked(self):
        self.assertIn(self.world.region.url, page_links(self.get(self.world.gera)))

    def test_unpublished_region_is_named_not_linked(self):
        self.world.region.unpublish()
        response = self.get(self.world.gera)
        self.assertNotIn(self.world.region.url, page_links(response))
        self.assertIn("Stadt Gera", page_text(response))

    def test_only_public_materials(self):
        public = MaterialFactory(title="Leitfaden Bewegte Kita")
        draft = MaterialFactory(title="Unfertiger Entwurf", review_state="pending")
        secret = MaterialFactory(
            title="Internes Protokoll",
            collection=restricted_collection(group=Group.objects.create(name="Netzwerk Gera")),
        )
        page = self.world.gera
        for document in (public, draft, secret):
            PracticeMaterial.objects.create(page=page, document=document)
        text = page_text(self.get(page))
        self.assertIn("Leitfaden Bewegte Kita", text)
        self.assertNotIn("Unfertiger Entwurf", text)
        self.assertNotIn("Internes Protokoll", text)

    def test_json_ld(self):
        (data,) = json_ld(self.get(self.world.gera))
        self.assertEqual(data["@type"], "CreativeWork")
        self.assertEqual(data["name"], "Bewegte Kita Gera")
        self.assertEqual(data["inLanguage"], "de")
        self.assertTrue(data["url"].endswith(self.world.gera.url))
        self.assertEqual(data["spatialCoverage"]["name"], "Stadt Gera")
        self.assertEqual(data["spatialCoverage"]["address"]["addressRegion"], "Thüringen")
        self.assertEqual(data["temporalCoverage"], "2021-09/..")
        self.assertEqual([t["name"] for t in data["about"]], ["Bewegung"])
        self.assertEqual(
            [a["audienceType"] for a in data["audience"]], ["Familien in schwieriger sozialer Lage"]
        )
        self.assertEqual(
            [(p["name"], p["value"], p["maxValue"]) for p in data["additionalProperty"]],
            [("3. Vernetzung", 2, 3), ("5. Partizipation", 3, 4)],
        )
        (weimar,) = json_ld(self.get(self.world.weimar))
        self.assertEqual(weimar["temporalCoverage"], "2020-01/2023-12")


class EnglishProfileTests(TestCase):
    """The English translation reads the English criterion page's stage names and
    names the vocabularies in English; an untranslated criterion is the German
    page."""

    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        cls.world.tree.translate_home()
        translate(cls.world.index)
        participation = translate(cls.world.partizipation, live=False)
        participation.title = "Participation"
        participation.levels = PARTICIPATION_STAGES
        cls.participation = publish(participation)
        cls.gera_en = translate(cls.world.gera)

    def test_english_stage_names_and_criterion(self):
        response = self.client.get(self.gera_en.url)
        self.assertEqual(response.status_code, 200)
        rows = {row.number: row for row in response.context["profile"]}
        self.assertEqual(rows[5].criterion.pk, self.participation.pk)
        self.assertEqual(rows[5].stage["name"], "Co-determination")
        self.assertEqual(rows[5].level, 3)
        # Criterion 3 has no English page: the German one, with its stages.
        self.assertEqual(rows[3].criterion.pk, self.world.vernetzung.pk)
        self.assertEqual(rows[3].stage["name"], "Abstimmung")
        text = page_text(response)
        self.assertIn("Physical activity", text)
        self.assertIn("Pre-school age", text)
        self.assertIn("Thuringia", text)
        self.assertIn(self.participation.url, page_links(response))
        (data,) = json_ld(response)
        self.assertEqual(data["inLanguage"], "en")
        self.assertEqual([t["name"] for t in data["about"]], ["Physical activity"])
