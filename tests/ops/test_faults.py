"""A database that is down or restarting costs 503s with Retry-After, never a 500,
and the site recovers by itself (ops/faults.py, CONN_HEALTH_CHECKS).

The outage is real: a process whose database does not answer (nothing listens on
the port, or the SQLite file cannot be opened); on PostgreSQL, a real server
(gunicorn) whose connections go through a TCP relay that is cut and restored, as
a database restart looks from the application, and backends terminated by
PostgreSQL itself (pg_terminate_backend)."""

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

import pytest

from django.conf import settings
from django.db import DatabaseError, connection

from ops.faults import is_database_outage
from tests.factories import NewsPageFactory, build_tree

POSTGRES = connection.vendor == "postgresql"

# Run in a process of its own against an unreachable database: the status, the
# Retry-After header and the start of the body of each request.
REQUESTS = """
import django, json
django.setup()
from django.test import Client
results = []
for path, cookies in (("/de/", {}), ("/de/aktuelles/", {"sessionid": "abc"}), ("/nichts/", {})):
    client = Client(raise_request_exception=False)
    client.cookies.load(cookies)
    response = client.get(path, HTTP_HOST="localhost")
    results.append([path, response.status_code, response.get("Retry-After"),
                    response.content.decode()[:2000]])
print(json.dumps(results))
"""


def run_against(database_url: str) -> list:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", REQUESTS],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "database_url",
    [
        "postgres://nobody@127.0.0.1:1/none",  # nothing listens on port 1
        "sqlite:////nonexistent-directory/gesunde-kommune.sqlite3",  # cannot be opened
    ],
    ids=["postgresql-refused", "sqlite-unreadable"],
)
def test_database_down_gives_503_with_retry_after(database_url):
    """A page (the view's query), a request with a session cookie (not served from
    the cache) and an unknown address (the redirect middleware's query, after the
    view) all answer 503 with the "Wartung" page."""
    for path, status, retry_after, body in run_against(database_url):
        assert status == 503, (path, status, body[:300])
        assert retry_after == "5", path
        assert "Vorübergehend nicht erreichbar" in body, path


@pytest.mark.django_db
def test_a_bug_in_a_query_is_no_outage():
    """Only an unreachable database gives 503; a bad query stays a 500 (a bug)."""
    with pytest.raises(DatabaseError) as bad_query, connection.cursor() as cursor:
        cursor.execute("SELECT * FROM gibt_es_nicht")
    assert not is_database_outage(bad_query.value)


@pytest.mark.django_db
def test_a_bug_answers_500_and_an_outage_503_each_with_its_page(rf):
    """handler500 (home.views.server_error) tells the two apart; both pages share
    one standalone frame (site/templates/error_page.html)."""
    from django.db import OperationalError

    from home.views import server_error

    request = rf.get("/de/")
    try:
        raise ValueError("a bug")
    except ValueError:
        bug = server_error(request)
    outage_error = OperationalError("connection refused")
    outage_error.__cause__ = ConnectionRefusedError()
    try:
        raise outage_error
    except OperationalError:
        outage = server_error(request)
    assert bug.status_code == 500 and "Technischer Fehler</h1>" in bug.content.decode()
    assert "Retry-After" not in bug
    assert outage.status_code == 503 and outage["Retry-After"] == "5"
    body = outage.content.decode()
    assert "<title>Vorübergehend nicht erreichbar – Gesunde Kommune</title>" in body
    assert "in wenigen Sekunden neu" in body


