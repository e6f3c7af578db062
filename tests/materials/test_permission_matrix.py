"""Who may do what with materials, through the admin's real views: role × action
× collection. "Materialien" is the default collection, "Gera" and "Weimar" are
region collections ("Regionen" › <Region>); "regional_innen" is Gera's regional
editor, "regional_aussen" Weimar's. ALLOWED is the contract; every other cell
must have no effect (each test asserts the database or the listing)."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client, TestCase
from django.urls import reverse

from materials.collections import materials_collection, region_collection
from materials.models import Material, ReviewState
from tests.editorial.site import ROLE_GROUPS, build_editorial_site
from tests.factories import MaterialFactory
from tests.materials.support import edit_data, pdf_upload

ROLES = tuple(ROLE_GROUPS)
TARGETS = ("materialien", "gera", "weimar")
WIDE = ("redaktion", "moderation", "administration")  # rights on the root collection
EVERYWHERE = frozenset(TARGETS)
REGION_OF = {"regional_innen": frozenset({"gera"}), "regional_aussen": frozenset({"weimar"})}
IN_SCOPE = {**dict.fromkeys(WIDE, EVERYWHERE), **REGION_OF}

# action -> role -> collections where the action takes effect. Missing = never.
ALLOWED: dict[str, dict[str, frozenset[str]]] = {
    "hochladen": IN_SCOPE,
    "sehen": IN_SCOPE,
    "auswaehlen": IN_SCOPE,
    "bearbeiten_eigenes": {**dict.fromkeys(WIDE, EVERYWHERE), **REGION_OF},
    "bearbeiten_fremdes": IN_SCOPE,
    "freigeben": dict.fromkeys(("moderation", "administration"), EVERYWHERE),
    # Deleting what is not public yet: whoever may edit it. Deleting a public
    # material takes it offline without review: the Administration's.
    "loeschen_eingereicht": IN_SCOPE,
    "loeschen_freigegeben": {"administration": EVERYWHERE},
}


class Cell:
    def __init__(self, test: MaterialMatrixTest, role: str, target: str):
        self.test, self.role, self.target = test, role, target
        self.client: Client = test.site.client_for(role)
        self.user = test.site.users[role]
        self.collection = test.collections[target]

    def material(self, key: str) -> Material:
        return self.test.materials[(key, self.target)]


def upload(cell: Cell) -> bool:
    title = f"Upload {cell.role}"
    cell.client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": pdf_upload("neu.pdf", "Neu"),
            "collection": cell.collection.pk,
            "kind": "programm",
            "description": "",
            "tags": "",
        },
    )
    return Material.objects.filter(title=title, collection=cell.collection).exists()


def see(cell: Cell) -> bool:
    response = cell.client.get(reverse("wagtaildocs:index"))
    return response.status_code == 200 and cell.material("fremd").title in response.text


def choose(cell: Cell) -> bool:
    material = cell.material("fremd")
    listing = cell.client.get(reverse("wagtaildocs_chooser:choose"))
    chosen = cell.client.get(reverse("wagtaildocs_chooser:chosen", args=[material.pk]))
    listed = listing.status_code == 200 and material.title in listing.text
    return listed and chosen.status_code == 200


def _edit(cell: Cell, material: Material) -> bool:
    cell.client.post(
        reverse("wagtaildocs:edit", args=[material.pk]),
        edit_data(material, title="Geänderter Titel"),
    )
    return Material.objects.get(pk=material.pk).title == "Geänderter Titel"


def edit_own(cell: Cell) -> bool:
    if cell.user is None:
        return False
    own = MaterialFactory(
        collection=cell.collection, uploaded_by_user=cell.user, review_state=ReviewState.PENDING
    )
    return _edit(cell, own)


def edit_others(cell: Cell) -> bool:
    return _edit(cell, cell.material("fremd"))


def approve(cell: Cell) -> bool:
    material = cell.material("eingereicht")
    cell.client.post(reverse("materials_approve", args=[material.pk]))
    return Material.objects.get(pk=material.pk).review_state == ReviewState.APPROVED


def _delete(cell: Cell, material: Material) -> bool:
    cell.client.post(reverse("wagtaildocs:delete", args=[material.pk]))
    return not Material.objects.filter(pk=material.pk).exists()


def delete_pending(cell: Cell) -> bool:
    return _delete(cell, cell.material("eingereicht"))


def delete_approved(cell: Cell) -> bool:
    return _delete(cell, cell.material("fremd"))


ACTIONS: dict[str, Callable[[Cell], bool]] = {
    "hochladen": upload,
    "sehen": see,
    "auswaehlen": choose,
    "bearbeiten_eigenes": edit_own,
    "bearbeiten_fremdes": edit_others,
    "freigeben": approve,
    "loeschen_eingereicht": delete_pending,
    "loeschen_freigegeben": delete_approved,
}


class MaterialMatrixTest(TestCase):
    """One generated test per cell; see ALLOWED for the expected outcomes."""

    @classmethod
    def setUpTestData(cls):
        cls.site = build_editorial_site()
        cls.collections = {
            "materialien": materials_collection(create=False),
            "gera": region_collection("Gera", create=False),
            "weimar": region_collection("Weimar", create=False),
        }
        uploader = cls.site.users["moderation"]
        cls.materials = {}
        for target, collection in cls.collections.items():
            cls.materials[("fremd", target)] = MaterialFactory(
                title=f"Fremdes Material {target}", collection=collection, uploaded_by_user=uploader
            )
            cls.materials[("eingereicht", target)] = MaterialFactory(
                title=f"Eingereichtes Material {target}",
                collection=collection,
                uploaded_by_user=uploader,
                review_state=ReviewState.PENDING,
            )

    def check_cell(self, role: str, target: str, action: str) -> None:
        expected = target in ALLOWED[action].get(role, frozenset())
        happened = ACTIONS[action](Cell(self, role, target))
        verb = "erlaubt" if expected else "verboten"
        self.assertEqual(happened, expected, f"{action} als {role} ({target}) ist {verb}")

    def test_region_collections_exist(self):
        for collection in self.collections.values():
            self.assertIsNotNone(collection)
        self.assertEqual(self.collections["gera"].get_parent().name, "Regionen")


def _make_test(role: str, target: str, action: str):
    def test(self):
        self.check_cell(role, target, action)

    test.__doc__ = f"{role} / {target} / {action}"
    return test


for _action in ACTIONS:
    for _role in ROLES:
        for _target in TARGETS:
            setattr(
                MaterialMatrixTest,
                f"test_{_action}__{_role}__{_target}",
                _make_test(_role, _target, _action),
            )
