"""The whole public submission with the test client: start, the link by mail,
confirming, five steps, "later" and resuming, submitting (a draft in the review
workflow that the moderators see in the Prüfliste), rejection with a comment,
resubmission, approval; the submitter's data never reaches the page."""

from __future__ import annotations

import json

import pytest

from django.core import mail

from wagtail.models import WorkflowState

from editorial.decisions import decide
from practice.models import PracticePage, Submission
from practice.models.submission import SubmissionStatus
from tests.shared import copy_of, module_world

from .submission_support import (
    START,
    SUBMITTER,
    criteria_step,
    link_token,
    start_data,
    step1,
    step2,
    submission_site,
)

pytestmark = pytest.mark.django_db


_world = module_world(submission_site)


@pytest.fixture
def site(_world, db):
    return copy_of(_world, submission_site)


def begin(client) -> str:
    """Start a submission; the resume path from the mailed link."""
    response = client.post(START, start_data())
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [SUBMITTER]
    return f"{START}{link_token(mail.outbox[0])}/"


def fill_all(client, site, path: str) -> None:
    for data in (
        step1(site),
        step2(),
        criteria_step(3, {1: ("2", "Eltern werden gefragt."), 5: ("3", "Kinder entscheiden.")}),
        criteria_step(4, {12: ("1", "")}),
    ):
        response = client.post(path, {**data, "action": "next"})
        assert response.status_code == 302, response.content.decode()[:3000]


def current_task_state(page):
    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    return state.current_task_state


def test_start_stores_only_the_address_until_the_link_is_opened(client, site):
    page = client.get(START)
    assert page.status_code == 200
    assert 'name="website"' in page.content.decode()
    path = begin(client)
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.UNCONFIRMED
    assert submission.email == SUBMITTER
    assert submission.data == {"index": site.practice.pk}
    assert submission.token_hash not in path  # only the hash is stored

    response = client.get(path)
    assert response.status_code == 200
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.EDITING
    assert submission.confirmed_at is not None
    assert "Schritt 1 von 5" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"


def test_later_and_resume_continue_at_the_saved_step(client, site):
    path = begin(client)
    client.get(path)
    client.post(path, {**step1(site), "action": "next"})
    response = client.post(path, {**step2(), "action": "later"})
    assert response.status_code == 200
    assert "Link erneut per E-Mail senden" in response.content.decode()
    submission = Submission.objects.get()
    assert submission.step == 2
    assert submission.data["steps"]["2"]["title"] == "Bewegte Kita Musterstadt"

    # Re-send the link: a second mail with a working link.
    response = client.post(path, {"action": "resend"})
    assert len(mail.outbox) == 2
    assert f"{START}{link_token(mail.outbox[1])}/" == path

    other = client.__class__()
    resumed = other.get(path).content.decode()
    assert 'aria-current="step">Schritt 2 von 5' in resumed
    assert 'value="Bewegte Kita Musterstadt"' in resumed


def test_back_keeps_what_was_typed_and_opens_the_previous_step(client, site):
    path = begin(client)
    client.get(path)
    client.post(path, {**step1(site), "action": "next"})
    response = client.post(path, {**step2(title=""), "action": "back"})
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.step == 1
    assert submission.data["steps"]["2"]["teaser"] == "Kitas bewegen sich jeden Tag."
    assert 'aria-current="step">Schritt 1 von 5' in client.get(path).content.decode()


