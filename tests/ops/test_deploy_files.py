"""The deployment files in docs/deploy/ are valid, `make serve`'s gunicorn
configuration really serves the production settings, and `make worker` and the
worker's unit start the same worker, which the production settings accept."""

from __future__ import annotations

import configparser
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from django.conf import settings

from tests.background import WORKER_COMMAND

DEPLOY = Path(settings.BASE_DIR) / "docs" / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def needs(binary: str):
    """Skip on a developer machine without ``binary``; in CI (.ci/run installs it) fail."""
    present = os.path.exists(binary) or shutil.which(binary)
    return pytest.mark.skipif(
        not present and not os.environ.get("CI"), reason=f"{binary} missing (apt-get install)"
    )


@needs(NGINX)
def test_nginx_configuration_is_valid(tmp_path):
    for name in ("cert.pem", "key.pem"):
        assert not (tmp_path / name).exists()
    subprocess.run(  # noqa: S603
        ["/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=gesunde-kommune.example.org",
         "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (DEPLOY / "nginx.conf").read_text()
    site = site.replace("/etc/ssl/certs/ssl-cert-snakeoil.pem", str(tmp_path / "cert.pem"))
    site = site.replace("/etc/ssl/private/ssl-cert-snakeoil.key", str(tmp_path / "key.pem"))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\n"
        f"error_log {tmp_path}/error.log;\n"
        "events {}\n"
        "http {\n"
        f"  access_log {tmp_path}/access.log;\n"
        f"  client_body_temp_path {tmp_path};\n"
        f"  include {tmp_path}/site.conf;\n"
        "}\n"
    )
    result = subprocess.run(  # noqa: S603
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def read_unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=True, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string((DEPLOY / name).read_text())
    return parser


@pytest.mark.parametrize(
    "name",
    [
        "gesunde-kommune.service",
        "gesunde-kommune-publish.service",
        "gesunde-kommune-publish.timer",
        "gesunde-kommune-purge-submissions.service",
        "gesunde-kommune-purge-submissions.timer",
        "gesunde-kommune-purge-barrier-reports.service",
        "gesunde-kommune-purge-barrier-reports.timer",
        "gesunde-kommune-worker.service",
    ],
)
def test_systemd_units_parse(name):
    unit = read_unit(name)
    assert unit["Unit"]["Description"]
    if name.endswith(".service"):
        service = unit["Service"]
        assert service["User"] != "root"
        assert service["Environment"] == "DJANGO_SETTINGS_MODULE=config.settings.production"
        command = service["ExecStart"].split()
        assert command[0].startswith(service["WorkingDirectory"] + "/.venv/bin/")
        # Every repository file the command names exists.
        for arg in command[1:]:
            if arg.startswith(service["WorkingDirectory"] + "/") and ".venv" not in arg:
                relative = arg.removeprefix(service["WorkingDirectory"] + "/")
                assert (Path(settings.BASE_DIR) / relative).exists(), relative
    else:
        assert unit["Timer"]["OnCalendar"]


def make_recipe(target: str) -> list[str]:
    """The command lines of a Makefile target."""
    lines = (Path(settings.BASE_DIR) / "Makefile").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{target}:"))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip())
    return recipe


def test_make_worker_and_the_worker_unit_run_the_tested_worker():
    """`make worker`, the systemd unit and tests/materials/test_extraction.py (which
    runs it against the test database) start the same command (WORKER_COMMAND), with the
    production settings in `make worker` and the unit."""
    command = " ".join(WORKER_COMMAND)
    (recipe,) = make_recipe("worker")
    assert recipe == (f"DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/python {command}")
    service = read_unit("gesunde-kommune-worker.service")["Service"]
    assert service["ExecStart"] == f"{service['WorkingDirectory']}/.venv/bin/python {command}"
    # Stopping lets the running task finish: longer than a PDF may take.
    assert int(service["TimeoutStopSec"]) > settings.PDF_EXTRACT_TIMEOUT_SECONDS


def test_the_production_settings_have_the_workers_database_backend(tmp_path):
    """db_worker refuses a backend alias that is not a database backend; its
    argument check runs before --help ends it."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "test-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    worker = subprocess.run(  # noqa: S603
        [sys.executable, *WORKER_COMMAND, "--help"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert worker.returncode == 0, worker.stderr
    assert "--batch" in worker.stdout
    default = subprocess.run(  # noqa: S603 - the control: "default" runs at once
        [sys.executable, "manage.py", "db_worker", "--backend", "default", "--help"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert default.returncode != 0
    assert "not a database backend" in default.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_serves_production_settings(tmp_path):
    """`make serve`'s server: gunicorn with config/gunicorn.py and the production
    settings answers /healthz over HTTP (the database needs no tables for it)."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "test-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SECURE_SSL_REDIRECT": "false",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "2",
    }
    server = subprocess.Popen(  # noqa: S603
        [str(gunicorn), "config.wsgi:application", "--config", "config/gunicorn.py"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        body = None
        while time.monotonic() < deadline and body is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:  # noqa: S310
                    body = (r.status, r.read().decode())
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                time.sleep(0.5)
        assert body is not None, "gunicorn did not answer within 60 s"
        assert body[0] == 200
        assert '"database": "ok"' in body[1]
    finally:
        server.terminate()
        server.wait(timeout=30)
