"""`manage.py load_demo_content`: the German demo site from the seeds' facts.

The content comes from the data files in demo/content/ (German and English).
Idempotent: a second run finds everything and creates nothing (see
demo/builder.py). Demo accounts are created only where
``settings.DEMO_ACCOUNTS`` is true (dev and test settings)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.builder import DemoBuilder
from demo.data import ContentError


class Command(BaseCommand):
    help = (
        "Lädt die Demo-Inhalte (deutsch und englisch) (idempotent: ein zweiter Lauf ändert nichts)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--content-dir",
            help="Ordner mit den Inhaltsdateien (Vorgabe: demo/content/).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            builder = DemoBuilder(content_dir=options["content_dir"])
            builder.build()
        except ContentError as error:
            # A data error names its file; no traceback.
            raise CommandError(str(error)) from None
        accounts = builder.content.accounts

        labels = sorted(set(builder.created) | set(builder.unchanged))
        self.stdout.write("Demo-Inhalte für Gesunde Kommune:")
        for label in labels:
            self.stdout.write(
                f"  {label}: {builder.created[label]} neu, {builder.unchanged[label]} unverändert"
            )
        total = sum(builder.created.values())
        if total:
            self.stdout.write(self.style.SUCCESS(f"{total} Objekte angelegt."))
        else:
            self.stdout.write(self.style.SUCCESS("Alles vorhanden, nichts geändert."))

        for warning in builder.warnings:
            self.stderr.write(self.style.WARNING(f"Warnung: {warning}"))

        if builder.untranslated:
            self.stdout.write("Englisch noch nicht übersetzt (~ in den Inhaltsdateien):")
            for name, fields in builder.untranslated.items():
                self.stdout.write(f"  {name}: {'; '.join(dict.fromkeys(fields))}")

        if not builder.demo_accounts:
            self.stdout.write("Keine Demo-Konten angelegt (DEMO_ACCOUNTS ist aus).")
        elif builder.admin_password_valid:
            base = getattr(settings, "WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
            self.stdout.write(
                f"Demo-Zugang: {base.rstrip('/')}/admin/ Benutzer {accounts['admin']['username']}, "
                f"Passwort {accounts['password']}"
            )
            self.stdout.write(
                f"Netzwerk-Mitglied (sieht /de/regionen/gera/ergebnisse/): Benutzer "
                f"{accounts['network_member']['username']}, gleiches Passwort"
            )
            if builder.role_accounts:
                self.stdout.write("Redaktionsrollen (gleiches Passwort):")
                for username, description in builder.role_accounts:
                    self.stdout.write(f"  {description}: Benutzer {username}")
        else:
            self.stdout.write(
                f"Benutzer {accounts['admin']['username']} existiert bereits mit eigenem Passwort."
            )
