"""Inline panel children in the page editor are headed by what they link or name
("Programm der Lernwerkstatt", "Gera") instead of "Materialien 1"
(home/templates/wagtailadmin/panels/inline_panel_child.html)."""

import re

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from events.models import EventMaterial, EventRegion
from regions.models import RegionContact, RegionPartner
from tests.factories import EventPageFactory, MaterialFactory, RegionPageFactory, build_tree

HEADING = re.compile(r'<h2 class="w-panel__heading[^"]*"[^>]*>(.*?)</h2>', re.S)


def child_headings(html: str, prefix: str) -> list[str]:
    """The headings of the inline panel children whose form prefix is ``prefix``."""
    headings = []
    for match in re.finditer(rf'<div data-inline-panel-child id="inline_child_{prefix}-\d+"', html):
        heading = HEADING.search(html, match.end())
        text = re.sub(r"<[^>]+>", "", heading.group(1))
        headings.append(" ".join(text.split()))
    return headings


class InlinePanelHeadingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        cls.region = RegionPageFactory(parent=tree.regions, title="Gera", slug="gera")
        RegionContact.objects.create(
            page=cls.region, role="Koordinierungsstelle", organisation="Stadt Gera"
        )
        RegionPartner.objects.create(page=cls.region, name="Jugendamt")
        cls.event = EventPageFactory(parent=tree.events, title="Lernwerkstatt")
        material = MaterialFactory(title="Programm der Lernwerkstatt")
        EventMaterial.objects.create(page=cls.event, document=material)
        EventRegion.objects.create(page=cls.event, region=cls.region)
        cls.admin = get_user_model().objects.create_superuser("panel-admin", "a@example.org")

    def edit_html(self, page) -> str:
        self.client.force_login(self.admin)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_links_are_headed_by_the_linked_title(self):
        html = self.edit_html(self.event)
        self.assertEqual(child_headings(html, "material_links"), ["Programm der Lernwerkstatt"])
        self.assertEqual(child_headings(html, "region_links"), ["Gera"])

    def test_contacts_and_partners_are_headed_by_their_names(self):
        html = self.edit_html(self.region)
        self.assertEqual(child_headings(html, "contacts"), ["Koordinierungsstelle, Stadt Gera"])
        self.assertEqual(child_headings(html, "partners"), ["Jugendamt"])

    def test_a_new_child_keeps_the_label_and_number(self):
        html = self.edit_html(self.event)
        template = html[html.index('id="id_material_links-EMPTY_FORM_TEMPLATE"') :]
        heading = HEADING.search(template).group(1)
        self.assertIn("Materialien", heading)
        self.assertIn("data-inline-panel-child-count", heading)
