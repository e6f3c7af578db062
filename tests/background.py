"""The background worker in tests.

The test settings keep production's task backends: Wagtail's own tasks run at
once, PDF text extraction is queued in the database ("background") and waits
for the worker, as it does on the server. A test that needs a PDF's text runs the
worker with ``run_background_tasks()``: django-tasks-db's own worker (claim the
next ready task, run it, record its result, as `make worker` does) until the
queue is empty, in this process. Only the loop's connection housekeeping is left
out: it closes a connection that is inside a transaction, i.e. every test's.
tests/materials/test_extraction.py also runs `manage.py db_worker` itself in a
subprocess, the way `make worker` starts it."""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from django.db import transaction

from materials.tasks import BACKEND, extract_material_text

WORKER_QUEUE = extract_material_text.queue_name
# The worker as `make worker` (Makefile) and docs/deploy/gesunde-kommune-worker.service
# start it (tests/ops/test_deploy_files.py checks that they do).
WORKER_COMMAND = ["manage.py", "db_worker", "--backend", "background", "--no-reload"]


def queued_tasks() -> int:
    """How many background tasks wait for the worker."""
    return DBTaskResult.objects.ready().filter(backend_name=BACKEND).count()


def run_background_tasks() -> int:
    """Runs every queued background task with the worker; returns how many ran."""
    worker = Worker(
        queue_names=[WORKER_QUEUE],
        interval=0,
        batch=True,
        backend_name=BACKEND,
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    ran = 0
    while True:
        with transaction.atomic():
            tasks = DBTaskResult.objects.ready().filter(
                backend_name=BACKEND, queue_name__in=[WORKER_QUEUE]
            )
            task_result = tasks.get_locked()
            if task_result is None:
                return ran
            task_result.claim(worker.worker_id)
        worker.run_task(task_result)
        ran += 1
