"""``manage.py update_index`` with progress: modelsearch's command (which Wagtail's
``update_index`` re-exports) prints a dot per chunk; this one prints, per backend
and model, how many of how many objects are indexed, the rate and the time left.

A line is written after the first chunk, then at most every PROGRESS_SECONDS
and at each further tenth of the model, and always at the end, so a model of
100,000 objects gives about a dozen lines, not a hundred. Counting the objects
costs one ``COUNT`` per model, read in the same transaction as the chunks, so
the total stays right while editors work. The search app comes before
wagtail.search in INSTALLED_APPS, so this command is the one that runs."""

from __future__ import annotations

import time

from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import (
    DEFAULT_CHUNK_SIZE,
    group_models_by_index,
)
from modelsearch.management.commands.rebuild_modelsearch_index import (
    Command as ModelsearchCommand,
)

from django.db import transaction

PROGRESS_SECONDS = 5.0


def number(n: int) -> str:
    """12345 → "12.345" (German thousands separator)."""
    return f"{n:,}".replace(",", ".")


class Progress:
    """Decides when a progress line is due and writes it."""

    def __init__(self, write, label: str, total: int, clock=time.monotonic):
        self.write = write
        self.label = label
        self.total = total
        self.clock = clock
        self.started = clock()
        self.last_time = self.started
        self.last_tenth = 0
        self.lines = 0

    def advance(self, done: int) -> None:
        now = self.clock()
        tenth = done * 10 // self.total if self.total else 10
        due = (
            self.lines == 0
            or done >= self.total
            or tenth > self.last_tenth
            or now - self.last_time >= PROGRESS_SECONDS
        )
        if not due:
            return
        self.last_time, self.last_tenth = now, tenth
        self.lines += 1
        elapsed = now - self.started
        line = f"{self.label}: {number(done)} von {number(self.total)}"
        if self.total:
            line += f" ({done * 100 // self.total} %)"
        if elapsed > 0 and done:
            rate = done / elapsed
            line += f", {rate:.0f}/s"
            if done < self.total:
                line += f", noch etwa {(self.total - done) / rate:.0f} s"
        self.write(line)


class Command(ModelsearchCommand):
    help = (
        "Baut die Suchindizes neu auf (alle Backends oder --backend) und zeigt je Modell, "
        "wie viele von wie vielen Objekten indiziert sind."
    )

    def update_backend(self, backend_name, schema_only=False, chunk_size=DEFAULT_CHUNK_SIZE):
        self.write(f"Backend {backend_name}:")
        backend = get_search_backend(backend_name)
        if not backend.rebuilder_class:
            self.write(f"{backend_name}: braucht keinen Neuaufbau")
            return
        started = time.monotonic()
        for index, models in group_models_by_index(backend, get_indexed_models()).items():
            # An engine's index has a name; the database backend's has one table.
            name = getattr(index, "name", None) or models[0]._meta.label
            self.write(f"{backend_name}: Index {name}")
            rebuilder = backend.rebuilder_class(index)
            index = rebuilder.start()
            for model in models:
                index.add_model(model)
            object_count = 0
            if not schema_only:
                for model in models:
                    object_count += self.index_model(backend_name, index, model, chunk_size)
            rebuilder.finish()
            self.write(f"{backend_name}: {number(object_count)} Objekte in {name} indiziert")
        self.write(f"{backend_name}: fertig in {time.monotonic() - started:.1f} s")

    def index_model(self, backend_name: str, index, model, chunk_size: int) -> int:
        """Adds all objects of ``model`` chunk by chunk; returns how many."""
        label = f"{backend_name}: {model._meta.app_label}.{model.__name__}"
        queryset = model.get_indexed_objects().order_by("pk")
        done = 0
        # One transaction: the count and the chunks see the same rows.
        with transaction.atomic():
            total = queryset.count()
            if not total:
                self.write(f"{label}: 0 Objekte")
                return 0
            progress = Progress(self.write, label, total)
            last_pk = None
            while True:
                page = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
                chunk = list(page[:chunk_size])
                if not chunk:
                    break
                index.add_items(model, chunk)
                done += len(chunk)
                last_pk = chunk[-1].pk
                progress.advance(min(done, total))
                self.stdout.flush()
        return done
