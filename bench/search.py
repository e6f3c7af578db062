"""Search benchmark: builds N synthetic pages and documents, then measures query
latency (p50/p95) of the public search for a fixed set of German queries, and
compares one search with one plain page render in the same run.

    createdb -h 127.0.0.1 -U postgres gk_search_bench   # any empty database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gk_search_bench \\
        .venv/bin/python bench/search.py --items 10000

--items 1000 | 10000 | 100000 (default 1000). The database is migrated and
emptied of earlier benchmark content first; pages are inserted in bulk (not
through revisions: the search reads live pages, not their history) and indexed
with modelsearch's bulk indexer, as ``manage.py update_index`` would.

--engine [URL] (issue #13): the same items are also indexed on a search engine
(OpenSearch, search/backends/opensearch.py; URL default ELASTICSEARCH_URL or
http://127.0.0.1:9230, e.g. ``SEARCH_NODE_PORT=9230 scripts/search-node.sh start``),
and the run prints, for the same queries through the same search page, p50/p95
on the engine beside PostgreSQL, the index build time of each (the database
backend's bulk indexing against the engine's bulk API), and per query whether the
totals agree and how many of the first 10 hits both engines share.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import Collection, Locale, Page, Site  # noqa: E402
from wagtail.search.index import get_indexed_instance  # noqa: E402

from events.models import EventPage  # noqa: E402
from home.models import Bundesland, Schlagwort  # noqa: E402
from materials.models import Material  # noqa: E402
from news.models import NewsPage, NewsPageTag  # noqa: E402
from search import german  # noqa: E402
from search.query import SearchParams, database_backend, get_engine  # noqa: E402
from search.spelling import suggestion  # noqa: E402

QUERIES = [
    "Kommunen",
    "Präventionskette",
    "Gesundheitsförderung Kinder",
    "Thüringen",
    "Vernetzungsstruktur",
    "Bewegung Ernährung",
    "Quartiersmanagement",
    "Netzwerk Jugendhilfe Beteiligung",
]
FACETED = [("Kommunen", {"typ": "aktuelles"}), ("Präventionskette", {"jahr": "2023"})]
DEEP_QUERY = "Kommunen"
# Issue #12: the last word as a prefix, and misspellings that get a suggestion
# ("Meinten Sie …?", read from the public words only when few items are found).
PREFIX_QUERIES = ["Präv", "Gesundheitsf", "Netzw", "Kommunen Quart"]
MISSPELLED = ["Präventionsketen", "Vernetzungstruktur"]
# The corpus follows Zipf's law over a vocabulary of realistic size, as German
# text does: the domain words sit at fixed ranks among VOCABULARY_SIZE words, so
# that the queries range from common ("Kommunen": about a third of all items) to
# rare ("Vernetzungsstruktur": well under 1 %). A tiny vocabulary would make every
# query match most of the corpus, which no real portal sees.
DOMAIN_WORDS = (  # noqa: SIM905 - a readable list of words, most common first
    "Kommune Gesundheitsförderung Kinder Netzwerk Familien Kommunen Landkreis Stadt "
    "Jugendliche Thüringen Beteiligung Bewegung Ernährung Schule Kita Projekt Programm "
    "Niedersachsen Bayern Sachsen Koordination Qualität Austausch Fachtag Dokumentation "
    "Präventionskette Präventionsketten Netzwerke Quartier Jugendhilfe Gesundheitsamt "
    "Steuerungsgruppe Strategie Werkstatt Evaluation Nachhaltigkeit Armut Chancengleichheit "
    "Lebenswelt Setting Senioren Pflege Wohnen Sport Verein Ehrenamt Förderung Antrag "
    "Landesvereinigung Kooperationsverbund Partnerprozess Teilhabe Integration Migration "
    "Sprache Bildung Übergang Elternarbeit Hebammen Beratung Angebot Zugang niedrigschwellig "
    "Partizipation Quartiersmanagement Vernetzungsstruktur"
).split()
VOCABULARY_SIZE = 4000
SYLLABLES = (  # noqa: SIM905
    "an be ber bund burg dorf ein er ge gen hal hau heim in kir land lau le lich mark mit "
    "nach nen of ort ra rat reich ring sau sel stadt stein tal te un ver wald wer zeit"
).split()


def vocabulary(seed: int = 11) -> list[str]:
    """VOCABULARY_SIZE words, most frequent first: German-looking filler words with
    the domain words spread over ranks 40 to about 2,500 (roughly geometric;
    the ranks above hold what stop words and common verbs hold in real text)."""
    rng = random.Random(seed)
    filler: list[str] = []
    seen = {w.lower() for w in DOMAIN_WORDS}
    while len(filler) < VOCABULARY_SIZE - len(DOMAIN_WORDS):
        word = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            filler.append(word)
    words = filler
    for i, word in enumerate(DOMAIN_WORDS):
        words.insert(min(len(words), int(40 * 1.066**i)), word)
    return words


WORDS = vocabulary()
WEIGHTS = [1 / (rank + 1) for rank in range(len(WORDS))]
STEP = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def encode_step(n: int) -> str:
    out = ""
    for _ in range(4):
        n, rest = divmod(n, 36)
        out = STEP[rest] + out
    return out


def sentence(rng: random.Random, n: int) -> str:
    """``n`` words drawn by Zipf's law (frequency ~ 1 / rank)."""
    return " ".join(rng.choices(WORDS, weights=WEIGHTS, k=n))


