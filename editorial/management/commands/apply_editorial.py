"""`python manage.py apply_editorial`: groups, rights and workflows as declared."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from editorial.setup import apply_editorial_setup


class Command(BaseCommand):
    help = (
        "Gleicht Gruppen, Rechte und Workflows mit editorial/roles.py ab und gibt jede "
        "Änderung aus. Nicht deklarierte Rechte der verwalteten Gruppen werden entfernt."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Nur anzeigen, was sich ändern würde.",
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        changes = apply_editorial_setup(dry_run=dry_run)
        if not changes:
            self.stdout.write("Keine Änderungen")
            return
        prefix = "Würde ändern: " if dry_run else ""
        for line in changes:
            self.stdout.write(f"{prefix}{line}")
