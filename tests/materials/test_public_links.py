"""One rule for the public materials a page links to (materials.models.public_material_links):
region pages and practice examples both keep approved materials outside restricted
collections, in the editors' order (sort_order, then the order the links were added)."""

import pytest

from django.contrib.auth.models import Group

from materials.models import public_material_links
from practice.models import PracticeMaterial
from regions.models import RegionMaterial
from tests.factories import (
    MaterialFactory,
    PracticePageFactory,
    RegionPageFactory,
    add_practice_index,
    restricted_collection,
)

pytestmark = pytest.mark.django_db


def link_all(link_model, page, documents):
    """Links in the order given; sort_order counts down, so it (not the id) decides."""
    for position, document in enumerate(documents):
        link_model.objects.create(page=page, document=document, sort_order=10 - position)


@pytest.mark.parametrize(
    "link_model", [RegionMaterial, PracticeMaterial], ids=["region", "practice"]
)
def test_only_public_materials_in_the_editors_order(site_tree, link_model):
    if link_model is RegionMaterial:
        page = RegionPageFactory(parent=site_tree.regions)
    else:
        page = PracticePageFactory(parent=add_practice_index(site_tree.home))
    first = MaterialFactory(title="Erstes Programm")
    draft = MaterialFactory(title="Unfertiger Entwurf", review_state="pending")
    secret = MaterialFactory(
        title="Internes Protokoll",
        collection=restricted_collection(group=Group.objects.create(name="Netzwerk Gera")),
    )
    second = MaterialFactory(title="Zweites Programm")
    link_all(link_model, page, [second, draft, secret, first])

    links = public_material_links(page.material_links)

    assert [link.document.title for link in links] == ["Erstes Programm", "Zweites Programm"]
    assert links.count() == 2
