"""The region page's bounded lists also work in the editor's preview, where its
inline links (materials) are in memory (modelcluster), not in the database."""

from django.core.files.base import ContentFile
from django.test import TestCase

from regions.models import REGION_MATERIALS_SHOWN, RegionMaterial
from tests.factories import MaterialFactory, RegionPageFactory, build_tree


class RegionPreviewTests(TestCase):
    def test_preview_with_unsaved_material_links(self):
        tree = build_tree()
        region = RegionPageFactory(parent=tree.regions, title="Gera", slug="gera")
        documents = [
            MaterialFactory(
                title=f"Programm Werkstatt {i}", file=ContentFile(b"Programm", name=f"p{i}.txt")
            )
            for i in range(12)
        ]
        # As the editor's form leaves them: set on the page, nothing saved.
        region.material_links = [RegionMaterial(document=d) for d in documents]
        response = region.make_preview_request()
        self.assertEqual(response.status_code, 200)
        response.render()
        html = response.content.decode()
        self.assertIn("Programm Werkstatt 0<", html)
        self.assertNotIn(f"Programm Werkstatt {REGION_MATERIALS_SHOWN}<", html)
        self.assertIn("Alle 12 Materialien aus Gera", html)
