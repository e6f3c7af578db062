"""`manage.py requeue_extractions`: queue the text extraction again for every PDF
that is still "Ausstehend" and has no task waiting for it.

A worker that is killed while it reads a file (a deployment, the OOM killer)
leaves that task "running" for ever and the material "Ausstehend". Run this
after such an event, or daily from cron (README, "Hintergrundaufgaben"). It is
safe to repeat: a material with a task already waiting is skipped, and the task
itself does nothing for a material that is no longer pending or whose file was
replaced since (materials/tasks.py)."""

from __future__ import annotations

from typing import Any

from django_tasks_db.models import DBTaskResult

from django.core.management.base import BaseCommand

from materials.models import ExtractionState, Material
from materials.tasks import BACKEND, extract_material_text


def waiting_extractions() -> set[tuple[int, str]]:
    """(material id, file name) of the extraction tasks ready to run."""
    waiting = set()
    for args_kwargs in (
        DBTaskResult.objects.ready()
        .filter(backend_name=BACKEND, task_path=extract_material_text.module_path)
        .values_list("args_kwargs", flat=True)
    ):
        args = args_kwargs.get("args", [])
        if len(args) == 2:
            waiting.add((args[0], args[1]))
    return waiting


class Command(BaseCommand):
    help = "Stellt die Textauswertung ausstehender PDF-Materialien erneut in die Warteschlange."

    def handle(self, *args: Any, **options: Any) -> None:
        waiting = waiting_extractions()
        queued = 0
        for material_id, file_name in Material.objects.filter(
            extraction_state=ExtractionState.PENDING
        ).values_list("pk", "file"):
            if (material_id, file_name) in waiting:
                continue
            extract_material_text.enqueue(material_id, file_name)
            queued += 1
        self.stdout.write(f"{queued} Textauswertung(en) neu in die Warteschlange gestellt.")
