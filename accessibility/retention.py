"""How long barrier reports keep personal data (data minimisation). ``purge()``
runs daily (`manage.py purge_barrier_reports`, the systemd timer
docs/deploy/gesunde-kommune-purge-barrier-reports.timer, like purge_submissions):

- name and e-mail address of a report marked done are erased
  ``BARRIER_REPORT_CONTACT_DAYS`` (30) after it was marked done: they serve the
  answer and a follow-up question, nothing else; the report stays, without them;
- every report is deleted ``BARRIER_REPORT_RETENTION_DAYS`` (365) after it came
  in, whatever its status: the statement is reviewed at least once a year, and
  the reports of the past year are what that review needs. The description
  itself may hold personal details, so it does not stay for ever either, and an
  open report a year old is handled by then or no longer worth keeping.

Running it twice changes nothing more."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models.reports import BarrierReport, ReportStatus


@dataclass(frozen=True)
class Purged:
    erased: int
    deleted: int


def purge(now=None) -> Purged:
    now = now or timezone.now()
    contact_before = now - timedelta(days=settings.BARRIER_REPORT_CONTACT_DAYS)
    delete_before = now - timedelta(days=settings.BARRIER_REPORT_RETENTION_DAYS)
    deleted, _ = BarrierReport.objects.filter(created_at__lt=delete_before).delete()
    erased = (
        BarrierReport.objects.filter(status=ReportStatus.DONE, done_at__lt=contact_before)
        .exclude(name="", email="")
        .update(name="", email="", consented_at=None, contact_erased_at=now)
    )
    return Purged(erased=erased, deleted=deleted)
