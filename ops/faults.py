"""A database that is down or restarting answers 503 with Retry-After, never 500
(README, "Betrieb"). ``home.views.server_error`` (handler500) asks
:func:`is_database_outage` about the exception being handled: Django turns every
exception, in a view or in a middleware (sessions, authentication), into a call
of handler500, so this one place covers them all."""

from __future__ import annotations

import sqlite3

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

RETRY_AFTER_SECONDS = 5

#: PostgreSQL error classes that mean "not reachable now, try again": 08
#: connection exception, 53 insufficient resources (too many connections),
#: 57 operator intervention (shutdown, restart, cancelled by a timeout).
POSTGRES_OUTAGE_CLASSES = ("08", "53", "57")
#: SQLite: the file cannot be opened or read, or a writer holds it too long.
SQLITE_OUTAGE_MESSAGES = ("unable to open database file", "database is locked", "disk i/o error")


def _chain(error: BaseException | None):
    seen = 0
    while error is not None and seen < 8:
        yield error
        error = error.__cause__ or error.__context__
        seen += 1


def is_database_outage(error: BaseException | None) -> bool:
    """Whether ``error`` (or what caused it) says the database cannot be reached
    now, as opposed to a bug (a missing table, a bad query: those stay 500)."""
    for exception in _chain(error):
        if isinstance(exception, InterfaceError):
            return True
        if isinstance(exception, OperationalError):
            cause = exception.__cause__
            if isinstance(cause, sqlite3.Error):
                message = str(cause).lower()
                return any(text in message for text in SQLITE_OUTAGE_MESSAGES)
            sqlstate = getattr(cause, "sqlstate", None)
            # psycopg raises connection failures (refused, reset, closed) without one.
            return sqlstate is None or sqlstate.startswith(POSTGRES_OUTAGE_CLASSES)
    return False


def database_unavailable(request: HttpRequest | None = None) -> HttpResponse:
    """The "Wartung" page: static, rendered without request context (context
    processors might query the database)."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
