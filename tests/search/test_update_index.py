"""``manage.py update_index`` shows, per backend and model, how many of how many
objects are indexed (search/management/commands/update_index.py), at intervals:
after the first chunk, at each further tenth, and at the end."""

import re
from datetime import date
from io import StringIO

import pytest

from django.core.management import call_command
from django.test import Client

from news.models import NewsPage
from search.management.commands import update_index
from search.management.commands.update_index import Progress
from tests.factories import build_tree
from tests.factories.bulk import add_live_pages, news

pytestmark = pytest.mark.django_db


def run(**options) -> str:
    out = StringIO()
    call_command("update_index", stdout=out, **options)
    return out.getvalue()


def test_update_index_is_the_project_command():
    from django.core.management import get_commands

    assert get_commands()["update_index"] == "search"


def test_counts_every_model_of_every_index():
    tree = build_tree()
    add_live_pages(tree.news, lambda i: news(i, date(2024, 1, 1)), 7)
    total = NewsPage.objects.count()
    assert total == 7
    out = run(chunk_size=2, backend_name="default")
    lines = [line for line in out.splitlines() if "news.NewsPage:" in line]
    # 7 objects in chunks of 2: after the first chunk, then each tenth passed, the end.
    assert lines[0].startswith("default: news.NewsPage: 2 von 7 (28 %)")
    assert lines[-1].startswith("default: news.NewsPage: 7 von 7 (100 %)")
    assert "noch etwa" not in lines[-1]
    assert [int(re.search(r": (\d+) von", line).group(1)) for line in lines] == [2, 4, 6, 7]
    assert "default: Index " in out
    assert re.search(r"default: \d+ Objekte in \S+ indiziert", out)
    assert "default: fertig in " in out


def test_what_is_indexed_is_still_found():
    tree = build_tree()
    add_live_pages(tree.news, lambda i: news(i, date(2024, 1, 1), title="Zaunkönig {i}"), 3)
    run(chunk_size=1, verbosity=0)
    response = Client().get("/de/suche/", {"q": "Zaunkönig"})
    assert response.context["search_results"].paginator.count == 3


def test_quiet_with_verbosity_0():
    build_tree()
    assert run(verbosity=0) == ""


def test_a_model_without_objects_says_so():
    build_tree()
    out = run(backend_name="default")
    assert re.search(r"default: materials\.Material: 0 Objekte", out)


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def lines_for(total: int, step: int, seconds_per_step: float) -> list[str]:
    written: list[str] = []
    clock = FakeClock()
    progress = Progress(written.append, "default: x.Y", total, clock=clock)
    done = 0
    while done < total:
        clock.now += seconds_per_step
        done = min(total, done + step)
        progress.advance(done)
    return written


def test_a_large_fast_model_gives_about_a_dozen_lines():
    # 100,000 objects in chunks of 1,000, a chunk every 0.1 s: the first chunk,
    # then each tenth (the tenth tenth is the end) – not a line per chunk.
    written = lines_for(100_000, 1000, 0.1)
    assert len(written) == 11
    assert written[0] == "default: x.Y: 1.000 von 100.000 (1 %), 10000/s, noch etwa 10 s"
    assert written[-1] == "default: x.Y: 100.000 von 100.000 (100 %), 10000/s"


def test_a_slow_model_reports_every_few_seconds():
    # 1,000,000 objects, a chunk of 1,000 every 3 s: no tenth is passed for
    # 5 minutes, but a line comes at least every PROGRESS_SECONDS (5 s): every
    # second chunk.
    assert update_index.PROGRESS_SECONDS == 5.0
    written = lines_for(1_000_000, 1000, 3.0)
    done = [int(re.search(r": ([\d.]+) von", line).group(1).replace(".", "")) for line in written]
    assert done[:4] == [1000, 3000, 5000, 7000]
    assert done[-1] == 1_000_000
