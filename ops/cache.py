"""The shared cache, used so that it can never fail a request, and the page
cache's site-wide generation (README, "Betrieb").

Safe helpers (public: any code may use them, e.g. a rate limiter)
-----------------------------------------------------------------
``cache_get``, ``cache_set``, ``cache_add``, ``cache_incr`` and ``cache_delete``
call Django's default cache (Redis via ``REDIS_URL``, else the in-process
cache). When the cache fails (Redis down, unreachable, out of memory: any
``redis.exceptions.RedisError`` or ``OSError``), the error is logged once, the
call returns the default given (a miss), and this process leaves the cache
alone for ``RETRY_SECONDS`` (:func:`cache_available` says whether it is in
that pause), so that a dead Redis costs no more than one short socket timeout
every few seconds. ``cache_set``, ``cache_add`` and ``cache_delete`` return
whether the cache really answered; :func:`guarded` runs any other operation the
same way. With Redis, the backend itself (ops/cache_backend.py) answers failures
like a miss, so Wagtail's own use of the cache never fails a request either.

Page cache generation
---------------------
Every cached page is stored under the current *generation* (a random token in
one cache entry). :func:`purge_page_cache` drops the generation, so every page
cached before is dead at once in every process that shares the cache; the
signal handlers in ops/purge.py call it on every public change. A generation is
also valid only until the next moment at which the public site changes by
itself (a page's ``expire_at``, a scheduled ``go_live_at``, an event's end that
moves it from "upcoming" to "past"), found by :func:`next_content_change` when
the generation is created (two small queries per generation)."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import DatabaseError, transaction
from django.db.models import Min, Q
from django.utils import timezone

try:  # Django's Redis backend needs the redis package; the in-process cache does not.
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover - redis is a runtime dependency

    class RedisError(Exception):  # type: ignore[no-redef]
        """Stands in when the redis package is missing (no Redis cache then)."""


logger = logging.getLogger("ops.cache")

#: Errors that mean "the cache is not there", never a bug in the caller.
CACHE_ERRORS: tuple[type[BaseException], ...] = (RedisError, OSError)
#: After a failure, this process leaves the cache alone for so many seconds.
RETRY_SECONDS = 5.0

GENERATION_KEY = "pagecache:generation"
PAGE_KEY_PREFIX = "pagecache:page"

#: Instants at which the public site changes without anyone saving anything:
#: (model, datetime field, filter on the rows that count). Every public list
#: goes through home.models.base.live_now() (expire_at), the event lists split
#: upcoming and past events at ``end``; go_live_at takes effect through
#: ``publish_scheduled`` (a publish, so a purge), listed to be safe.
TIME_BOUNDARIES: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("wagtailcore.Page", "expire_at", {"live": True}),
    ("wagtailcore.Page", "go_live_at", {}),
    ("events.EventPage", "end", {"live": True}),
)

T = TypeVar("T")


class _Health:
    """Per-process state of the cache connection."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.down_until = 0.0  # time.monotonic() until which the cache is left alone
        self.down = False  # a failure was logged and no success seen since
        self.failures = 0
        self.purge_pending = False


_health = _Health()


def reset_state() -> None:
    """Forget this process's cache failures (tests; a changed CACHES setting)."""
    _health.reset()


def _reset_on_cache_settings(*, setting: str, **kwargs: Any) -> None:
    if setting == "CACHES":
        reset_state()


setting_changed.connect(_reset_on_cache_settings, dispatch_uid="ops_cache_reset")


def cache_available() -> bool:
    """False while this process is in the pause after a cache failure."""
    return time.monotonic() >= _health.down_until


def _failed(error: BaseException) -> None:
    with _health.lock:
        first = not _health.down
        _health.down = True
        _health.failures += 1
        _health.down_until = time.monotonic() + RETRY_SECONDS
    if first:
        logger.warning(
            "Cache unreachable (%s: %s); serving without it, retrying every %.0f s.",
            type(error).__name__,
            error,
            RETRY_SECONDS,
        )


def guarded(operation: Callable[[], T], default: T) -> tuple[T, bool]:
    """Run one cache ``operation``: ``(result, True)``, or ``(default, False)`` when
    the cache failed or is in its pause. Used by the helpers below and by
    ops.cache_backend.RedisCache, so that a failure is counted once."""
    if not cache_available():
        return default, False
    before = _health.failures
    try:
        result = operation()
    except CACHE_ERRORS as error:
        _failed(error)
        return default, False
    if _health.failures != before:  # the backend failed and answered with a default
        return default, False
    if _health.down:
        with _health.lock:
            _health.down = False
        logger.warning("Cache reachable again.")
    return result, True


def cache_get(key: str, default: Any = None) -> Any:
    """``cache.get``; ``default`` when the key is missing or the cache is down."""
    return guarded(lambda: cache.get(key, default), default)[0]


