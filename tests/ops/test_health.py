"""`/healthz` answers 200 with the database and cache state, 503 when the
database is unreachable (a real failed connection, not a mock)."""

import json
import os
import subprocess
import sys

import pytest

from django.conf import settings


@pytest.mark.django_db
def test_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.json()["cache"] == "ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_database_down_is_503():
    """A process whose database does not answer (nothing listens on port 1)."""
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz', HTTP_HOST='localhost');"
        "print(json.dumps([r.status_code, r.json(), r.get('Retry-After')]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    status, body, retry_after = json.loads(result.stdout.strip().splitlines()[-1])
    assert status == 503
    assert body["database"] == "unreachable"
    assert body["status"] == "unavailable"
    assert retry_after == "5"


@pytest.mark.django_db
def test_only_get(client):
    assert client.post("/healthz").status_code == 405
