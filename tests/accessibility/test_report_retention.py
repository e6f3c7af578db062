"""Data minimisation of barrier reports (accessibility/retention.py,
`manage.py purge_barrier_reports`, run daily by a systemd timer): contact data of
done reports erased after BARRIER_REPORT_CONTACT_DAYS, every report deleted after
BARRIER_REPORT_RETENTION_DAYS."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from accessibility.models import BarrierReport, ReportStatus
from accessibility.retention import purge

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


def report(*, age_days: float, status=ReportStatus.NEW, done_days: float | None = None):
    now = timezone.now()
    row = BarrierReport.objects.create(
        language="de",
        page_address="/de/",
        description="Fehlende Alternativtexte",
        name="Eva Muster",
        email="besucherin@example.org",
        consented_at=now,
        status=status,
    )
    done_at = now - done_days * DAY if done_days is not None else None
    BarrierReport.objects.filter(pk=row.pk).update(created_at=now - age_days * DAY, done_at=done_at)
    return row


@override_settings(BARRIER_REPORT_CONTACT_DAYS=30, BARRIER_REPORT_RETENTION_DAYS=365)
def test_contact_data_of_done_reports_is_erased_after_the_period():
    old_done = report(age_days=60, status=ReportStatus.DONE, done_days=31)
    fresh_done = report(age_days=60, status=ReportStatus.DONE, done_days=29)
    open_old = report(age_days=200, status=ReportStatus.IN_PROGRESS)

    result = purge()

    assert (result.erased, result.deleted) == (1, 0)
    old_done.refresh_from_db()
    assert (old_done.name, old_done.email, old_done.consented_at) == ("", "", None)
    assert old_done.contact_erased_at is not None
    assert old_done.description == "Fehlende Alternativtexte"  # the report stays
    for kept in (fresh_done, open_old):
        kept.refresh_from_db()
        assert kept.email == "besucherin@example.org"
    assert purge() == type(result)(erased=0, deleted=0)  # twice: nothing more


@override_settings(BARRIER_REPORT_CONTACT_DAYS=30, BARRIER_REPORT_RETENTION_DAYS=365)
def test_reports_are_deleted_after_the_retention_period_whatever_their_status():
    gone = [
        report(age_days=366, status=ReportStatus.DONE, done_days=300),
        report(age_days=366, status=ReportStatus.NEW),
    ]
    kept = report(age_days=364, status=ReportStatus.NEW)

    assert purge().deleted == 2

    assert list(BarrierReport.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not BarrierReport.objects.filter(pk__in=[r.pk for r in gone]).exists()


def test_the_command_reports_what_it_did():
    report(age_days=400)
    report(age_days=40, status=ReportStatus.DONE, done_days=40)
    out = StringIO()
    call_command("purge_barrier_reports", stdout=out)
    assert "Kontaktdaten gelöscht bei 1, 1 Meldungen gelöscht" in out.getvalue()


def test_the_daily_timer_runs_the_command():
    deploy = Path(settings.BASE_DIR) / "docs" / "deploy"
    service = (deploy / "gesunde-kommune-purge-barrier-reports.service").read_text()
    timer = (deploy / "gesunde-kommune-purge-barrier-reports.timer").read_text()
    assert "manage.py purge_barrier_reports" in service
    assert "OnCalendar=*-*-*" in timer