def progress(label: str, done: int, total: int) -> None:
    width = 40
    filled = int(width * done / max(total, 1))
    sys.stdout.write(f"\r{label:<22} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    sys.stdout.flush()
    if done >= total:
        sys.stdout.write("\n")


def insert_children(model, rows: list[dict]) -> None:
    """Rows of a page type's own table (the part below wagtailcore_page)."""
    fields = list(model._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    values = [
        [f.get_db_prep_save(row.get(f.attname, f.get_default()), connection) for f in fields]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})",  # noqa: S608
            values,
        )


def build(n_items: int, seed: int = 7) -> dict:
    from tests.factories import build_tree

    rng = random.Random(seed)
    call_command("migrate", verbosity=0)
    Page.objects.filter(depth__gt=1).delete()  # also deletes the site (its root page)
    Material.objects.all().delete()
    root = Page.get_first_root_node()
    welcome = root.add_child(instance=Page(title="Willkommen", slug="willkommen"))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)
    tree = build_tree()
    locale = Locale.objects.get(language_code="de")
    laender = list(Bundesland.objects.filter(locale=locale))
    category = (
        EventPage._meta.get_field("category").related_model.objects.filter(locale=locale).first()
    )
    tags = [
        Schlagwort.objects.get_or_create(name=n, defaults={"approved": True})[0]
        for n in DOMAIN_WORDS[:25]
    ]
    n_materials = n_items // 10
    n_pages = n_items - n_materials
    n_events = n_pages // 4
    chunk = 1000
    now = timezone.now()
    news_ct = ContentType.objects.get_for_model(NewsPage)
    event_ct = ContentType.objects.get_for_model(EventPage)
    parents = {"news": tree.news, "event": tree.events}
    counters = {"news": 0, "event": 0}
    created = 0
    while created < n_pages:
        size = min(chunk, n_pages - created)
        pages, news_rows, event_rows, tag_rows = [], [], [], []
        for i in range(size):
            kind = "event" if (created + i) % 4 == 0 and counters["event"] < n_events else "news"
            parent = parents[kind]
            counters[kind] += 1
            title = f"{sentence(rng, 4).capitalize()} {created + i}"
            published = now - timedelta(days=rng.randint(0, 2500))
            page = Page(
                title=title,
                draft_title=title,
                slug=f"b-{created + i}",
                content_type=event_ct if kind == "event" else news_ct,
                live=True,
                path=parent.path + encode_step(counters[kind]),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}b-{created + i}/",
                locale=locale,
                translation_key=uuid.uuid4(),
                first_published_at=published,
                last_published_at=published,
            )
            pages.append((kind, page, published))
        Page.objects.bulk_create([p for _, p, _ in pages])
        for kind, page, published in pages:
            body = [
                {
                    "type": "paragraph",
                    "value": f"<p>{sentence(rng, 60)}.</p>",
                    "id": str(uuid.uuid4()),
                }
            ]
            teaser = sentence(rng, 15)
            if kind == "news":
                news_rows.append(
                    {
                        "page_ptr_id": page.pk,
                        "date": published.date(),
                        "author": "Redaktion",
                        "teaser": teaser,
                        "body": body,
                    }
                )
                for tag in rng.sample(tags, 2):
                    tag_rows.append(NewsPageTag(content_object_id=page.pk, tag=tag))
            else:
                start = timezone.make_aware(datetime(2018, 1, 1)) + timedelta(
                    days=rng.randint(0, 3000)
                )
                event_rows.append(
                    {
                        "page_ptr_id": page.pk,
                        "start": start,
                        "end": start + timedelta(hours=4),
                        "place": rng.choice(["Erfurt", "Hannover", "Gera", "Weimar", "Berlin"]),
                        "bundesland_id": rng.choice(laender).pk,
                        "organiser": "Landesvereinigung",
                        "category_id": category.pk,
                        "teaser": teaser,
                        "body": body,
                        "online": False,
                    }
                )
        with transaction.atomic():
            if news_rows:
                insert_children(NewsPage, news_rows)
            if event_rows:
                insert_children(EventPage, event_rows)
            NewsPageTag.objects.bulk_create(tag_rows)
        created += size
        progress("Seiten anlegen", created, n_pages)
    for kind, parent in parents.items():
        Page.objects.filter(pk=parent.pk).update(numchild=counters[kind])

    collection = Collection.get_first_root_node()
    made = 0
    while made < n_materials:
        size = min(chunk, n_materials - made)
        Material.objects.bulk_create(
            [
                Material(
                    title=f"Dokumentation {sentence(rng, 3)} {made + i}",
                    file=f"documents/bench-{made + i}.pdf",
                    collection=collection,
                    kind="dokumentation",
                    extracted_text=sentence(rng, 300),
                )
                for i in range(size)
            ]
        )
        made += size
        progress("Dokumente anlegen", made, n_materials)

    backend = database_backend()
    started = time.perf_counter()
    for model, queryset in (
        (NewsPage, NewsPage.objects.all()),
        (EventPage, EventPage.objects.all()),
        (Material, Material.objects.all()),
    ):
        total = queryset.count()
        ids = list(queryset.values_list("pk", flat=True))
        for start in range(0, total, chunk):
            objs = [
                get_indexed_instance(o)
                for o in model.objects.filter(pk__in=ids[start : start + chunk])
            ]
            backend.add_bulk(model, objs)
            progress(f"Index {model.__name__}", min(start + chunk, total), total)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "news_page_url": NewsPage.objects.live().first().url,
        "index_seconds": time.perf_counter() - started,
    }


