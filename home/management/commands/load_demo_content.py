"""`manage.py load_demo_content`: the German demo site from the seeds' facts.

Idempotent: a second run finds everything and creates nothing (see
home/demo/builder.py). Demo accounts are created only where
``settings.DEMO_ACCOUNTS`` is true (dev and test settings)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from home.demo import content
from home.demo.builder import DemoBuilder


class Command(BaseCommand):
    help = "Lädt die deutschen Demo-Inhalte (idempotent: ein zweiter Lauf ändert nichts)."

    def handle(self, *args: Any, **options: Any) -> None:
        builder = DemoBuilder()
        builder.build()

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

        if not builder.demo_accounts:
            self.stdout.write("Keine Demo-Konten angelegt (DEMO_ACCOUNTS ist aus).")
        elif builder.admin_password_valid:
            base = getattr(settings, "WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
            self.stdout.write(
                f"Demo-Zugang: {base.rstrip('/')}/admin/ Benutzer {content.DEMO_ADMIN_USERNAME}, "
                f"Passwort {content.DEMO_PASSWORD}"
            )
            self.stdout.write(
                f"Netzwerk-Mitglied (sieht /de/regionen/gera/ergebnisse/): Benutzer "
                f"{content.DEMO_NETWORK_USERNAME}, gleiches Passwort"
            )
            if builder.role_accounts:
                self.stdout.write("Redaktionsrollen (gleiches Passwort):")
                for username, description in builder.role_accounts:
                    self.stdout.write(f"  {description}: Benutzer {username}")
        else:
            self.stdout.write(
                f"Benutzer {content.DEMO_ADMIN_USERNAME} existiert bereits mit eigenem Passwort."
            )