# --- a real server on PostgreSQL ---------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Relay:
    """A TCP relay to PostgreSQL. ``cut()`` closes every relayed connection and stops
    listening (new connections are refused), as a restarting server does;
    ``restore()`` listens again on the same port."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = free_port()
        self.sockets: set[socket.socket] = set()
        self.lock = threading.Lock()
        self.listener: socket.socket | None = None

    def restore(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        listener, self.listener = self.listener, None
        if listener is not None:
            listener.close()
        with self.lock:
            sockets, self.sockets = self.sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # cut
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets |= {client, upstream}
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


class Server:
    """gunicorn serving the site with the test settings, its database reached at
    ``database_url``."""

    def __init__(self, database_url: str, *, threads: int) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": database_url,
        }
        self.process = subprocess.Popen(  # noqa: S603 - gunicorn from this venv
            [sys.executable, "-m", "gunicorn", "config.wsgi:application"]
            + ["--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--threads", str(threads)]
            + ["--worker-class", "gthread" if threads > 1 else "sync", "--timeout", "60"],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(600):  # up to 60 s to start
            try:
                if self.get("/robots.txt")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def get(self, path: str, *, session: bool = False) -> tuple[int, str | None]:
        request = urllib.request.Request(self.url + path)  # noqa: S310 - http on loopback
        if session:  # a personal request: never from the page cache, so it needs the database
            request.add_header("Cookie", "sessionid=abc")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
                return response.status, response.headers.get("Retry-After")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Retry-After")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def database_url(port: int) -> str:
    settings_dict = connection.settings_dict
    user = settings_dict["USER"] or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    return f"postgres://{user}{password}@127.0.0.1:{port}/{settings_dict['NAME']}"


needs_postgres = pytest.mark.skipif(not POSTGRES, reason="a PostgreSQL server to cut off")


@needs_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_restart_under_load_costs_503s_only_and_recovers_by_itself():
    tree = build_tree()
    NewsPageFactory(parent=tree.news, title="Fachtag angekündigt")
    settings_dict = connection.settings_dict
    relay = Relay((settings_dict["HOST"] or "127.0.0.1", int(settings_dict["PORT"] or 5432)))
    relay.restore()
    server = Server(database_url(relay.port), threads=4)
    results: list[tuple[str, bool, int, str | None]] = []
    phase = ["up"]
    stop = threading.Event()

    def load(session: bool) -> None:
        for _ in range(3000):  # bounded; stopped long before
            if stop.is_set():
                return
            status, retry_after = server.get("/de/aktuelles/", session=session)
            results.append((phase[0], session, status, retry_after))

    def wait_for(count: int) -> None:
        for _ in range(600):  # up to 60 s
            if len(results) >= count:
                return
            time.sleep(0.1)
        raise AssertionError(f"only {len(results)} responses")

    try:
        assert server.get("/de/aktuelles/") == (200, None)  # cached for anonymous readers
        workers = [threading.Thread(target=load, args=(i % 2 == 0,)) for i in range(4)]
        for worker in workers:
            worker.start()
        wait_for(40)
        phase[0] = "down"
        relay.cut()
        wait_for(len(results) + 40)
        phase[0] = "recovering"
        relay.restore()
        wait_for(len(results) + 80)
        stop.set()
        for worker in workers:
            worker.join(timeout=60)
    finally:
        stop.set()
        server.stop()
        relay.cut()

    statuses = Counter((phase, session, status) for phase, session, status, _ in results)
    assert not [r for r in results if r[2] not in (200, 503)], statuses
    assert all(retry_after == "5" for _, _, status, retry_after in results if status == 503)
    # While the database is gone: personal requests get 503, anonymous readers the
    # cached page.
    assert statuses[("down", True, 503)] > 0, statuses
    assert all(r[2] == 200 for r in results if not r[1]), statuses
    # After it is back, without any restart of the server: everything answers.
    assert all(r[2] == 200 for r in results[-40:]), statuses


@needs_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_terminated_connection_is_replaced_before_it_fails_a_request():
    """PostgreSQL ends the server's kept connection (as on a restart); the next
    request finds it dead in the health check and connects anew: no error at all."""
    tree = build_tree()
    NewsPageFactory(parent=tree.news, title="Fachtag angekündigt")
    settings_dict = connection.settings_dict
    server = Server(
        database_url(int(settings_dict["PORT"] or 5432)), threads=1
    )  # one process, one connection
    try:
        assert server.get("/de/aktuelles/", session=True)[0] == 200
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            assert cursor.fetchone()[0] >= 1

        assert server.get("/de/aktuelles/", session=True)[0] == 200
    finally:
        server.stop()
