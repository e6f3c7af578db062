"""The text of an uploaded PDF is read by the background worker, not by the
upload request: the upload stores the material at once ("Volltext: Ausstehend",
no text, one queued task); the worker's child process reads the text under
CPU-time, memory and wall-clock limits, stores it and re-indexes the material.
A crafted PDF is stopped by the limits and the editor is told why; the material
stays stored and public, only not full-text searchable.

Runs on SQLite and, with DATABASE_URL, on PostgreSQL (search.postgres)."""

from __future__ import annotations

import importlib
import io
import logging
import os
import signal
import subprocess
import sys
from urllib.parse import quote

import pytest
from django_tasks_db.models import DBTaskResult

from django.apps import apps as django_apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from materials.extract_worker import extract_in_subprocess
from materials.models import ExtractionError, ExtractionState, Material
from tests.background import WORKER_COMMAND, queued_tasks, run_background_tasks
from tests.factories import MaterialFactory, make_pdf
from tests.factories.materials import bloated_pdf, issue_pdf, slow_pdf
from tests.helpers import page_text
from tests.materials.support import (
    downloads,
    edit_data,
    engine_hit,
    event_linking,
    found,
    pdf_upload,
    upload,
    upload_file,
)

WORD = "Uferrandstreifenpflege"  # only in the PDF's text
OTHER_WORD = "Streuobstwiesenkartierung"
TITLE = "Protokoll Gewässerwerkstatt"


def crafted_upload() -> SimpleUploadedFile:
    return SimpleUploadedFile("protokoll.pdf", slow_pdf(), content_type="application/pdf")


def listing_text(client: Client) -> str:
    return page_text(client.get(reverse("wagtaildocs:index")))


def edit_page_text(client: Client, material: Material) -> str:
    return page_text(client.get(reverse("wagtaildocs:edit", args=[material.pk])))


# -- the child process and its limits ------------------------------------------------


def test_the_child_reads_a_normal_pdf_within_tight_limits():
    outcome = extract_in_subprocess(
        make_pdf(f"Bericht zur {WORD}."), cpu_seconds=2, memory_mb=64, timeout=30
    )
    assert (outcome.error, outcome.returncode) == ("", 0)
    assert WORD in outcome.text


def test_the_cpu_time_limit_stops_a_crafted_pdf():
    """A 2 KB PDF that would take pypdf minutes: none of pypdf's own limits stops
    it, nor text.py's time check between pages (it has one page)."""
    outcome = extract_in_subprocess(slow_pdf(), cpu_seconds=1, memory_mb=512, timeout=60)
    assert (outcome.error, outcome.limit, outcome.text) == (ExtractionError.CPU, 1, "")
    # Killed by the kernel at the limit, not finished: SIGXCPU (SIGKILL a second later).
    assert outcome.returncode in (-signal.SIGXCPU, -signal.SIGKILL)


def test_the_cpu_time_limit_stops_the_pdf_of_the_issue():
    """8 MB of page content in 12 KB (pypdf 7.1 itself gives up after some 7 s)."""
    outcome = extract_in_subprocess(issue_pdf(), cpu_seconds=1, memory_mb=512, timeout=60)
    assert (outcome.error, outcome.limit, outcome.text) == (ExtractionError.CPU, 1, "")
    assert outcome.returncode in (-signal.SIGXCPU, -signal.SIGKILL)


def test_the_memory_limit_stops_a_pdf_that_needs_too_much():
    outcome = extract_in_subprocess(bloated_pdf(), cpu_seconds=20, memory_mb=64, timeout=60)
    assert (outcome.error, outcome.limit, outcome.text) == (ExtractionError.MEMORY, 64, "")


def test_the_wall_clock_timeout_ends_a_child_that_takes_too_long():
    outcome = extract_in_subprocess(slow_pdf(), cpu_seconds=60, memory_mb=512, timeout=1)
    assert (outcome.error, outcome.limit, outcome.text) == (ExtractionError.TIMEOUT, 1, "")


# -- upload, worker, search -------------------------------------------------------------


def test_the_upload_leaves_the_text_to_the_worker(editorial_site):
    client = editorial_site.client_for("moderation")  # public at once: searchable
    material = upload(client, TITLE, f"Bericht zur {WORD} am Saaleufer.")
    material.event = event_linking(editorial_site.tree.events, material)
    # The request stored the material and queued its text, nothing more.
    assert material.extraction_state == ExtractionState.PENDING
    assert material.extracted_text == ""
    assert queued_tasks() == 1
    assert downloads(Client(), material)
    assert not found(Client(), WORD, material)
    assert "Ausstehend" in listing_text(client)
    assert "Volltext: Ausstehend." in edit_page_text(client, material)

    assert run_background_tasks() == 1
    material.refresh_from_db()
    assert material.extraction_state == ExtractionState.DONE
    assert WORD in material.extracted_text
    assert found(Client(), WORD, material)
    assert engine_hit(WORD, material)
    assert "Fertig" in listing_text(client)
    assert "Volltext:" not in edit_page_text(client, material)


