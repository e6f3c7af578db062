"""The guards of the public submission: honeypot, minimum fill time, signed stamp,
rate limit (429), unknown links, accessible errors that keep what was typed, a
failing mail server; and the English path."""

from __future__ import annotations

import pytest

from django.core import mail
from django.test import override_settings

from practice.models import Submission
from practice.models.submission import SubmissionStatus
from tests.factories import translate
from tests.shared import copy_of, module_world

from .submission_support import (
    START,
    SUBMITTER,
    link_token,
    stamp,
    start_data,
    step1,
    step2,
    submission_site,
)

pytestmark = pytest.mark.django_db
FAILING_MAIL = "tests.editorial.ui_support.FailingOpenBackend"


_world = module_world(submission_site)


@pytest.fixture
def site(_world, db):
    return copy_of(_world, submission_site)


@pytest.fixture
def confirmed(client, site) -> str:
    client.post(START, start_data())
    path = f"{START}{link_token(mail.outbox[0])}/"
    client.get(path)
    mail.outbox.clear()
    return path


def test_start_form_has_an_accessible_honeypot(client, site):
    html = client.get(START).content.decode()
    box = html[html.index('aria-hidden="true"') - 60 : html.index('name="website"') + 200]
    assert 'class="visually-hidden"' in box
    assert "Bitte leer lassen" in box
    assert 'tabindex="-1"' in box and 'autocomplete="off"' in box
    assert 'name="stamp"' in html


def test_honeypot_gets_a_neutral_page_and_no_mail(client, site):
    response = client.post(START, start_data(website="https://spam.example.org"))
    assert response.status_code == 200
    assert "Bitte schauen Sie in Ihr Postfach" in response.content.decode()
    assert mail.outbox == []
    assert not Submission.objects.exists()


@override_settings(PRACTICE_SUBMISSION_MIN_SECONDS=5)
def test_too_fast_is_refused_with_a_form_error(client, site):
    response = client.post(START, start_data(stamp=stamp(seconds_ago=1)))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Das ging sehr schnell" in html
    assert 'value="einreicherin@example.org"' in html  # what was typed stays
    assert mail.outbox == [] and not Submission.objects.exists()


@pytest.mark.parametrize("kind", ["missing", "garbage", "tampered"])
def test_missing_or_tampered_stamp_is_refused(client, site, kind):
    bad = {"missing": "", "garbage": "1234", "tampered": stamp()[:-2] + "xx"}[kind]
    response = client.post(START, start_data(stamp=bad))
    assert response.status_code == 200
    assert "unvollständig angekommen" in response.content.decode()
    assert mail.outbox == [] and not Submission.objects.exists()


@override_settings(PRACTICE_SUBMISSION_LIMIT=2)
def test_rate_limit_per_address_answers_429(client, site):
    for _ in range(2):
        assert client.post(START, start_data()).status_code == 200
    assert len(mail.outbox) == 2
    response = client.post(START, start_data())
    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()
    assert 'name="email"' in response.content.decode()
    assert len(mail.outbox) == 2
    assert Submission.objects.count() == 2


@override_settings(PRACTICE_SUBMISSION_LIMIT=2)
def test_rate_limit_per_client_address(client, site):
    for n in range(2):
        client.post(START, start_data(email=f"person{n}@example.org"))
    response = client.post(START, start_data(email="person9@example.org"))
    assert response.status_code == 429
    assert len(mail.outbox) == 2
    other = client.post(START, start_data(email="person9@example.org"), REMOTE_ADDR="192.0.2.50")
    assert other.status_code == 200
    assert len(mail.outbox) == 3


@override_settings(PRACTICE_SUBMISSION_LIMIT=1)
def test_resending_the_link_is_limited_too(client, site):
    client.post(START, start_data())
    path = f"{START}{link_token(mail.outbox[0])}/"
    response = client.post(path, {"action": "resend"})
    assert response.status_code == 429
    assert len(mail.outbox) == 1


def test_unknown_link_is_404(client, site, confirmed):
    assert client.get(f"{START}nicht-der-richtige-link/").status_code == 404
    assert client.post(f"{START}nicht-der-richtige-link/", step1(site)).status_code == 404


def test_errors_are_summarised_linked_and_keep_the_text(client, site, confirmed):
    client.post(confirmed, {**step1(site), "action": "next"})
    typed = step2(title="", contact_email="keine-adresse", teaser="Mein langer Text.")
    response = client.post(confirmed, {**typed, "action": "next"})
    assert response.status_code == 200
    html = response.content.decode()
    summary = html[html.index('class="notice notice--error error-summary"') :]
    assert "autofocus" in summary[:200]
    assert 'href="#id_title"' in summary and 'href="#id_contact_email"' in summary
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_title-error"' in html
    assert 'id="id_title-error"' in html
    assert "Mein langer Text." in html and 'value="keine-adresse"' in html
    submission = Submission.objects.get()
    assert submission.step == 2 and "2" not in submission.data["steps"]


def test_kommune_required_radio_error_links_first_option(client, site, confirmed):
    response = client.post(confirmed, {**step1(site, municipality=""), "action": "next"})
    html = response.content.decode()
    assert 'href="#id_municipality"' in html
    assert "Namen der Kommune" in html


def test_criteria_step_reads_stages_and_limits_justification(client, site, confirmed):
    client.post(confirmed, {**step1(site), "action": "next"})
    client.post(confirmed, {**step2(), "action": "next"})
    html = client.get(confirmed).content.decode()
    assert "<legend>1. Kriterium Nummer 1</legend>" in html
    assert "Die Gruppe entscheidet mit." in html
    assert "nicht eingeschätzt" in html
    too_long = {"step": "3", "level_1": "2", "justification_1": "x" * 1001, "action": "next"}
    response = client.post(confirmed, too_long)
    assert 'href="#id_justification_1"' in response.content.decode()
    beyond = {"step": "3", "level_1": "4", "action": "next"}
    assert 'href="#id_level_1_0"' in client.post(confirmed, beyond).content.decode()


def test_a_step_not_reached_cannot_be_posted(client, site, confirmed):
    response = client.post(confirmed, {"step": "5", "consent": "on", "action": "submit"})
    assert response.status_code == 200
    assert not Submission.objects.get().data.get("steps", {}).get("5")
    assert Submission.objects.get().status == SubmissionStatus.EDITING


@override_settings(EMAIL_BACKEND=FAILING_MAIL)
def test_a_failing_mail_server_keeps_the_submission(client, site):
    response = client.post(START, start_data())
    assert response.status_code == 200
    assert "konnte gerade nicht versendet werden" in response.content.decode()
    assert Submission.objects.get().email == SUBMITTER


def test_english_path(client, site):
    translate(site.practice, "en")
    html = client.get("/en/praxisdatenbank/submit/").content.decode()
    assert 'name="email"' in html
    client.post("/en/praxisdatenbank/submit/", start_data())
    message = mail.outbox[0]
    assert "/en/praxisdatenbank/submit/" in message.body
    submission = Submission.objects.get()
    assert submission.language == "en"
    path = f"/en/praxisdatenbank/submit/{link_token(message)}/"
    step = client.get(path).content.decode()
    assert "Federal state" in step and "Start" in step
    # The German address of the same link is another index's: not found.
    assert client.get(f"{START}{link_token(message)}/").status_code == 404


def test_end_before_start_is_refused(client, site, confirmed):
    response = client.post(
        confirmed, {**step1(site, start_date="2023-09-01", end_date="2022-01-01"), "action": "next"}
    )
    assert 'href="#id_end_date"' in response.content.decode()
    assert "1" not in Submission.objects.get().data.get("steps", {})
