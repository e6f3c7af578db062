"""`manage.py check --deploy` with the production settings and only the required
environment (README, "Konfiguration") reports no issue."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

from django.conf import settings


def run_check(tmp_path, **extra: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SECURE_", "DJANGO_", "SECRET_", "ALLOWED_", "DATABASE_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portal.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.sqlite3'}",
        **extra,
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_issues(tmp_path):
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_turning_preload_off_is_reported(tmp_path):
    """The documented way out of HSTS preloading is visible in the check."""
    result = run_check(tmp_path, SECURE_HSTS_PRELOAD="0")
    assert result.returncode != 0
    assert "security.W021" in result.stdout + result.stderr
