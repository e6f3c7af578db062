"""Limits on requests that send e-mail: at most ``limit`` per client address and per
e-mail address within ``window`` seconds, counted in Django's cache (Redis in
production, shared by all processes). Over the limit the form says so (429) and no
e-mail goes out. Used by the password reset (PASSWORD_RESET_LIMIT per
PASSWORD_RESET_WINDOW, default: 5 an hour) and the Praxisdatenbank's public
submission (practice/submission_views.py) and the barrier report
(accessibility/views.py).

If the cache fails, requests are let through (logged): a dead Redis must not
stop people resetting their password, and Django's reset neither reveals whether
an address exists nor sends more than one mail per request."""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.http import HttpRequest

from ops.cache import cache_incr

from .client_ip import client_ip

logger = logging.getLogger(__name__)


def limit_exceeded(
    request: HttpRequest, email: str | None, scope: str, limit: int, window: int
) -> bool:
    """Counts one request of this client address and e-mail address under ``scope``;
    True when either has now made more than ``limit`` within ``window`` seconds.
    Without an e-mail address (an optional field left empty) only the client
    address counts."""
    address = client_ip(request) or "unknown"
    keys = [f"security:{scope}:ip:{address}"]
    if email and email.strip():
        mailbox = hashlib.sha256(email.strip().lower().encode()).hexdigest()
        keys.append(f"security:{scope}:email:{mailbox}")
    counts = [cache_incr(key, timeout=window) for key in keys]
    if None in counts:  # the cache failed (ops.cache): fail open (see module docstring)
        logger.warning("Rate limit %s not checked: cache unavailable", scope)
        return False
    return any(count > limit for count in counts)


def reset_limit_exceeded(request: HttpRequest, email: str) -> bool:
    """Counts one reset request of this client address and e-mail address;
    True when either has now made more than the limit allows."""
    return limit_exceeded(
        request,
        email,
        "password-reset",
        settings.PASSWORD_RESET_LIMIT,
        settings.PASSWORD_RESET_WINDOW,
    )