BENCH_MODELS = (NewsPage, EventPage, Material)
ENGINE_PREFIX = "gk_bench_"


def engine_backends(url: str) -> dict:
    """WAGTAILSEARCH_BACKENDS with the engine as default, as config/settings/base.py
    makes them for ELASTICSEARCH_URL (one or several comma-separated node URLs)."""
    from django.conf import settings

    return {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": [u.strip() for u in url.split(",") if u.strip()],
            "INDEX_PREFIX": ENGINE_PREFIX,
            "TIMEOUT": 60,
            "OPTIONS": {"max_retries": 2, "retry_on_timeout": True},
        },
        "database": settings.DATABASE_SEARCH_BACKEND,
    }


def build_engine_index(chunk: int = 1000) -> float:
    """The bench items into fresh engine indices (reset, mapping, bulk) in chunks,
    as update_index sends them; returns the seconds taken (until searchable)."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    started = time.perf_counter()
    indices = {}
    for model in (Page, *BENCH_MODELS):
        index = backend.get_index_for_model(model)
        if index.name not in indices:
            index.reset()
            indices[index.name] = index
        index.add_model(model)
    for model in BENCH_MODELS:
        index = backend.get_index_for_model(model)
        ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), chunk):
            objs = [
                get_indexed_instance(o)
                for o in model.objects.filter(pk__in=ids[start : start + chunk])
            ]
            index.add_items(model, objs)
            progress(f"Engine {model.__name__}", min(start + chunk, len(ids)), len(ids))
    for index in indices.values():
        index.refresh()
    return time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(client: Client, url: str, params: dict, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, params)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} {params}: HTTP {response.status_code}")
    return times


def print_line(label: str, times: list[float], hits: int | str = "") -> None:
    """One row of the table: label, hits (if any), p50 and p95 in ms."""
    print(f"{label:<36}{hits:>9}{statistics.median(times):>9.1f}{percentile(times, 0.95):>9.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000, choices=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=10, help="runs per query")
    parser.add_argument("--skip-build", action="store_true", help="reuse the built content")
    parser.add_argument(
        "--engine",
        nargs="?",
        const=os.environ.get("ELASTICSEARCH_URL") or "http://127.0.0.1:9230",
        default=None,
        metavar="URL",
        help="also measure on a search engine (default ELASTICSEARCH_URL or "
        "http://127.0.0.1:9230) and compare",
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("Hinweis: gemessen wird für PostgreSQL; hier läuft", connection.vendor)
    started = time.perf_counter()
    if args.skip_build:
        info = {"news_page_url": NewsPage.objects.live().first().url, "index_seconds": None}
    else:
        info = build(args.items)
    print(f"Aufbau: {time.perf_counter() - started:.0f} s")
    if info["index_seconds"] is not None:
        print(f"Index PostgreSQL (Datenbank-Backend, Bulk): {info['index_seconds']:.1f} s")

    client = Client(HTTP_HOST="localhost")
    locale = Locale.objects.get(language_code="de")
    for query in QUERIES:  # warm-up (caches, plans)
        client.get("/de/suche/", {"q": query})
    per_query = {}
    all_times: list[float] = []
    hits = {}
    for query in QUERIES:
        times = measure(client, "/de/suche/", {"q": query}, args.repeat)
        per_query[query] = times
        all_times += times
        hits[query] = get_engine().search(SearchParams(query=query, locale=locale)).total
    faceted: list[float] = []
    for query, facets in FACETED:
        faceted += measure(client, "/de/suche/", {"q": query, **facets}, args.repeat)
    # Deep pages: every hit up to the page is ranked; 99999 is clamped to the last page.
    deep = {
        seite: measure(client, "/de/suche/", {"q": DEEP_QUERY, "seite": seite}, args.repeat)
        for seite in ("10", "400", "99999")
    }
    page_times = measure(client, info["news_page_url"], {}, args.repeat * 4)

    pages, documents = Page.objects.count(), Material.objects.count()
    print(f"\n{args.items} Objekte ({pages} Seiten, {documents} Dokumente)")
    print(f"{'Anfrage':<36}{'Treffer':>9}{'p50 ms':>9}{'p95 ms':>9}")
    for query, times in per_query.items():
        print_line(query, times, hits[query])
    print_line("alle Anfragen", all_times)
    print_line("mit Facetten", faceted)
    for seite, times in deep.items():
        print_line(f"{DEEP_QUERY}, Seite {seite}", times)
    print_line("Seitenaufruf (Nachricht)", page_times)
    search_p50, page_p50 = statistics.median(all_times), statistics.median(page_times)
    print(f"Verhältnis Suche/Seitenaufruf (p50): {search_p50 / page_p50:.1f}")
    if args.engine:
        compare_engine(args.engine, client, locale, args.repeat, per_query, all_times, faceted)
    forgiving(client, locale, args.repeat)


def compare_engine(
    url: str,
    client: Client,
    locale: Locale,
    repeat: int,
    pg_times: dict[str, list[float]],
    pg_all: list[float],
    pg_faceted: list[float],
) -> None:
    """The same queries on the engine: p50/p95 beside PostgreSQL's, the index
    build time, and per query the totals of both and the shared top-10 hits."""
    from django.test import override_settings

    from search import elastic

    database = get_engine()
    pg_results = {q: database.search(SearchParams(query=q, locale=locale)) for q in QUERIES}
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_backends(url)):
        print(f"\nSuchmaschine {url}:")
        seconds = build_engine_index()
        items = sum(model.objects.count() for model in BENCH_MODELS)
        print(f"Index Suchmaschine (Bulk-API): {seconds:.1f} s ({items / seconds:.0f} Objekte/s)")
        engine = get_engine()
        if engine.name != "elasticsearch":
            raise SystemExit("Die Suchmaschine ist nicht eingerichtet.")
        elastic.reset_circuit()
        for query in QUERIES:  # warm-up
            client.get("/de/suche/", {"q": query})
        all_times: list[float] = []
        rows = []
        for query in QUERIES:
            times = measure(client, "/de/suche/", {"q": query}, repeat)
            all_times += times
            rows.append((query, times, engine.search(SearchParams(query=query, locale=locale))))
        faceted: list[float] = []
        for query, facets in FACETED:
            faceted += measure(client, "/de/suche/", {"q": query, **facets}, repeat)
        # The engine answered every search: a failure would have switched the
        # search to the database (and opened the circuit) and measured that.
        if elastic._unreachable_until or any(r.engine != "elasticsearch" for *_, r in rows):
            raise SystemExit("Die Suchmaschine antwortete nicht immer; Messung ungültig.")
    print(
        f"{'Anfrage':<36}{'PG':>7}{'Engine':>7}{'Top10':>6}"
        f"{'PG p50':>8}{'p95':>7}{'Eng p50':>8}{'p95':>7}"
    )
    agree = same_facets = 0
    for query, times, found in rows:
        pg = pg_results[query]
        same_facets += facet_table(pg.facet_counts) == facet_table(found.facet_counts)
        shared = len(set(pg.keys[:10]) & set(found.keys[:10]))
        top = min(10, pg.total, found.total)
        agree += pg.total == found.total
        print(
            f"{query:<36}{pg.total:>7}{found.total:>7}{f'{shared}/{top}':>6}"
            f"{statistics.median(pg_times[query]):>8.1f}{percentile(pg_times[query], 0.95):>7.1f}"
            f"{statistics.median(times):>8.1f}{percentile(times, 0.95):>7.1f}"
        )
    for label, pg, eng in (
        ("alle Anfragen", pg_all, all_times),
        ("mit Facetten", pg_faceted, faceted),
    ):
        print(
            f"{label:<56}{statistics.median(pg):>8.1f}{percentile(pg, 0.95):>7.1f}"
            f"{statistics.median(eng):>8.1f}{percentile(eng, 0.95):>7.1f}"
        )
    print(f"Gleiche Trefferzahl: {agree} von {len(rows)} Anfragen")
    print(f"Gleiche Facettenzahlen: {same_facets} von {len(rows)} Anfragen")


def facet_table(counts: dict) -> dict:
    """Facet counts with string keys (the engine gives years as numbers)."""
    return {d: {str(k): n for k, n in dict(v).items() if n} for d, v in counts.items() if v}


def stemming_cost(sample: int = 300) -> None:
    """What the German stems cost when indexing (SQLite stores them; PostgreSQL's
    to_tsvector makes the same in the database): index_text against splitting
    only, over the text of up to ``sample`` pages."""
    texts = [
        f"{title} {teaser}"
        for title, teaser in NewsPage.objects.values_list("title", "teaser")[:sample]
    ]
    chars = sum(len(t) for t in texts)
    german.stem.cache_clear()
    timings = {}
    for label, function in (
        ("nur Wörter trennen", lambda t: " ".join(german.tokens(t)).lower()),
        ("Stämme (kalt)", german.index_text),
        ("Stämme (Cache warm)", german.index_text),
    ):
        start = time.perf_counter()
        for text in texts:
            function(text)
        timings[label] = time.perf_counter() - start
    base = timings["nur Wörter trennen"]
    print(f"\nIndextext von {len(texts)} Nachrichten ({chars} Zeichen):")
    for label, seconds in timings.items():
        rate = chars / seconds / 1e6 if seconds else float("inf")
        ratio = seconds / base
        print(f"  {label:<24}{seconds * 1000:>9.1f} ms {rate:>8.2f} MZeichen/s {ratio:>6.1f}x")


def forgiving(client: Client, locale: Locale, repeat: int) -> None:
    """Issue #12: prefix queries, and misspelled ones with their suggestion (made
    only when few items are found: candidates from the word table, verified by
    the public search); SQL statements of the whole search page and of the
    suggestion step alone."""
    from django.db import reset_queries
    from django.test.utils import CaptureQueriesContext

    from search.models import SearchWord

    print(f"\nWörter in search.SearchWord: {SearchWord.objects.count()}")
    print(f"{'Präfix / Vorschlag':<30}{'Treffer':>7}{'p50 ms':>9}{'p95 ms':>9}  SQL", end="")
    print(f"{'Vorschlag ms':>14}{'SQL':>5}  Vorschlag")
    for query in PREFIX_QUERIES + MISSPELLED:
        times = measure(client, "/de/suche/", {"q": query}, repeat)
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            client.get("/de/suche/", {"q": query})
        total = get_engine().search(SearchParams(query=query, locale=locale)).total
        # The suggestion step alone (the view runs it when at most FEW_HITS are found).
        spelling_times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as spelling_queries:
                started = time.perf_counter()
                corrected = suggestion(query, locale)
                spelling_times.append((time.perf_counter() - started) * 1000)
        print(
            f"{query:<30}{total:>7}{statistics.median(times):>9.1f}"
            f"{percentile(times, 0.95):>9.1f}{len(queries):>5}"
            f"{statistics.median(spelling_times):>14.1f}{len(spelling_queries):>5}"
            f"  {corrected or '-'}"
        )
    stemming_cost()


if __name__ == "__main__":
    main()
