"""Background tasks of materials: the text of a new or replaced PDF, for search.

Material.save() enqueues ``extract_material_text`` on the "background" backend
(the database; run by `make worker`, i.e. ``manage.py db_worker --backend
background``). The task reads the file in a child process with CPU-time and
memory limits (materials/extract_worker.py), stores the text or the reason why
there is none on the material, and re-indexes it for search. It never raises:
a crafted or broken PDF ends as state "Fehlgeschlagen" with a message for the
editor and a warning in the log."""

from __future__ import annotations

import logging

from django_tasks import task

from django.conf import settings
from django.db import transaction

from wagtail.search import index

from .extract_worker import extract_in_subprocess
from .models import ExtractionError, ExtractionState, Material
from .text import MAX_TEXT_CHARS

logger = logging.getLogger(__name__)

BACKEND = "background"


@task(backend=BACKEND)
def extract_material_text(material_id: int, file_name: str) -> str:
    """The worker's entry: see ``extract_text``."""
    return extract_text(material_id, file_name)


def extract_text(material_id: int, file_name: str) -> str:
    """Reads the text of material ``material_id`` if it still has the file
    ``file_name`` and waits for it ("Ausstehend"); returns the state it ends in
    ("skipped" when there was nothing to do: the material is gone, its file was
    replaced again, which enqueued a task of its own, or this ran already)."""
    material = Material.objects.filter(pk=material_id).first()
    if (
        material is None
        or material.file.name != file_name
        or material.extraction_state != ExtractionState.PENDING
    ):
        return "skipped"
    try:
        values = _extract(material)
    except Exception:  # the worker loop must go on; the editor learns it failed
        logger.exception("Text extraction of material %s (%s) failed", material_id, file_name)
        values = _failed(ExtractionError.FAILED)
    with transaction.atomic():
        stored = Material.objects.filter(
            pk=material_id, file=file_name, extraction_state=ExtractionState.PENDING
        ).update(**values)
        if stored:
            material.refresh_from_db()
            index.insert_or_update_object(material)
    return values["extraction_state"] if stored else "skipped"


def extract_now(material: Material) -> None:
    """Runs the pending extraction of ``material`` in this process (for the demo
    loader, which needs searchable PDFs without a worker) and reloads its fields."""
    if material.extraction_state == ExtractionState.PENDING:
        extract_text(material.pk, material.file.name)
        material.refresh_from_db()


def _failed(error: str, limit: int | None = None) -> dict:
    return {
        "extracted_text": "",
        "extraction_state": ExtractionState.FAILED,
        "extraction_error": error,
        "extraction_limit": limit,
    }


def _extract(material: Material) -> dict:
    with material.file.open("rb") as file:
        data = file.read()
    outcome = extract_in_subprocess(
        data,
        cpu_seconds=settings.PDF_EXTRACT_CPU_SECONDS,
        memory_mb=settings.PDF_EXTRACT_MEMORY_MB,
        timeout=settings.PDF_EXTRACT_TIMEOUT_SECONDS,
    )
    if outcome.error:
        logger.warning(
            "No text from material %s (%s): %s (limit %s, exit status %s %s) %s",
            material.pk,
            material.file.name,
            outcome.error,
            outcome.limit,
            outcome.returncode,
            outcome.stopped_by_signal,
            outcome.stderr,
        )
        return _failed(outcome.error, outcome.limit)
    return {
        "extracted_text": outcome.text[:MAX_TEXT_CHARS],
        "extraction_state": ExtractionState.DONE,
        "extraction_error": "",
        "extraction_limit": None,
    }
