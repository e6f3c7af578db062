"""`manage.py purge_submissions`: unconfirmed and abandoned submissions go after
PRACTICE_SUBMISSION_IDLE_DAYS, decided ones after
PRACTICE_SUBMISSION_RETENTION_DAYS; one waiting for the moderators stays;
running it again deletes nothing more."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from practice.models import Submission
from practice.models.submission import SubmissionStatus

pytestmark = pytest.mark.django_db


def make(status: str, *, age_days: int = 0, decided_days: int | None = None) -> Submission:
    _token, token_hash = Submission.new_token()
    submission = Submission.objects.create(
        email=f"{status}{age_days}@example.org", token_hash=token_hash, status=status
    )
    when = timezone.now() - timedelta(days=age_days)
    decided = timezone.now() - timedelta(days=decided_days) if decided_days is not None else None
    Submission.objects.filter(pk=submission.pk).update(
        created_at=when, updated_at=when, decided_at=decided
    )
    return submission


@override_settings(PRACTICE_SUBMISSION_IDLE_DAYS=30, PRACTICE_SUBMISSION_RETENTION_DAYS=180)
def test_purge_deletes_only_what_is_due():
    S = SubmissionStatus
    keep = [
        make(S.UNCONFIRMED, age_days=29),
        make(S.EDITING, age_days=29),
        make(S.SUBMITTED, age_days=400),
        make(S.APPROVED, age_days=400, decided_days=179),
        make(S.REJECTED, age_days=400, decided_days=179),
    ]
    make(S.UNCONFIRMED, age_days=31)
    make(S.EDITING, age_days=31)
    make(S.APPROVED, age_days=400, decided_days=181)
    make(S.REJECTED, age_days=400, decided_days=181)

    out = StringIO()
    call_command("purge_submissions", stdout=out)
    assert "1 unbestätigt, 1 liegengeblieben, 2 entschieden" in out.getvalue()
    assert sorted(Submission.objects.values_list("pk", flat=True)) == sorted(s.pk for s in keep)

    again = StringIO()
    call_command("purge_submissions", stdout=again)
    assert "0 unbestätigt, 0 liegengeblieben, 0 entschieden" in again.getvalue()
    assert Submission.objects.count() == len(keep)
