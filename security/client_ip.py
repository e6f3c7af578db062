"""The client's address, as the lockout (django-axes) and the password-reset limit
count it.

Without a proxy (TRUSTED_PROXY_COUNT = 0) it is REMOTE_ADDR, and X-Forwarded-For
is ignored: anyone can send that header. Behind N trusted proxies (nginx from
docs/deploy/: N = 1) each proxy appended the address it received the request from
to X-Forwarded-For, so the N-th entry from the right is the address the outermost
trusted proxy saw; entries further left came from the client and are ignored. (The
ipware library, axes' default, reads the left-most entry unless told otherwise, and
with a proxy count it falls back to entries that the client can write.)"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    return _valid(forwarded[-proxies]) or remote
