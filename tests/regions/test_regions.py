"""Regions: the list grouped by Land, one region with everything linked to it."""

from datetime import date

from django.contrib.auth.models import Group
from django.test import TestCase

from events.models import EventRegion
from news.models import NewsRegion
from regions.models import (
    ProcessPhase,
    RegionContact,
    RegionKind,
    RegionMaterial,
    RegionPartner,
    RegionRole,
)
from tests.factories import (
    EventPageFactory,
    MaterialFactory,
    NewsPageFactory,
    RegionPageFactory,
    build_tree,
    bundesland,
    restrict_to_group,
    restricted_collection,
)
from tests.helpers import page_links, page_text


class RegionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.public_material = MaterialFactory(title="Handlungsleitfaden Gera")
        cls.internal_material = MaterialFactory(
            title="Interne Auswertung Gera",
            collection=restricted_collection(group=Group.objects.create(name="Netzwerk Gera")),
        )
        cls.gera = RegionPageFactory(
            parent=cls.tree.regions,
            title="Gera",
            slug="gera",
            kind=RegionKind.KREISFREIE_STADT,
            role=RegionRole.PARTNERKOMMUNE,
            bundesland=bundesland("thueringen"),
            network_name="Netzwerk Gesund aufwachsen in Gera",
            process_phase=ProcessPhase.AUFBAU,
            joined=date(2018, 5, 1),
            intro="Die kreisfreie Stadt baut eine Präventionskette auf.",
            contacts=[
                RegionContact(
                    role="Koordination Präventionskette",
                    organisation="Stadtverwaltung Gera",
                    email="praevention@gera.example",
                    phone="0365 000000",
                )
            ],
            partners=[RegionPartner(name="Jobcenter Gera", url="https://jobcenter.example/")],
            material_links=[
                RegionMaterial(document=cls.public_material),
                RegionMaterial(document=cls.internal_material),
            ],
        )
        cls.hannover = RegionPageFactory(
            parent=cls.tree.regions,
            title="Region Hannover",
            bundesland=bundesland("niedersachsen"),
        )
        cls.weimar = RegionPageFactory(parent=cls.tree.regions, title="Weimar")
        RegionPageFactory(parent=cls.tree.regions, title="Entwurfsregion", live=False)
        cls.event = EventPageFactory(
            parent=cls.tree.events,
            title="Werkstatt in Gera",
            region_links=[EventRegion(region=cls.gera)],
        )
        cls.other_event = EventPageFactory(parent=cls.tree.events, title="Werkstatt in Weimar")
        cls.news = NewsPageFactory(
            parent=cls.tree.news,
            title="Gera tritt dem Partnerprozess bei",
            region_links=[NewsRegion(region=cls.gera)],
        )
        cls.other_news = NewsPageFactory(parent=cls.tree.news, title="Neues aus Weimar")

    def test_region_list_groups_by_bundesland(self):
        response = self.client.get("/de/regionen/")
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        for fact in ("Niedersachsen", "Thüringen", "Gera", "Region Hannover", "Weimar"):
            self.assertIn(fact, text)
        self.assertNotIn("Entwurfsregion", text)
        groups = {
            g["bundesland"].slug: [r.title for r in g["regions"]]
            for g in response.context["groups"]
        }
        self.assertEqual(
            groups, {"niedersachsen": ["Region Hannover"], "thueringen": ["Gera", "Weimar"]}
        )
        links = page_links(response)
        self.assertIn("/de/regionen/gera/", links)

    def test_region_page_shows_its_facts(self):
        response = self.client.get("/de/regionen/gera/")
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        for fact in (
            "Gera",
            "Kreisfreie Stadt",
            "Partnerkommune",
            "Thüringen",
            "Netzwerk Gesund aufwachsen in Gera",
            "Aufbau der Vernetzungsstruktur",
            "Die kreisfreie Stadt baut eine Präventionskette auf.",
        ):
            self.assertIn(fact, text)
        self.assertTrue(any(y in text for y in ("2018", "05.2018")), "joined date missing")

    def test_region_page_lists_contacts_and_partners(self):
        response = self.client.get("/de/regionen/gera/")
        text = page_text(response)
        self.assertIn("Koordination Präventionskette", text)
        self.assertIn("Stadtverwaltung Gera", text)
        self.assertIn("mailto:praevention@gera.example", page_links(response))
        self.assertIn("Jobcenter Gera", text)
        self.assertIn("https://jobcenter.example/", page_links(response))

    def test_region_page_lists_public_materials_only(self):
        response = self.client.get("/de/regionen/gera/")
        text = page_text(response)
        self.assertIn("Handlungsleitfaden Gera", text)
        self.assertIn(self.public_material.url, page_links(response))
        self.assertNotIn("Interne Auswertung Gera", text)
        self.assertNotIn(self.internal_material.url, page_links(response))

    def test_public_material_downloads_and_internal_one_does_not(self):
        response = self.client.get(self.public_material.url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(b"".join(response.streaming_content).startswith(b"%PDF"))
        response = self.client.get(self.internal_material.url)
        self.assertNotEqual(response.status_code, 200)

    def test_region_page_lists_linked_events_and_news(self):
        response = self.client.get("/de/regionen/gera/")
        text = page_text(response)
        links = page_links(response)
        self.assertIn("Werkstatt in Gera", text)
        self.assertIn(self.event.url, links)
        self.assertIn("Gera tritt dem Partnerprozess bei", text)
        self.assertIn(self.news.url, links)
        self.assertNotIn("Werkstatt in Weimar", text)
        self.assertNotIn("Neues aus Weimar", text)

    def test_event_page_links_back_to_the_region(self):
        response = self.client.get(self.event.url)
        self.assertIn("/de/regionen/gera/", page_links(response))

    def test_event_page_does_not_name_a_restricted_region(self):
        secret = RegionPageFactory(parent=self.tree.regions, title="Geschlossene Region")
        restrict_to_group(secret, Group.objects.create(name="Netzwerk Geschlossen"))
        event = EventPageFactory(
            parent=self.tree.events,
            title="Treffen mit zwei Regionen",
            region_links=[EventRegion(region=self.gera), EventRegion(region=secret)],
        )
        response = self.client.get(event.url)
        self.assertIn("/de/regionen/gera/", page_links(response))
        self.assertNotIn("Geschlossene Region", page_text(response))

    def test_draft_region_is_not_served(self):
        self.assertEqual(self.client.get("/de/regionen/entwurfsregion/").status_code, 404)
