"""Serving benchmark (issue #11): the production server as an operator runs it.

Starts `make serve` (gunicorn, config.settings.production) on a PostgreSQL
database of its own with Redis, loads the demo site, and prints from one run:

1. each anonymous page type's throughput as a ratio to a static file served by
   the same server (wrk, keep-alive, ``Accept-Encoding: gzip`` as a browser sends);
2. publish-to-visible latency: a news page is fetched (cache warm), a new
   revision is published the way the admin does (``revision.publish()``), and
   the page is polled until the new title is served;
3. 64 connections for 60 s over all page types: requests/s, p50/p99 latency,
   responses by status; then the same load with the (uncached) search in the mix;
4. with ``--db-restart``: PostgreSQL restarted under load (the mix with the
   search, which always needs the database): responses by status (500s must be
   0) and how long /healthz took to answer 200 again once PostgreSQL was back.

    make services                      # PostgreSQL 15 and Redis
    apt-get install -y wrk             # Debian's wrk (installed by the bench if root)
    .venv/bin/python bench/serve.py [--db-restart] [--quick]

--quick: 3 s per page type and 15 s of load (a smoke run; the issue's figures
use the defaults, 10 s per page type and 60 s of load). Requests carry
``X-Forwarded-Proto: https`` as nginx (docs/deploy/nginx.conf) sets it, so the
production defaults (HTTPS redirect, secure cookies) stay on.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG = "postgres://postgres@127.0.0.1:5432"
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
STATIC_PATH = "/static/css/site.css"
# The search is never cached (free text; ops/middleware.py): measured on its own,
# and under load beside the page types.
SEARCH_PATH = "/de/suche/?q=Gesundheit"

# wrk script: rotates over the page paths, counts responses by status and
# prints p50/p99 (milliseconds) for the load and database-restart runs.
WRK_STATUS_SCRIPT = """
local paths = {%(paths)s}
local i = 0
local threads = {}
n2xx, n3xx, n4xx, n500, n503, nother = 0, 0, 0, 0, 0, 0
function setup(thread) table.insert(threads, thread) end
function init(args) i = math.random(#paths) end
function request()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
function response(status, headers, body)
  if status >= 200 and status < 300 then n2xx = n2xx + 1
  elseif status < 400 then n3xx = n3xx + 1
  elseif status == 500 then n500 = n500 + 1
  elseif status == 503 then n503 = n503 + 1
  elseif status < 500 then n4xx = n4xx + 1
  else nother = nother + 1 end
end
function done(summary, latency, requests)
  local t = {n2xx=0, n3xx=0, n4xx=0, n500=0, n503=0, nother=0}
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + thread:get(k) end
  end
  io.write(string.format(
    "STATUS 2xx=%%d 3xx=%%d 4xx=%%d 500=%%d 503=%%d other=%%d\\n",
    t.n2xx, t.n3xx, t.n4xx, t.n500, t.n503, t.nother))
  io.write(string.format("LATENCY p50=%%.1f p99=%%.1f max=%%.1f\\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def run(cmd: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, **kwargs)  # noqa: S603


def psql(sql: str) -> None:
    subprocess.run(  # noqa: S603
        ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c", sql],  # noqa: S607
        check=True,
        stdout=subprocess.DEVNULL,
    )


def fetch(url: str, timeout: float = 10) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, headers=HEADERS)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def wait_for(url: str, seconds: float) -> float:
    """Seconds until `url` answers 200 (raises after `seconds`)."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        try:
            if fetch(url, timeout=2)[0] == 200:
                return time.monotonic() - started
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer 200 within {seconds} s")


def wrk(url: str, seconds: int, connections: int, script: str | None = None) -> dict:
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for name, value in HEADERS.items():
        cmd += ["-H", f"{name}: {value}"]
    if script:
        cmd += ["-s", script]
    output = subprocess.run(  # noqa: S603
        [*cmd, url], capture_output=True, text=True, check=True
    ).stdout
    result: dict = {"raw": output}
    if match := re.search(r"Requests/sec:\s+([\d.]+)", output):
        result["rps"] = float(match.group(1))
    if match := re.search(r"STATUS (.*)", output):
        result["status"] = dict(item.split("=") for item in match.group(1).split())
    if match := re.search(r"LATENCY p50=([\d.]+) p99=([\d.]+) max=([\d.]+)", output):
        result["p50"], result["p99"], result["max"] = map(float, match.groups())
    if match := re.search(r"Socket errors: (.*)", output):
        result["socket_errors"] = match.group(1)
    return result


def page_urls(env: dict) -> dict[str, str]:
    """One live URL path per page type, read from the database by the site's own code."""
    code = """
import gzip
import json
from django.apps import apps
from wagtail.models import Page
from home.models import Schlagwort
paths = {}
for page in Page.objects.live().public().filter(locale__language_code="de").specific():
    name = type(page).__name__
    if name not in paths and page.depth > 1:
        paths[name] = page.url
paths["feed.ics (Kalender)"] = paths.get("EventIndexPage", "/de/") + "feed.ics"
paths["RSS"] = paths.get("NewsIndexPage", "/de/") + "feed/"
paths["Sitemap"] = "/sitemap.xml"
keyword = Schlagwort.objects.filter(approved=True).order_by("slug").first()
if keyword:
    paths["Schlagwortseite"] = "/de/schlagwort/%s/" % keyword.slug
print(json.dumps(paths))
"""
    output = run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
        env,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def publish_latency(env: dict, base: str) -> tuple[float, float]:
    """Seconds from the start of ``revision.publish()`` to the new title being
    served, and how long ``publish()`` itself took (signals, search index,
    reference index, purge)."""
    code = """
import json, sys, time
from news.models import NewsPage
page = NewsPage.objects.live().public().filter(locale__language_code="de").first()
print(json.dumps({"id": page.id, "url": page.url}))
sys.stdout.flush()
sys.stdin.readline()
page = NewsPage.objects.get(id=page.id)
page.title = page.title + " (aktualisiert %s)" % int(time.time())
revision = page.save_revision()
started = time.time()
revision.publish()
print(json.dumps({"title": page.title, "published_at": started, "returned_at": time.time()}))
sys.stdout.flush()
"""
    process = subprocess.Popen(  # noqa: S603
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
        env=env,
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    first = json.loads(process.stdout.readline())
    url = base + first["url"]
    for _ in range(3):  # warm the cache
        fetch(url)
    process.stdin.write("\n")
    process.stdin.flush()
    second = json.loads(process.stdout.readline())
    title = second["title"].encode()
    deadline = second["published_at"] + 30
    while time.time() < deadline:
        status, body, headers = fetch(url)
        if headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        if title in body.replace(b"&quot;", b'"'):
            visible = time.time() - second["published_at"]
            process.wait()
            return visible, second["returned_at"] - second["published_at"]
        time.sleep(0.02)
    raise RuntimeError("published title not visible within 30 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="gk_serve_bench")
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--seconds", type=int, default=10, help="wrk seconds per page type")
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--db-restart", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.load_seconds = 3, 15
    if not shutil.which("wrk"):
        if os.geteuid() == 0:
            subprocess.run(["apt-get", "install", "-y", "wrk"], check=True)  # noqa: S607
        else:
            sys.exit("wrk fehlt: apt-get install -y wrk")

    base = f"http://127.0.0.1:{args.port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": f"{PG}/{args.db}",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/9"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BASE_URL": base,
        "BIND": f"127.0.0.1:{args.port}",
        "MEDIA_ROOT": tempfile.mkdtemp(prefix="gk-serve-bench-media-"),
        "LOG_LEVEL": "ERROR",
    }

    print(f"Datenbank {args.db} neu anlegen, Demo-Inhalte laden …", flush=True)
    psql(f"DROP DATABASE IF EXISTS {args.db} WITH (FORCE)")
    psql(f"CREATE DATABASE {args.db}")
    quiet = {"stdout": subprocess.DEVNULL}
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env, **quiet)
    for command in ("load_demo_content", "apply_editorial", "load_demo_states"):
        run([PYTHON, "manage.py", command], env, **quiet)
    run(["redis-cli", "-u", env["REDIS_URL"], "FLUSHDB"], env, **quiet)
    paths = page_urls(env)

    server = subprocess.Popen(  # noqa: S603
        ["make", "serve"],  # noqa: S607
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(base + "/healthz", 120)
        health = json.loads(fetch(base + "/healthz")[1])
        print(f"Server: make serve, {base}, /healthz {health}")
        print(f"\n1. Durchsatz je Seitentyp ({args.seconds} s, 16 Verbindungen, gzip)")
        static = wrk(base + STATIC_PATH, args.seconds, 16)
        print(f"   {'statische Datei ' + STATIC_PATH:<46} {static['rps']:>8.0f} rps  100 %")
        worst = 1.0
        for name, path in {**paths, "Suche (nicht im Cache)": SEARCH_PATH}.items():
            status, body, headers = fetch(base + path)
            result = wrk(base + path, args.seconds, 16)
            ratio = result["rps"] / static["rps"]
            if path != SEARCH_PATH:
                worst = min(worst, ratio)
            print(
                f"   {name:<28} {path[:17]:<17} {result['rps']:>8.0f} rps {ratio:>5.0%}"
                f"  ({status}, {len(body) / 1024:.1f} KB {headers.get('Content-Encoding', '')})"
            )
        print(f"   kleinster Anteil der Seitentypen: {worst:.0%} (Ziel ≥ 50 %)")

        latency, publishing = publish_latency(env, base)
        print(
            f"\n2. Veröffentlichen → sichtbar: {latency * 1000:.0f} ms nach Beginn von "
            f"publish() (Ziel < 1 s); publish() selbst dauerte {publishing * 1000:.0f} ms"
        )

        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(
                WRK_STATUS_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths.values())}
            )
        load = wrk(base + "/de/", args.load_seconds, args.connections, script.name)
        print(
            f"\n3. Last: {args.connections} Verbindungen × {args.load_seconds} s über alle "
            f"Seitentypen: {load['rps']:.0f} rps, p50 {load['p50']:.0f} ms, "
            f"p99 {load['p99']:.0f} ms (Ziel < 1000), max {load['max']:.0f} ms"
        )
        print(f"   Antworten: {load['status']}  Socket-Fehler: {load.get('socket_errors', '0')}")

        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as mixed:
            mixed.write(
                WRK_STATUS_SCRIPT
                % {"paths": ", ".join(json.dumps(p) for p in [*paths.values(), SEARCH_PATH])}
            )
        with_search = wrk(base + "/de/", args.load_seconds // 2, args.connections, mixed.name)
        print(
            f"   dieselbe Last mit der Suche (jede {len(paths) + 1}. Anfrage, "
            f"{args.load_seconds // 2} s): {with_search['rps']:.0f} rps, "
            f"p50 {with_search['p50']:.0f} ms, p99 {with_search['p99']:.0f} ms, "
            f"Antworten {with_search['status']}"
        )

        if args.db_restart:
            result: dict = {}
            thread = threading.Thread(
                target=lambda: result.update(wrk(base + "/de/", 20, 32, mixed.name))
            )
            thread.start()
            time.sleep(5)
            subprocess.run(  # noqa: S603
                ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart"],  # noqa: S607
                check=True,
            )
            restarted = time.monotonic()
            recovered = wait_for(base + "/healthz", 60)
            thread.join()
            print(
                f"\n4. PostgreSQL-Neustart unter Last (32 Verbindungen, 20 s, mit Suche): "
                f"Antworten {result['status']}; /healthz wieder 200 nach "
                f"{recovered:.1f} s ({time.monotonic() - restarted:.1f} s nach dem Neustart)"
            )
        os.unlink(script.name)
        os.unlink(mixed.name)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
