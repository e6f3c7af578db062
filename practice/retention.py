"""How long a public submission keeps the submitter's address (PRODUCT.md: data
minimisation). ``purge()`` runs daily (`manage.py purge_submissions`, the systemd
timer docs/deploy/gesunde-kommune-purge-submissions.timer, like
publish_scheduled):

- never confirmed, ``PRACTICE_SUBMISSION_IDLE_DAYS`` after it was requested:
  deleted;
- confirmed but never submitted, untouched for ``PRACTICE_SUBMISSION_IDLE_DAYS``:
  deleted (the answers with it; no page exists);
- decided (approved or rejected and not resubmitted),
  ``PRACTICE_SUBMISSION_RETENTION_DAYS`` after the decision: deleted, with the
  address and name; the page stays (it holds no personal data of the submitter).

A submission waiting for the moderators is kept. Running it twice deletes
nothing more."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models.submission import Submission, SubmissionStatus


@dataclass(frozen=True)
class Purged:
    unconfirmed: int
    idle: int
    decided: int


def purge(now=None) -> Purged:
    now = now or timezone.now()
    idle_before = now - timedelta(days=settings.PRACTICE_SUBMISSION_IDLE_DAYS)
    decided_before = now - timedelta(days=settings.PRACTICE_SUBMISSION_RETENTION_DAYS)
    unconfirmed, _ = Submission.objects.filter(
        status=SubmissionStatus.UNCONFIRMED, created_at__lt=idle_before
    ).delete()
    idle, _ = Submission.objects.filter(
        status=SubmissionStatus.EDITING, updated_at__lt=idle_before
    ).delete()
    decided, _ = Submission.objects.filter(
        status__in=[SubmissionStatus.APPROVED, SubmissionStatus.REJECTED],
        decided_at__lt=decided_before,
    ).delete()
    return Purged(unconfirmed=unconfirmed, idle=idle, decided=decided)
