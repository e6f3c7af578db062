"""The moderation sees who submitted a practice example (read-only, in the admin
under Einreichungen); editors do not."""

from __future__ import annotations

import pytest

from practice.models import Submission

from .submission_support import SUBMITTER, submission_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return submission_site()


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
