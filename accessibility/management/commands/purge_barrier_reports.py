"""Erase contact data of done barrier reports and delete old reports
(accessibility/retention.py). Run daily:
docs/deploy/gesunde-kommune-purge-barrier-reports.timer."""

from django.core.management.base import BaseCommand

from accessibility.retention import purge


class Command(BaseCommand):
    help = "Löscht Kontaktdaten erledigter Barrieremeldungen und alte Meldungen nach ihrer Frist."

    def handle(self, *args, **options):
        purged = purge()
        self.stdout.write(
            f"Barrieremeldungen: Kontaktdaten gelöscht bei {purged.erased}, "
            f"{purged.deleted} Meldungen gelöscht"
        )
