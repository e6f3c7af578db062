"""`/healthz`: whether this process can serve pages, for load balancers and
monitoring. 200 when the database answers; 503 (with Retry-After) when it does
not. The cache is reported (its state, "redis" or "local", and whether the page
cache is on) but does not fail the check: without it pages are only slower
(README, "Betrieb")."""

from __future__ import annotations

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .cache import page_cache_seconds

logger = logging.getLogger("home.health")


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health check: database unreachable: %s", error)
        return "unreachable"
    return "ok"


def cache_state() -> str:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=5)
        found = cache.get(key) == "1"
        cache.delete(key)
    except Exception as error:  # any backend's connection error; never fail the check
        logger.warning("Health check: cache unreachable: %s", error)
        return "unreachable"
    return "ok" if found else "unreachable"


def cache_backend() -> str:
    """ "redis" (shared by all processes) or "local" (this process only)."""
    backend = settings.CACHES["default"]["BACKEND"]
    return "redis" if backend.endswith("RedisCache") else "local"


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    started = time.monotonic()
    database = database_state()
    state = {
        "status": "ok" if database == "ok" else "unavailable",
        "database": database,
        "cache": cache_state(),
        "cache_backend": cache_backend(),
        "page_cache": "on" if page_cache_seconds() > 0 else "off",
        "duration_ms": round((time.monotonic() - started) * 1000, 1),
    }
    response = JsonResponse(state, status=200 if database == "ok" else 503)
    if database != "ok":
        response["Retry-After"] = "5"
    return response
