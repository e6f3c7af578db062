"""`manage.py load_demo_states`: demo pages in every editorial state.

Runs after `load_demo_content` (see demo/states.py); applies the editorial
setup itself first, so the workflows exist. Idempotent."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from demo.data import ContentError
from demo.states import DemoStates


class Command(BaseCommand):
    help = (
        "Legt Demo-Seiten in jedem redaktionellen Zustand an (Entwurf, In Prüfung, Geplant, "
        "Abgelaufen, Zurückgezogen); idempotent."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            states = DemoStates()
            states.build()
        except ContentError as error:
            raise CommandError(str(error)) from None
        for line in states.setup_changes:
            self.stdout.write(f"  {line}")
        for label in sorted(set(states.created) | set(states.unchanged)):
            self.stdout.write(
                f"  {label}: {states.created[label]} neu, {states.unchanged[label]} unverändert"
            )
        total = sum(states.created.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"{total} Objekte angelegt (Seiten, englische Schlagwörter)."
                if total
                else "Alles vorhanden, nichts geändert."
            )
        )
