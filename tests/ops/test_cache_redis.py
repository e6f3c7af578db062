"""The page cache on a real Redis (a redis-server of the tests' own, on a free
port, so that stopping or pausing it disturbs nobody): pages are shared between
processes and so are purges; a Redis that is down or goes away means uncached
pages, never an error; /healthz reports it (ops/cache.py, ops/health.py)."""

import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest
import redis

from django.conf import settings

from config.settings.base import redis_cache
from ops import cache as ops_cache
from tests.factories import NewsPageFactory, publish
from tests.helpers import page_text

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
pytestmark = [
    pytest.mark.django_db,
    # Skip on a developer machine without Redis; in CI (`make services` installs it) fail.
    pytest.mark.skipif(
        not os.path.exists(REDIS_SERVER) and not os.environ.get("CI"),
        reason="redis-server missing (make services)",
    ),
]
CLOSED_PORT_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A redis-server process without persistence."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - Debian's redis-server
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        client = self.client()
        for _ in range(100):  # up to 5 s for the server to listen
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, socket_timeout=5)


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_site(redis_server, settings, site_tree):
    """The site with its cache on the tests' Redis, emptied first."""
    if redis_server.process is None:
        redis_server.start()
    redis_server.client().flushdb()
    settings.CACHES = {"default": redis_cache(redis_server.url)}
    return site_tree


def test_pages_are_stored_in_redis(client, redis_server, redis_site):
    news = NewsPageFactory(parent=redis_site.news, title="Fachtag angekündigt")
    client.get(news.url)

    assert client.get(news.url)["X-Page-Cache"] == "hit"
    assert redis_server.client().keys("*pagecache:page:*")


def test_a_purge_in_another_process_reaches_this_one(client, redis_server, redis_site):
    news = NewsPageFactory(parent=redis_site.news, title="Fachtag angekündigt")
    client.get(news.url)
    assert client.get(news.url)["X-Page-Cache"] == "hit"

    script = (
        "import django; django.setup();"
        "from ops.cache import purge_page_cache; purge_page_cache(on_commit=False)"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "REDIS_URL": redis_server.url,
    }
    subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        check=True,
        timeout=60,
    )

    assert client.get(news.url)["X-Page-Cache"] == "miss"


def test_redis_down_means_uncached_pages_not_errors(
    client, settings, site_tree, caplog, monkeypatch
):
    monkeypatch.setattr(ops_cache, "RETRY_SECONDS", 0.0)  # every request tries Redis again
    settings.CACHES = {"default": redis_cache(CLOSED_PORT_URL)}
    news = NewsPageFactory(parent=site_tree.news, title="Fachtag angekündigt")

    with caplog.at_level(logging.WARNING, logger="ops.cache"):
        responses = [client.get(news.url) for _ in range(3)]

    for response in responses:
        assert response.status_code == 200
        assert "Fachtag angekündigt" in page_text(response)
        assert response["X-Page-Cache"] == "miss"
        assert "Last-Modified" not in response  # no generation to take it from
    warnings = [record for record in caplog.records if record.name == "ops.cache"]
    assert len(warnings) == 1, [record.getMessage() for record in warnings]
    assert "Cache unreachable" in warnings[0].getMessage()


def test_healthz_reports_redis_down_and_still_answers_200(client, settings, site_tree):
    settings.CACHES = {"default": redis_cache(CLOSED_PORT_URL)}
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok"
    assert body["cache"] == "unreachable"
    assert body["cache_backend"] == "redis"


def test_healthz_reports_redis_up(client, redis_site):
    body = client.get("/healthz").json()
    assert (body["cache"], body["cache_backend"], body["page_cache"]) == ("ok", "redis", "on")


def test_redis_going_away_and_coming_back(client, redis_server, redis_site, monkeypatch):
    monkeypatch.setattr(ops_cache, "RETRY_SECONDS", 0.0)  # retry at once, no waiting
    news = NewsPageFactory(parent=redis_site.news, title="Fachtag angekündigt")
    client.get(news.url)
    assert client.get(news.url)["X-Page-Cache"] == "hit"

    redis_server.stop()
    for _ in range(2):
        response = client.get(news.url)
        assert response.status_code == 200 and response["X-Page-Cache"] == "miss"

    redis_server.start()
    client.get(news.url)
    assert client.get(news.url)["X-Page-Cache"] == "hit"


def test_a_purge_while_redis_does_not_answer_takes_effect_when_it_does(
    client, redis_server, redis_site, monkeypatch
):
    """Redis keeps its data but does not answer writes for a while (CLIENT PAUSE):
    the publish's purge fails then, and is made up for once Redis answers, or the
    old page would be served again."""
    monkeypatch.setattr(ops_cache, "RETRY_SECONDS", 0.0)
    news = NewsPageFactory(parent=redis_site.news, title="Fachtag angekündigt")
    client.get(news.url)
    assert client.get(news.url)["X-Page-Cache"] == "hit"

    admin = redis_server.client()
    admin.execute_command("CLIENT", "PAUSE", "30000", "WRITE")
    try:
        news.title = "Fachtag verschoben"
        publish(news)  # its purge times out
    finally:
        admin.execute_command("CLIENT", "UNPAUSE")

    response = client.get(news.url)
    assert "Fachtag verschoben" in page_text(response)


@pytest.mark.parametrize(
    ("redis_url", "expected"), [(None, "ok"), (CLOSED_PORT_URL, "unreachable")]
)
def test_redis_url_configures_the_cache(redis_server, tmp_path, redis_url, expected):
    """The settings as a server process reads them from the environment."""
    script = (
        "import django, json; django.setup();"
        "from django.conf import settings; from django.test import Client;"
        "body = Client().get('/healthz', HTTP_HOST='localhost').json();"
        "print(json.dumps([settings.CACHES['default']['BACKEND'], body]))"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'leer.sqlite3'}",
        "REDIS_URL": redis_url or redis_server.url,
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    backend, body = json.loads(result.stdout.strip().splitlines()[-1])
    assert backend == "ops.cache_backend.RedisCache"
    assert body["cache"] == expected and body["cache_backend"] == "redis"
    assert body["database"] == "ok"


def test_purge_command_reaches_the_server_processes(client, redis_server, redis_site, tmp_path):
    news = NewsPageFactory(parent=redis_site.news, title="Fachtag angekündigt")
    client.get(news.url)
    assert client.get(news.url)["X-Page-Cache"] == "hit"

    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "purge_page_cache"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "REDIS_URL": redis_server.url,
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    assert "Seiten-Cache geleert" in result.stdout
    assert client.get(news.url)["X-Page-Cache"] == "miss"
