"""Django's Redis cache backend, made safe for every user of the default cache:
the page cache, Wagtail (it keeps the site root paths there), a rate limiter.

Each call that fails because Redis is down, unreachable or refusing (any
``redis.exceptions.RedisError`` or ``OSError``) answers like a miss: ``get``
returns the default, ``add``, ``delete``, ``touch`` and ``has_key`` False,
``get_many`` nothing, ``set`` and the others do nothing; ``incr`` raises
ValueError as for a missing key. The failure is logged once and this process
leaves Redis alone for a few seconds (ops.cache.guarded), so a dead Redis costs
one short socket timeout now and then instead of an error on every page.

settings: ``"BACKEND": "ops.cache_backend.RedisCache"`` (config/settings/base.py)."""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient

from .cache import guarded

_MISSING = object()


class SafeRedisCacheClient(RedisCacheClient):
    def add(self, key, value, timeout):
        return guarded(lambda: super(SafeRedisCacheClient, self).add(key, value, timeout), False)[0]

    def get(self, key, default):
        return guarded(lambda: super(SafeRedisCacheClient, self).get(key, default), default)[0]

    def set(self, key, value, timeout):
        guarded(lambda: super(SafeRedisCacheClient, self).set(key, value, timeout), None)

    def touch(self, key, timeout):
        return guarded(lambda: super(SafeRedisCacheClient, self).touch(key, timeout), False)[0]

    def delete(self, key):
        return guarded(lambda: super(SafeRedisCacheClient, self).delete(key), False)[0]

    def get_many(self, keys):
        return guarded(lambda: super(SafeRedisCacheClient, self).get_many(keys), {})[0]

    def has_key(self, key):
        return guarded(lambda: super(SafeRedisCacheClient, self).has_key(key), False)[0]

    def incr(self, key, delta):
        value, ok = guarded(lambda: super(SafeRedisCacheClient, self).incr(key, delta), _MISSING)
        if not ok:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")
        return value

    def set_many(self, data, timeout):
        guarded(lambda: super(SafeRedisCacheClient, self).set_many(data, timeout), None)

    def delete_many(self, keys):
        guarded(lambda: super(SafeRedisCacheClient, self).delete_many(keys), None)

    def clear(self):
        return guarded(lambda: super(SafeRedisCacheClient, self).clear(), False)[0]


class RedisCache(DjangoRedisCache):
    """``django.core.cache.backends.redis.RedisCache`` that never fails a request."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SafeRedisCacheClient
