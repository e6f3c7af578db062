"""A material uploaded by an editor is "zur Prüfung" and not public (not served,
found, suggested or listed) until a moderator approves it; a rejection keeps it
private and tells the uploader why; a moderator's upload is public at once; a
moderator's workflow approval of a page approves the materials it links.

Each test runs on SQLite (search.query.DatabaseEngine) and, with DATABASE_URL,
on PostgreSQL (search.postgres.PostgresEngine)."""

from __future__ import annotations

import pytest

from django.core import mail
from django.test import Client
from django.urls import reverse

from materials.models import Material, ReviewState
from materials.moderation import (
    approve_material,
    pending_materials,
    reject_material,
)
from tests.background import run_background_tasks
from tests.factories import MaterialFactory
from tests.materials.support import (
    downloads,
    edit_data,
    engine_hit,
    event_linking,
    found,
    listed,
    pdf_upload,
    suggested,
    upload,
)

WORD = "Quellwasserkartierung"  # only in the PDF's text
TITLE = "Zwischenbilanz Ufergespraech"


@pytest.fixture
def pending(editorial_site) -> Material:
    """A PDF uploaded by the Redaktion through the admin, linked by a live event."""
    material = upload(
        editorial_site.client_for("redaktion"), TITLE, f"Bericht zur {WORD} im Saaletal."
    )
    run_background_tasks()  # the worker reads the PDF's text (materials/tasks.py)
    material.refresh_from_db()
    material.event = event_linking(editorial_site.tree.events, material)
    return material


def public_view(material: Material) -> dict[str, bool]:
    anonymous = Client()
    return {
        "download": downloads(anonymous, material),
        "search": found(anonymous, WORD, material),
        "engine": engine_hit(WORD, material),
        "suggestion": suggested(anonymous, TITLE[:9], material),
        "listing": listed(anonymous, material.event),
    }


ALL_PUBLIC = {"download": True, "search": True, "engine": True, "suggestion": True, "listing": True}
NOTHING_PUBLIC = dict.fromkeys(ALL_PUBLIC, False)


def test_an_editors_upload_waits_for_review_and_is_not_public(pending):
    assert pending.review_state == ReviewState.PENDING
    assert pending.review_label == "Zur Prüfung"
    assert WORD in pending.extracted_text  # it would be found by its text
    assert public_view(pending) == NOTHING_PUBLIC


def test_unapproved_material_is_served_to_uploader_and_moderators_only(editorial_site, pending):
    site = editorial_site
    assert downloads(site.client_for("redaktion"), pending)  # the uploader
    assert downloads(site.client_for("moderation"), pending)
    assert downloads(site.client_for("administration"), pending)
    # Logged in, but no right to edit it: Weimar's regional editor.
    assert not downloads(site.client_for("regional_aussen"), pending)
    assert not downloads(Client(), pending)


