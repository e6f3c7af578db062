"""The moderation sees who submitted a practice example (read-only, in the admin
under Einreichungen); editors do not. The Prüfliste names such a page's author
"Öffentliche Einreichung", never the submitter."""

from __future__ import annotations

import pytest

from editorial.views import awaiting_review
from practice.models import Submission
from tests.editorial.ui_support import ui_submit
from tests.factories import StandardPageFactory
from tests.shared import copy_of, module_world

from .submission_support import SUBMITTER, submission_site, submitted

pytestmark = pytest.mark.django_db


_world = module_world(submission_site)


@pytest.fixture
def site(_world, db):
    return copy_of(_world, submission_site)


def test_moderation_sees_the_submitter_read_only(client, site):
    _token, token_hash = Submission.new_token()
    submission = Submission.objects.create(
        email=SUBMITTER, name="Erika Einreicherin", token_hash=token_hash
    )
    client.force_login(site.team["moderation"])
    listing = client.get("/admin/einreichungen/")
    assert listing.status_code == 200
    assert SUBMITTER in listing.content.decode()
    inspect = client.get(f"/admin/einreichungen/inspect/{submission.pk}/")
    assert "Erika Einreicherin" in inspect.content.decode()
    # Read-only: no changing, no deleting.
    assert client.get(f"/admin/einreichungen/edit/{submission.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/einreichungen/delete/{submission.pk}/").status_code in (302, 403)
    assert Submission.objects.filter(pk=submission.pk, email=SUBMITTER).exists()


def test_editors_do_not_see_submitters(client, site):
    _token, token_hash = Submission.new_token()
    Submission.objects.create(email=SUBMITTER, token_hash=token_hash)
    client.force_login(site.team["redaktion"])
    response = client.get("/admin/einreichungen/")
    assert response.status_code in (302, 403)
    assert SUBMITTER not in client.get("/admin/").content.decode()


def test_review_list_names_a_public_submission(client, site):
    page = submitted(site)
    # Beside it: a page whose requesting account is gone stays "unbekannt".
    orphan = StandardPageFactory(parent=site.tree.home, title="Verwaiste Seite", live=False)
    ui_submit(orphan, site.team["redaktion"])
    site.team["redaktion"].delete()
    editor_page = StandardPageFactory(
        parent=site.tree.home, title="Seite der Redaktion", live=False
    )
    ui_submit(editor_page, site.team["administration"])

    authors = {row.page.title: row.author for row in awaiting_review(site.team["moderation"])}
    assert authors == {
        page.title: "Öffentliche Einreichung",
        "Verwaiste Seite": "unbekannt",
        "Seite der Redaktion": "Admina",
    }
    client.force_login(site.team["moderation"])
    listing = client.get("/admin/pruefliste/").content.decode()
    assert "Öffentliche Einreichung" in listing
    assert SUBMITTER not in listing
