"""A material's year in the search is its own date (Material.effective_date: the
entered date, else its earliest live event's day, else the upload day), in the
``jahr`` facet, on the result and in the Elasticsearch document."""

from datetime import date, datetime

from django.test import TestCase
from django.utils import timezone

from events.models import EventMaterial
from materials.models import Material
from search.backends.elasticsearch import GermanMapping
from tests.factories import EventPageFactory, build_tree
from tests.helpers import page_text

from .content import URL, pdf_material


def counts(response, dimension: str) -> dict[str, int]:
    for group in response.context["facet_groups"]:
        if group["name"] == dimension:
            return {o["value"]: o["count"] for o in group["options"]}
    return {}


class MaterialYearTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        cls.event = EventPageFactory(
            parent=tree.events,
            title="Zukunftswerkstatt Hannover",
            start=timezone.make_aware(datetime(2019, 9, 30, 10)),
            end=timezone.make_aware(datetime(2019, 9, 30, 16)),
        )
        cls.programme = pdf_material("Programm Zukunftswerkstatt", "Tagesordnung und Pausen.")
        EventMaterial.objects.create(page=cls.event, document=cls.programme)
        cls.guide = pdf_material(
            "Handreichung Zukunftswerkstatt", "Arbeitshilfe.", date=date(2015, 4, 1)
        )
        cls.uploaded = pdf_material("Notizen Zukunftswerkstatt", "Stichpunkte.")

    def test_the_year_facet_counts_each_materials_own_year(self):
        response = self.client.get(URL, {"q": "Zukunftswerkstatt"})
        this_year = str(timezone.localdate().year)
        self.assertEqual(counts(response, "jahr"), {"2019": 2, "2015": 1, this_year: 1})
        narrowed = self.client.get(URL, {"q": "Zukunftswerkstatt", "jahr": "2015"})
        self.assertEqual([h.title for h in narrowed.context["hits"]], [self.guide.title])

    def test_results_show_the_materials_date(self):
        response = self.client.get(URL, {"q": "Programm Zukunftswerkstatt"})
        hit = next(h for h in response.context["hits"] if h.title == self.programme.title)
        self.assertEqual(hit.date, date(2019, 9, 30))
        self.assertIn("30.09.2019", page_text(response))

    def test_the_elasticsearch_document_carries_the_year(self):
        document = GermanMapping(Material).get_document(Material.objects.get(pk=self.programme.pk))
        self.assertEqual(document["gk_year"], 2019)