def test_submit_creates_a_draft_in_review_without_the_submitter(client, site):
    path = begin(client)
    client.get(path)
    fill_all(client, site, path)
    review = client.get(path).content.decode()
    assert "Schritt 5 von 5" in review
    assert "Bewegte Kita Musterstadt" in review  # the summary
    assert "180 Tage" in review  # the retention period at the consent

    refused = client.post(path, {"step": "5", "action": "submit"})
    assert "Bitte stimmen Sie zu" in refused.content.decode()
    assert not PracticePage.objects.exists()

    response = client.post(path, {"step": "5", "consent": "on", "action": "submit"})
    assert response.status_code == 200
    assert "Praxisbeispiel eingereicht" in response.content.decode()

    page = PracticePage.objects.get()
    assert not page.live
    assert page.get_parent().pk == site.practice.pk
    assert page.owner is None
    revision = page.get_latest_revision()
    assert revision.user is None
    content = json.dumps(revision.content)
    assert SUBMITTER not in content and "Erika" not in content
    assert page.municipality == "Musterstadt"
    assert [a.level for a in page.get_latest_revision_as_object().assessments.all()] == [2, 3, 1]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by is None

    submission = Submission.objects.get()
    assert (submission.status, submission.page_id) == (SubmissionStatus.SUBMITTED, page.pk)

    # The moderators see it in their Prüfliste; the public does not.
    client.force_login(site.team["moderation"])
    listing = client.get("/admin/pruefliste/").content.decode()
    assert "Bewegte Kita Musterstadt" in listing
    assert SUBMITTER not in listing
    client.logout()
    # (The list's template belongs to the listing's branch: the draft's own
    # address answers 404 to the public.)
    assert client.get(f"/de/praxisdatenbank/{page.slug}/").status_code == 404
    found = client.get("/de/suche/", {"q": "Bewegte Kita"}).content.decode()
    assert "Bewegte Kita Musterstadt" not in found
    assert SUBMITTER not in found
    # Sent: the link shows the state and no form any more.
    assert 'name="action"' not in client.get(path).content.decode()


def test_rejection_reopens_the_form_and_resubmission_then_approval(
    client, site, django_capture_on_commit_callbacks
):
    path = begin(client)
    client.get(path)
    fill_all(client, site, path)
    client.post(path, {"step": "5", "consent": "on", "action": "submit"})
    page = PracticePage.objects.get()
    moderator = site.team["moderation"]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decide(current_task_state(page).pk, moderator, "reject", "Bitte den Zeitraum prüfen.")
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.REJECTED
    assert submission.last_comment == "Bitte den Zeitraum prüfen."
    # Only the submitter hears of it (Wagtail's own mail goes to requested_by: nobody).
    assert [m.to for m in mail.outbox] == [[SUBMITTER]]
    to_submitter = mail.outbox
    assert "Bitte den Zeitraum prüfen." in to_submitter[0].body
    new_path = f"{START}{link_token(to_submitter[0])}/"
    assert client.get(path).status_code == 404  # the old link was replaced
    reopened = client.get(new_path).content.decode()
    assert "Bitte den Zeitraum prüfen." in reopened
    assert 'value="Musterstadt"' in reopened

    client.post(new_path, {**step1(site, start_date="2022-01-01"), "action": "next"})
    assert "Schritt 5 von 5" in client.get(f"{new_path}?schritt=5").content.decode()
    client.post(new_path, {"step": "5", "consent": "on", "action": "submit"})
    assert PracticePage.objects.count() == 1
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert len(draft.assessments.all()) == 3
    assert str(draft.start_date) == "2022-01-01"
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED
    task_state = current_task_state(page)
    assert task_state is not None

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(task_state.pk, moderator, "approve")
    page.refresh_from_db()
    assert page.live
    assert str(page.start_date) == "2022-01-01"
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.APPROVED
    assert submission.decided_at is not None
    to_submitter = [m for m in mail.outbox if m.to == [SUBMITTER]]
    assert len(to_submitter) == 1
    assert page.get_full_url() in to_submitter[0].body
    # Public now, still without the submitter (in the search; the page's own
    # template belongs to the profile's branch).
    found = client.get("/de/suche/", {"q": "Bewegte Kita"}).content.decode()
    assert "Bewegte Kita Musterstadt" in found
    assert SUBMITTER not in found and "Erika" not in found
    assert SUBMITTER not in json.dumps(page.get_latest_revision().content)


def test_a_step_left_incomplete_by_back_is_asked_for_before_submitting(client, site):
    path = begin(client)
    client.get(path)
    fill_all(client, site, path)
    client.get(f"{path}?schritt=2")
    client.post(path, {**step2(title=""), "action": "back"})  # kept unchecked
    response = client.post(path, {"step": "5", "consent": "on", "action": "submit"})
    html = response.content.decode()
    assert "Bitte ergänzen Sie diesen Schritt" in html
    assert 'aria-current="step">Schritt 2 von 5' in html
    assert 'href="#id_title"' in html
    assert not PracticePage.objects.exists()