def test_requeue_extractions_recovers_a_material_whose_worker_died(editorial_site):
    """A worker killed mid-task leaves its task "running" and the material pending;
    `manage.py requeue_extractions` queues it again, once however often it runs."""
    from django_tasks import TaskResultStatus

    from django.core.management import call_command

    client = editorial_site.client_for("moderation")
    material = upload(client, TITLE, f"Bericht zur {WORD} am Saaleufer.")
    DBTaskResult.objects.filter(backend_name="background").update(status=TaskResultStatus.RUNNING)
    assert queued_tasks() == 0
    call_command("requeue_extractions", stdout=io.StringIO())
    call_command("requeue_extractions", stdout=io.StringIO())
    assert queued_tasks() == 1

    assert run_background_tasks() == 1
    material.refresh_from_db()
    assert material.extraction_state == ExtractionState.DONE
    assert WORD in material.extracted_text
    out = io.StringIO()
    call_command("requeue_extractions", stdout=out)  # nothing pending any more
    assert queued_tasks() == 0 and out.getvalue().startswith("0 ")


def worker_database_url() -> str:
    """The test database, for a worker started as a process of its own."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    user = f"{quote(db['USER'], safe='')}{password}@" if db["USER"] else ""
    return f"postgres://{user}{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_process_reads_the_text_and_search_finds_it(editorial_site):
    """The real worker, `manage.py db_worker` as `make worker` starts it, in a
    process of its own that reads the committed task from the database."""
    material = upload(
        editorial_site.client_for("moderation"), TITLE, f"Bericht zur {WORD} am Saaleufer."
    )
    material.event = event_linking(editorial_site.tree.events, material)
    assert (material.extraction_state, material.extracted_text) == (ExtractionState.PENDING, "")
    assert not found(Client(), WORD, material)

    worker = subprocess.run(  # noqa: S603
        [sys.executable, *WORKER_COMMAND, "--batch", "--no-startup-delay"],  # ends when idle
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": worker_database_url(),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert worker.returncode == 0, worker.stderr
    material.refresh_from_db()
    assert material.extraction_state == ExtractionState.DONE, worker.stdout + worker.stderr
    assert WORD in material.extracted_text
    assert found(Client(), WORD, material)
    assert engine_hit(WORD, material)
    assert queued_tasks() == 0


def test_a_crafted_pdf_is_stopped_and_the_editor_told_why(editorial_site, settings, caplog):
    settings.PDF_EXTRACT_CPU_SECONDS = 1  # production: 20 (PDF_EXTRACT_CPU_SECONDS)
    client = editorial_site.client_for("moderation")
    material = upload_file(client, TITLE, crafted_upload())
    material.event = event_linking(editorial_site.tree.events, material)
    # The upload did not read the file: stored, no text, one task queued.
    assert (material.extraction_state, material.extracted_text) == (ExtractionState.PENDING, "")
    assert queued_tasks() == 1

    with caplog.at_level(logging.WARNING, logger="materials.tasks"):
        assert run_background_tasks() == 1
    material.refresh_from_db()
    assert material.extraction_state == ExtractionState.FAILED
    assert (material.extraction_error, material.extraction_limit) == (ExtractionError.CPU, 1)
    assert material.extracted_text == ""
    message = (
        "Die Textauswertung wurde nach 1 s Rechenzeit abgebrochen. "
        "Die Datei ist gespeichert, aber nicht im Volltext durchsuchbar."
    )
    assert material.extraction_message == message
    # The child was killed at the limit (not finished), and the log says so.
    assert "SIGXCPU" in caplog.text or "SIGKILL" in caplog.text
    # The task itself ended normally: the worker loop goes on.
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    # Editors see why; the material is stored, public and found by its title.
    assert f"Fehlgeschlagen: {message}" in listing_text(client)
    assert f"Volltext: Fehlgeschlagen: {message}" in edit_page_text(client, material)
    assert downloads(Client(), material)
    assert found(Client(), "Gewässerwerkstatt", material)


def test_a_pdf_that_needs_too_much_memory_fails_with_a_reason(editorial_site, settings):
    settings.PDF_EXTRACT_MEMORY_MB = 64
    material = MaterialFactory(file=ContentFile(bloated_pdf(), name="aufgeblaeht.pdf"))
    run_background_tasks()
    material.refresh_from_db()
    assert material.extraction_state == ExtractionState.FAILED
    assert material.extraction_message.startswith(
        "Die Textauswertung wurde abgebrochen, weil sie mehr als 64 MB Speicher brauchte."
    )


def test_a_broken_pdf_fails_with_a_reason(db):
    material = MaterialFactory(file=ContentFile(b"%PDF-1.4 kein PDF", name="kaputt.pdf"))
    run_background_tasks()
    material.refresh_from_db()
    assert material.extraction_state == ExtractionState.FAILED
    assert material.extraction_message.startswith(
        "Die PDF-Datei ist beschädigt oder kein gültiges PDF."
    )


# -- new files, stale tasks, stale instances, other files -------------------------------


def test_a_replaced_file_is_read_again(editorial_site):
    client = editorial_site.client_for("moderation")
    material = upload(client, TITLE, f"Bericht zur {WORD}.")
    run_background_tasks()
    response = client.post(
        reverse("wagtaildocs:edit", args=[material.pk]),
        edit_data(material, file=pdf_upload("neu.pdf", f"Neue Fassung zur {OTHER_WORD}.")),
    )
    assert response.status_code == 302
    material.refresh_from_db()
    assert (material.extraction_state, material.extracted_text) == (ExtractionState.PENDING, "")
    assert queued_tasks() == 1
    run_background_tasks()
    material.refresh_from_db()
    assert OTHER_WORD in material.extracted_text
    assert WORD not in material.extracted_text
    assert engine_hit(OTHER_WORD, material)
    assert not engine_hit(WORD, material)


def test_a_task_for_a_file_replaced_since_does_nothing(db):
    material = MaterialFactory(file=ContentFile(make_pdf(f"Alt: {WORD}"), name="alt.pdf"))
    material.file = ContentFile(make_pdf(f"Neu: {OTHER_WORD}"), name="neu.pdf")
    material.save()
    assert queued_tasks() == 2
    assert run_background_tasks() == 2
    material.refresh_from_db()
    assert OTHER_WORD in material.extracted_text
    assert WORD not in material.extracted_text
    results = DBTaskResult.objects.order_by("enqueued_at")
    assert [r.return_value for r in results] == ["skipped", ExtractionState.DONE]


def test_saving_an_instance_loaded_before_the_worker_ran_keeps_the_text(db):
    material = MaterialFactory(file=ContentFile(make_pdf(f"Bericht {WORD}"), name="b.pdf"))
    stale = Material.objects.get(pk=material.pk)  # e.g. an editor's form, opened before
    run_background_tasks()
    stale.description = "Neue Beschreibung"
    stale.save()
    material.refresh_from_db()
    assert material.description == "Neue Beschreibung"
    assert material.extraction_state == ExtractionState.DONE
    assert WORD in material.extracted_text
    assert engine_hit(WORD, material)  # and the index was not overwritten either
    assert queued_tasks() == 0


def test_other_files_get_no_task(db):
    material = MaterialFactory(file=ContentFile(b"Ort;Datum\nGera;2025\n", name="liste.csv"))
    assert material.extraction_state == ExtractionState.NONE
    assert material.extraction_label == "Entfällt (kein PDF)"
    assert queued_tasks() == 0


def test_a_file_missing_from_storage_fails_without_stopping_the_worker(db):
    material = MaterialFactory(file=ContentFile(make_pdf(WORD), name="weg.pdf"))
    material.file.storage.delete(material.file.name)
    run_background_tasks()
    material.refresh_from_db()
    assert material.extraction_state == ExtractionState.FAILED
    assert material.extraction_message.startswith("Die Textauswertung ist fehlgeschlagen.")
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_the_migration_marks_pdfs_read_before_as_done_or_failed(db):
    read = MaterialFactory(file=ContentFile(make_pdf(WORD), name="gelesen.pdf"))
    unreadable = MaterialFactory(file=ContentFile(b"%PDF-1.4 kaputt", name="kaputt.pdf"))
    other = MaterialFactory(file=ContentFile(b"Ort;Datum\n", name="liste.csv"))
    # As the previous version left them: text read while saving, no state.
    Material.objects.filter(pk=read.pk).update(extracted_text=WORD)
    Material.objects.update(extraction_state=ExtractionState.NONE)
    migration = importlib.import_module("materials.migrations.0003_extraction_state")
    migration.mark_existing_pdfs(django_apps, None)
    states = dict(Material.objects.values_list("pk", "extraction_state"))
    assert states == {
        read.pk: ExtractionState.DONE,
        unreadable.pk: ExtractionState.FAILED,
        other.pk: ExtractionState.NONE,
    }
