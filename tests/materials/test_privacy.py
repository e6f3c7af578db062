"""Privacy of materials on every channel: a material in a CHILD collection of a
view-restricted collection is not served, listed, found or suggested; the
Elasticsearch documents and query carry the review state; the search table on
PostgreSQL holds it (search.entries)."""

from __future__ import annotations

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client

from wagtail.models import Locale

from materials.models import Material, ReviewState
from materials.moderation import approve_material
from search import elastic
from search.facets import Facets, facet_document
from search.query import SearchParams
from tests.background import run_background_tasks
from tests.factories import MaterialFactory, make_pdf, restricted_collection
from tests.factories.materials import collection as top_collection
from tests.materials.support import downloads, event_linking, found, listed, suggested

WORD = "Grundwasserneubildung"
TITLE = "Vertrauliches Protokoll Steuerungsgruppe"


def in_child_of_restricted(site, group=None) -> Material:
    parent = restricted_collection("Interne Materialien", group=group)
    child = parent.add_child(name="Protokolle")
    material = MaterialFactory(
        title=TITLE,
        collection=child,
        file=ContentFile(make_pdf(f"Ergebnisse zur {WORD}."), name="protokoll.pdf"),
    )
    run_background_tasks()  # its text is indexed: only the restriction hides it
    material.refresh_from_db()
    material.event = event_linking(site.tree.events, material)
    return material


@pytest.mark.parametrize("restriction", ["login", "groups"])
def test_a_material_in_a_child_of_a_restricted_collection_stays_private(
    editorial_site, restriction
):
    group = Group.objects.create(name="Netzwerk Gera") if restriction == "groups" else None
    material = in_child_of_restricted(editorial_site, group)
    assert material.is_approved  # only the collection keeps it private
    anonymous = Client()
    assert not downloads(anonymous, material)
    assert not listed(anonymous, material.event)
    assert not found(anonymous, WORD, material)
    assert not suggested(anonymous, TITLE[:10], material)


def test_the_same_material_outside_the_restriction_is_public(editorial_site):
    """The control: what makes the test above pass is the restriction."""
    material = MaterialFactory(
        title=TITLE,
        collection=top_collection("Protokolle"),
        file=ContentFile(make_pdf(f"Ergebnisse zur {WORD}."), name="protokoll.pdf"),
    )
    run_background_tasks()
    material.refresh_from_db()
    material.event = event_linking(editorial_site.tree.events, material)
    anonymous = Client()
    assert downloads(anonymous, material)
    assert listed(anonymous, material.event)
    assert found(anonymous, WORD, material)
    assert suggested(anonymous, TITLE[:10], material)


# -- Elasticsearch: documents and query -------------------------------------------


def test_elasticsearch_documents_carry_the_review_state(db):
    pending = MaterialFactory(review_state=ReviewState.PENDING)
    approved = MaterialFactory()
    assert facet_document(pending)["gk_live"] is False
    assert facet_document(approved)["gk_live"] is True


def test_elasticsearch_query_finds_approved_materials_only(db):
    locale = Locale.get_default()
    params = SearchParams(query="Programm", locale=locale, facets=Facets())
    body = elastic.build_search(
        params, indices=["pages", "materials"], page_paths=[], collection_paths=[]
    ).to_dict()
    materials = body["query"]["bool"]["filter"][0]["bool"]["should"][1]
    assert {"term": {"gk_live": True}} in materials["bool"]["filter"]
    suggest = elastic.build_suggest(
        "Prog", locale, indices=["pages", "materials"], page_paths=[], collection_paths=[]
    ).to_dict()
    materials = suggest["query"]["bool"]["filter"][0]["bool"]["should"][1]
    assert {"term": {"gk_live": True}} in materials["bool"]["filter"]


# -- PostgreSQL: the search table ----------------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the table is used on PostgreSQL")
def test_the_search_table_follows_the_review_state(editorial_site):
    from search.models import SearchEntry

    material = MaterialFactory(review_state=ReviewState.PENDING)
    entry = SearchEntry.objects.get(is_material=True, object_id=material.pk)
    assert entry.live is False
    approve_material(material, editorial_site.users["moderation"])
    entry.refresh_from_db()
    assert entry.live is True