def test_approval_makes_it_public(editorial_site, pending):
    assert list(pending_materials(editorial_site.users["moderation"])) == [pending]
    response = editorial_site.client_for("moderation").post(
        reverse("materials_approve", args=[pending.pk])
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.review_state == ReviewState.APPROVED
    assert pending.reviewed_by == editorial_site.users["moderation"]
    assert public_view(pending) == ALL_PUBLIC
    assert list(pending_materials(editorial_site.users["moderation"])) == []
    assert mail.outbox[-1].to == ["redaktion@example.org"]
    assert "freigegeben" in mail.outbox[-1].subject


def test_rejection_keeps_it_private_and_tells_the_uploader_why(editorial_site, pending):
    site = editorial_site
    response = site.client_for("moderation").post(
        reverse("materials_reject", args=[pending.pk]), {"comment": "Bitte ohne Namen."}
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.review_state == ReviewState.REJECTED
    assert public_view(pending) == NOTHING_PUBLIC
    assert "Begründung: Bitte ohne Namen." in mail.outbox[-1].body
    # The uploader sees the reason in the document listing and editor.
    editor = site.client_for("redaktion")
    listing = editor.get(reverse("wagtaildocs:index")).content.decode()
    assert "Zurückgewiesen: Bitte ohne Namen." in listing
    edit = editor.get(reverse("wagtaildocs:edit", args=[pending.pk])).content.decode()
    assert "Zurückgewiesen: Bitte ohne Namen." in edit


def test_a_rejected_material_saved_again_by_its_editor_is_submitted_again(editorial_site, pending):
    reject_material(pending, editorial_site.users["moderation"], "Falsche Datei.")
    editor = editorial_site.client_for("redaktion")
    response = editor.post(
        reverse("wagtaildocs:edit", args=[pending.pk]),
        edit_data(pending, description="Korrigiert"),
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.review_state == ReviewState.PENDING
    assert pending.review_comment == ""


def test_the_listing_shows_the_review_state(editorial_site, pending):
    listing = editorial_site.client_for("redaktion").get(reverse("wagtaildocs:index"))
    assert "Prüfstatus" in listing.content.decode()
    assert "Zur Prüfung" in listing.content.decode()


def test_a_moderators_upload_is_public_at_once(editorial_site):
    material = upload(
        editorial_site.client_for("moderation"), TITLE, f"Bericht zur {WORD} im Saaletal."
    )
    run_background_tasks()
    material.event = event_linking(editorial_site.tree.events, material)
    assert material.review_state == ReviewState.APPROVED
    assert public_view(material) == ALL_PUBLIC


def test_a_new_file_for_an_approved_material_waits_for_review(editorial_site):
    material = MaterialFactory(title=TITLE, uploaded_by_user=editorial_site.users["redaktion"])
    material.event = event_linking(editorial_site.tree.events, material)
    assert public_view(material)["download"]
    response = editorial_site.client_for("redaktion").post(
        reverse("wagtaildocs:edit", args=[material.pk]),
        edit_data(material, file=pdf_upload("neu.pdf", f"Neue Fassung zur {WORD}.")),
    )
    assert response.status_code == 302
    run_background_tasks()  # the new text is indexed: only the review hides it
    material.refresh_from_db()
    assert WORD in material.extracted_text
    assert material.review_state == ReviewState.PENDING
    assert material.submitted_by == editorial_site.users["redaktion"]  # told of the decision
    assert public_view(material) == NOTHING_PUBLIC


def test_metadata_edits_keep_an_approved_material_public(editorial_site):
    material = MaterialFactory(title=TITLE)
    editorial_site.client_for("redaktion").post(
        reverse("wagtaildocs:edit", args=[material.pk]),
        edit_data(material, kind="vortrag", description="Neu"),
    )
    material.refresh_from_db()
    assert (material.kind, material.review_state) == ("vortrag", ReviewState.APPROVED)


def test_replacing_the_file_in_code_needs_review_again(db):
    material = MaterialFactory()
    material.file = pdf_upload("ersatz.pdf", "Ersatz")
    material.save()
    assert material.review_state == ReviewState.PENDING


# -- the endpoints ------------------------------------------------------------------


def test_rejection_without_a_comment_is_refused(editorial_site, pending):
    client = editorial_site.client_for("moderation")
    response = client.post(reverse("materials_reject", args=[pending.pk]), {"comment": "  "})
    assert response.status_code == 400
    pending.refresh_from_db()
    assert pending.review_state == ReviewState.PENDING
    with pytest.raises(Exception, match="begründen"):
        reject_material(pending, editorial_site.users["moderation"], "")


@pytest.mark.parametrize("role", ["anonym", "redaktion", "regional_innen"])
def test_only_moderators_decide(editorial_site, pending, role):
    client = editorial_site.client_for(role)
    client.post(reverse("materials_approve", args=[pending.pk]))
    client.post(reverse("materials_reject", args=[pending.pk]), {"comment": "Nein"})
    pending.refresh_from_db()
    assert pending.review_state == ReviewState.PENDING
    assert list(pending_materials(editorial_site.users[role] or _anonymous())) == []
    with pytest.raises(Exception, match="Moderation"):
        approve_material(pending, editorial_site.users[role] or _anonymous())


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_endpoints_need_post_and_a_csrf_token(editorial_site, pending):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editorial_site.users["moderation"])
    assert client.get(reverse("materials_approve", args=[pending.pk])).status_code == 405
    assert client.post(reverse("materials_approve", args=[pending.pk])).status_code == 403
    pending.refresh_from_db()
    assert pending.review_state == ReviewState.PENDING
    review = client.get(reverse("materials_review", args=[pending.pk]))
    assert review.status_code == 200
    assert "Zur Prüfung" in review.content.decode()


def test_the_endpoint_redirects_back_with_a_message(editorial_site, pending):
    client = editorial_site.client_for("moderation")
    response = client.post(
        reverse("materials_approve", args=[pending.pk]),
        {"next": "/admin/pruefliste/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/admin/pruefliste/"
    assert any("freigegeben" in str(m) for m in response.context["messages"])


def test_unknown_material_gives_404(editorial_site):
    client = editorial_site.client_for("moderation")
    response = client.post(reverse("materials_approve", args=[999999]), follow=True)
    assert response.status_code == 404  # (after the language redirect of any 404)


def test_pending_materials_oldest_first(editorial_site):
    client = editorial_site.client_for("redaktion")
    materials = [upload(client, f"Material {n}", f"Text {n}") for n in range(3)]
    for material, year in zip(materials, (2022, 2020, 2021), strict=True):
        Material.objects.filter(pk=material.pk).update(
            submitted_at=material.submitted_at.replace(year=year)
        )
    expected = [materials[1], materials[2], materials[0]]
    assert list(pending_materials(editorial_site.users["moderation"])) == expected


def test_a_failing_mail_server_does_not_undo_the_decision(editorial_site, pending, settings):
    settings.EMAIL_BACKEND = "tests.materials.test_moderation.BrokenBackend"
    approve_material(pending, editorial_site.users["moderation"])
    pending.refresh_from_db()
    assert pending.review_state == ReviewState.APPROVED


def test_a_second_identical_decision_changes_nothing(editorial_site, pending):
    moderators = editorial_site.users["moderation"], editorial_site.users["administration"]
    approve_material(pending, moderators[0])
    approve_material(pending, moderators[1])
    pending.refresh_from_db()
    assert pending.reviewed_by == moderators[0]
    assert len(mail.outbox) == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("Mailserver nicht erreichbar")


# -- page approval --------------------------------------------------------------------


def test_approving_a_page_in_the_workflow_approves_its_pending_materials(editorial_site, pending):
    site = editorial_site
    other = upload(site.client_for("redaktion"), "Nicht verlinkt", "nirgends")
    event = pending.event
    event.title = "Regionalwerkstatt Gera (geändert)"
    revision = event.save_revision(user=site.users["redaktion"])
    event.get_workflow().start(event, site.users["redaktion"])
    event.refresh_from_db()
    task_state = event.current_workflow_task_state
    response = site.client_for("moderation").post(
        reverse("wagtailadmin_pages:workflow_action", args=[event.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    event.refresh_from_db()
    assert event.live_revision_id == revision.pk
    pending.refresh_from_db()
    other.refresh_from_db()
    assert pending.review_state == ReviewState.APPROVED
    assert other.review_state == ReviewState.PENDING  # not linked by the page
    assert public_view(pending) == ALL_PUBLIC