def cache_set(key: str, value: Any, timeout: float | None) -> bool:
    """``cache.set``; False when the cache is down (nothing was stored).
    ``timeout`` in seconds, None for no expiry."""
    return guarded(lambda: cache.set(key, value, timeout), None)[1]


def cache_add(key: str, value: Any, timeout: float | None) -> bool:
    """``cache.add`` (store only if the key is missing); False when it was present
    or the cache is down."""
    added, ok = guarded(lambda: bool(cache.add(key, value, timeout)), False)
    return added and ok


def cache_incr(key: str, delta: int = 1, *, timeout: float | None = None) -> int | None:
    """Add ``delta`` to a counter and return the new value; a missing counter starts
    at 0 and gets ``timeout`` (seconds). None when the cache is down."""

    def increment() -> int:
        if cache.add(key, delta, timeout):
            return delta
        try:
            return cache.incr(key, delta)
        except ValueError:  # expired between add and incr
            cache.set(key, delta, timeout)
            return delta

    value, ok = guarded(increment, None)
    return value if ok else None


def cache_delete(key: str) -> bool:
    """``cache.delete``; True when the cache answered (whether or not the key
    existed), False when it is down."""
    return guarded(lambda: cache.delete(key), None)[1]


# --- page cache generation ----------------------------------------------------------


@dataclass(frozen=True)
class Generation:
    token: str
    #: When this generation began (Unix time): no public content changed since.
    started_at: float
    #: Unix time from which it is stale (None: until the next purge).
    valid_until: float | None

    def is_valid(self, now: float) -> bool:
        return self.valid_until is None or now < self.valid_until


def page_cache_seconds() -> int:
    """How long a page stays in the cache (``PAGE_CACHE_SECONDS``; 0 switches it off)."""
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


def next_content_change(now=None) -> float | None:
    """The next instant (Unix time) at which the public site changes by itself,
    from :data:`TIME_BOUNDARIES`; None when nothing is scheduled."""
    now = now or timezone.now()
    by_model: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for label, field, condition in TIME_BOUNDARIES:
        by_model.setdefault(label, []).append((field, condition))
    instants = []
    for label, fields in by_model.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        aggregates = {
            f"next_{index}": Min(field, filter=Q(**{f"{field}__gt": now}, **condition))
            for index, (field, condition) in enumerate(fields)
        }
        instants += [value for value in model.objects.aggregate(**aggregates).values() if value]
    return min(instants).timestamp() if instants else None


def current_generation() -> Generation | None:
    """The valid generation, started anew when there is none or it went stale.
    None when the page cache cannot be used now (cache down; database needed to
    start a generation and down)."""
    if not cache_available():
        return None
    if _health.purge_pending and cache_delete(GENERATION_KEY):
        _health.purge_pending = False
    record, ok = guarded(lambda: cache.get(GENERATION_KEY), None)
    if not ok:
        return None
    now = timezone.now()
    # Stored as a plain tuple, so that an entry written by another release of this
    # code still reads (or is simply replaced).
    if isinstance(record, tuple) and len(record) == 3:
        generation = Generation(*record)
        if generation.is_valid(now.timestamp()):
            return generation
    try:
        valid_until = next_content_change(now)
    except DatabaseError:
        return None
    generation = Generation(
        token=uuid.uuid4().hex, started_at=now.timestamp(), valid_until=valid_until
    )
    cache_set(
        GENERATION_KEY, (generation.token, generation.started_at, generation.valid_until), None
    )
    return generation


def content_changed_at() -> float | None:
    """Unix time since which no public content changed (as far as the page cache
    knows): a safe ``Last-Modified`` for anything public. None without a cache."""
    generation = current_generation()
    return generation.started_at if generation else None


def set_last_modified(response, generation: Generation | None = None) -> None:
    """``Last-Modified`` of a public response (feeds, sitemap, cached pages): when
    the current generation began, i.e. a time since which nothing public changed.
    A view's own guess from its newest item misses unpublished and deleted items,
    so without a cache the header is left out (the ETag still answers 304s).
    ``generation``: the one the caller already looked up (none read again)."""
    from django.utils.http import http_date

    changed_at = generation.started_at if generation else content_changed_at()
    if changed_at is not None:
        response["Last-Modified"] = http_date(int(changed_at))
    elif response.has_header("Last-Modified"):
        del response["Last-Modified"]


def _drop_generation() -> None:
    if not cache_delete(GENERATION_KEY):
        # The cache is down: drop the generation as soon as it is back, or pages
        # cached before this change would be served again until they expire.
        _health.purge_pending = True


def purge_page_cache(*, on_commit: bool = True) -> None:
    """Make every cached page stale, in every process that shares the cache.

    Dropped at once (requests from now on render afresh) and, when called inside a
    transaction, again once it commits: a request that rendered the old state
    between the change and the commit must not keep it cached."""
    _drop_generation()
    if on_commit:
        transaction.on_commit(_drop_generation)


def page_key(generation: Generation, parts: tuple[str, ...]) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}:{generation.token}:{digest}"
