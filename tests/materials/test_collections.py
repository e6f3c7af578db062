"""apply_editorial creates "Materialien" and one collection per region, grants the
regional editors their region's collection only, and every upload form starts
in the user's region collection (regional editors) or "Materialien", never in
the root collection."""

from __future__ import annotations

import json

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Collection, GroupCollectionPermission

from editorial.setup import apply_editorial_setup, editorial_drift
from materials.collections import default_collection, materials_collection, region_collection
from materials.models import Material, ReviewState
from tests.materials.support import form_collection, pdf_upload, upload_multiple


def test_apply_editorial_creates_the_collections_once(editorial_site):
    root = Collection.get_first_root_node()
    assert materials_collection(create=False).get_parent() == root
    gera = region_collection("Gera", create=False)
    assert gera.get_parent().name == "Regionen"
    assert region_collection("Weimar", create=False) is not None
    assert editorial_drift() == []
    count = Collection.objects.count()
    assert apply_editorial_setup() == []
    assert Collection.objects.count() == count


def test_regional_groups_have_material_rights_only_on_their_region(editorial_site):
    group = Group.objects.get(name="Regionale Redaktion Gera")
    documents = GroupCollectionPermission.objects.filter(
        group=group, permission__content_type__app_label="wagtaildocs"
    )
    assert {p.collection.name for p in documents} == {"Gera"}
    assert {p.permission.codename for p in documents} == {
        "add_document",
        "change_document",
        "choose_document",
    }


def test_a_stray_root_right_of_a_regional_group_is_removed(editorial_site):
    group = Group.objects.get(name="Regionale Redaktion Gera")
    from django.contrib.auth.models import Permission

    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_document"),
    )
    changes = apply_editorial_setup()
    assert any("Sammlungsrecht entfernt: Regionale Redaktion Gera" in c for c in changes)
    assert editorial_drift() == []


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("redaktion", "Materialien"),
        ("moderation", "Materialien"),
        ("administration", "Materialien"),
        ("regional_innen", "Gera"),
        ("regional_aussen", "Weimar"),
    ],
)
def test_default_collection(editorial_site, role, expected):
    assert default_collection(editorial_site.users[role]).name == expected


def test_materialien_is_the_default_also_beside_older_collections(site_tree):
    """A site that had collections before apply_editorial created "Materialien"."""
    from django.contrib.auth import get_user_model

    Collection.get_first_root_node().add_child(name="Archiv")
    apply_editorial_setup()
    user = get_user_model().objects.create_user("r", "r@example.org", "x")
    user.groups.add(Group.objects.get(name="Redaktion"))
    assert default_collection(user).name == "Materialien"


def test_the_add_view_preselects_materialien(editorial_site):
    client = editorial_site.client_for("redaktion")
    assert form_collection(client) == materials_collection(create=False).pk


def test_a_regional_editor_uploads_into_the_region_without_choosing(editorial_site):
    client = editorial_site.client_for("regional_innen")
    assert form_collection(client) is None  # one collection: no choice shown
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Gera Programm",
            "file": pdf_upload("g.pdf", "Gera"),
            "kind": "programm",
            "description": "",
            "tags": "",
        },
    )
    assert response.status_code == 302
    material = Material.objects.get(title="Gera Programm")
    assert material.collection == region_collection("Gera", create=False)
    assert material.review_state == ReviewState.PENDING


def test_the_multiple_upload_preselects_materialien(editorial_site):
    client = editorial_site.client_for("redaktion")
    response = client.get(reverse("wagtaildocs:add_multiple"))
    materials = materials_collection(create=False)
    assert response.context["selected_collection_id"] == str(materials.pk)
    assert f'<option value="{materials.pk}" selected>' in response.text


def test_the_multiple_upload_is_moderated(editorial_site):
    client = editorial_site.client_for("redaktion")
    collection = materials_collection(create=False)
    response = upload_multiple(client, "Mehrfach", "Mehrfach", collection=collection)
    assert response.json()["success"], response.json()
    material = Material.objects.get(pk=response.json()["doc_id"])
    assert material.collection == collection
    assert material.kind == "sonstiges"  # set in the form that follows the upload
    assert material.review_state == ReviewState.PENDING
    assert material.submitted_by == editorial_site.users["redaktion"]


def test_the_chooser_upload_tab_preselects_and_moderates(editorial_site):
    client = editorial_site.client_for("redaktion")
    chooser = client.get(reverse("wagtaildocs_chooser:choose"))
    form = chooser.context["creation_form"]
    assert form["collection"].value() == materials_collection(create=False).pk
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Aus dem Auswahldialog",
            "document-chooser-upload-file": pdf_upload("c.pdf", "Auswahl"),
            "document-chooser-upload-collection": form["collection"].value(),
            "document-chooser-upload-kind": "programm",
            "document-chooser-upload-description": "",
            "document-chooser-upload-tags": "",
        },
    )
    assert json.loads(response.content)["step"] == "chosen"
    material = Material.objects.get(title="Aus dem Auswahldialog")
    assert material.collection == materials_collection(create=False)
    assert material.review_state == ReviewState.PENDING
