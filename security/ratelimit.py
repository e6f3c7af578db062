"""A limit on password-reset requests: at most PASSWORD_RESET_LIMIT per client
address and per e-mail address within PASSWORD_RESET_WINDOW seconds (default:
5 an hour), counted in Django's cache (Redis in production, shared by all
processes). Over the limit the form says so (429) and no e-mail goes out.

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


def reset_limit_exceeded(request: HttpRequest, email: str) -> bool:
    """Counts one reset request of this client address and e-mail address;
    True when either has now made more than the limit allows."""
    limit = settings.PASSWORD_RESET_LIMIT
    window = settings.PASSWORD_RESET_WINDOW
    address = client_ip(request) or "unknown"
    mailbox = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    keys = (f"security:password-reset:ip:{address}", f"security:password-reset:email:{mailbox}")
    counts = [cache_incr(key, timeout=window) for key in keys]
    if None in counts:  # the cache failed (ops.cache): fail open (see module docstring)
        logger.warning("Password reset limit not checked: cache unavailable")
        return False
    return any(count > limit for count in counts)
