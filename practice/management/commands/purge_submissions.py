"""Delete public submissions past their retention (practice/retention.py). Run
daily: docs/deploy/gesunde-kommune-purge-submissions.timer."""

from django.core.management.base import BaseCommand

from practice.retention import purge


class Command(BaseCommand):
    help = "Löscht unbestätigte, liegengebliebene und entschiedene Einreichungen nach ihrer Frist."

    def handle(self, *args, **options):
        purged = purge()
        self.stdout.write(
            f"Einreichungen gelöscht: {purged.unconfirmed} unbestätigt, "
            f"{purged.idle} liegengeblieben, {purged.decided} entschieden"
        )
