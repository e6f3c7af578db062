"""The page cache and compression (README, "Betrieb").

Order in settings.MIDDLEWARE (outermost first)::

    SecurityMiddleware, WhiteNoiseMiddleware,
    CSPMiddleware, SecurityHeadersMiddleware   policy headers on hits too (security/)
    ops.middleware.PageCacheMiddleware      answers hits before sessions, auth or the database
    ops.middleware.GZipMiddleware           stores compressed: a hit does no compression work
    django.middleware.http.ConditionalGetMiddleware   ETag of the uncompressed body
    SessionMiddleware, ...

What is cached: GET responses with status 200 to requests without a session or
messages cookie and without Authorization, that set no cookie, carry no
``Cache-Control: private/no-store/no-cache`` (Wagtail sends that for restricted
pages), no CSRF token and no CSP nonce, outside /admin/, /documents/, /healthz
and the search. Key: the generation (ops/cache.py), scheme, host, language,
gzip or not, and the full path with its query."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import GZipMiddleware as DjangoGZipMiddleware
from django.middleware.gzip import re_accepts_gzip
from django.utils import translation
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import parse_http_date_safe

from . import cache as page_cache

logger = logging.getLogger("ops.cache")

#: Paths not even looked up: the admin, documents (private collections are checked
#: per request), the health check, the page password step, static files. (Their
#: answers would not be stored anyway: never_cache, private, or streamed.)
SKIP_PREFIXES = ("/admin/", "/documents/", "/healthz", "/_util/", "/static/", "/media/")
#: URL names never cached: the search and its suggestions take free text, whose
#: results are rarely asked twice but would fill the cache; login and logout.
SKIP_URL_NAMES = frozenset({"search", "search_suggestions", "login", "logout"})
#: Vary headers a cached page may carry: all three are part of the key or the
#: request conditions (no session cookie), so one stored copy fits every request
#: that finds it.
ALLOWED_VARY = frozenset({"accept-encoding", "accept-language", "cookie"})
CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
STATUS_HEADER = "X-Page-Cache"
CSRF_FIELD = b'name="csrfmiddlewaretoken"'


def personal_request(request: HttpRequest) -> bool:
    """A request whose answer may depend on who asks: a session (logged in, a
    passed page password, a CSRF token kept in the session), a pending message,
    or HTTP authentication."""
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def cacheable_request(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIP_PREFIXES)
        and not personal_request(request)
    )


def _cache_control(response: HttpResponseBase) -> set[str]:
    return {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
        if part.strip()
    }


def cacheable_response(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether ``response`` may be shown to every anonymous visitor."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if _cache_control(response) & {"private", "no-store", "no-cache"}:
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if vary - ALLOWED_VARY:
        return False
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name in SKIP_URL_NAMES:
        return False
    # A CSP nonce (django-csp 4) or a CSRF token is for this response only.
    if getattr(request, "_csp_nonce", None) is not None:
        return False
    return CSRF_FIELD not in response.content


def key_parts(request: HttpRequest) -> tuple[str, ...] | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the view answers 400
    encoding = (
        "gzip" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else ""
    )
    language = translation.get_language_from_request(request, check_path=True)
    return (request.scheme, host, language, encoding, request.get_full_path())


def serialize(response: HttpResponse) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = [(name, value) for name, value in response.items() if name != STATUS_HEADER]
    return (response.status_code, headers, response.content)


def deserialize(entry: Any) -> HttpResponse | None:
    try:
        status, headers, content = entry
        return HttpResponse(content, status=status, headers=headers)
    except (TypeError, ValueError):
        return None  # an entry of another shape (another release): a miss


def conditional(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """304 when the client's copy is current (as ConditionalGetMiddleware does)."""
    if request.method != "GET":
        return response
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    etag = response.get("ETag")
    if not (etag or last_modified):
        return response
    return get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )


class PageCacheMiddleware:
    """Serves anonymous pages from the shared cache (ops/cache.py); stores what is
    safe to share. Never fails a request when the cache is down."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        seconds = page_cache.page_cache_seconds()
        if seconds <= 0 or not cacheable_request(request):
            response = self.get_response(request)
            self.mark_private(request, response)
            return response

        parts = key_parts(request)
        generation = page_cache.current_generation() if parts else None
        key = page_cache.page_key(generation, parts) if generation and parts else None
        if key:
            cached = deserialize(page_cache.cache_get(key))
            if cached is not None:
                cached[STATUS_HEADER] = "hit"
                return conditional(request, cached)

        # Render the full page even for a conditional request, so that it can be
        # stored; the conditions are applied to it below.
        conditions = {
            name: request.META.pop(name) for name in CONDITIONAL_HEADERS if name in request.META
        }
        try:
            response = self.get_response(request)
        finally:
            request.META.update(conditions)
        if not cacheable_response(request, response):
            self.mark_private(request, response)
            return conditional(request, response)

        self.mark_public(response, generation)
        if key and request.method == "GET":
            page_cache.cache_set(key, serialize(response), seconds)
        response[STATUS_HEADER] = "miss"
        return conditional(request, response)

    @staticmethod
    def mark_public(response: HttpResponseBase, generation=None) -> None:
        """Shared caches and browsers may keep the page briefly; ``Last-Modified``
        from the page cache's generation (ops.cache.set_last_modified)."""
        page_cache.set_last_modified(response, generation)
        if "Cache-Control" not in response:
            patch_cache_control(
                response, public=True, max_age=int(getattr(settings, "PAGE_CACHE_MAX_AGE", 0))
            )
        patch_vary_headers(response, ("Cookie",))

    @staticmethod
    def mark_private(request: HttpRequest, response: HttpResponseBase) -> None:
        """Personal answers (and answers that set a cookie) stay out of shared caches."""
        if "Cache-Control" in response:
            return
        if personal_request(request) or response.cookies:
            patch_cache_control(response, private=True)


class GZipMiddleware(DjangoGZipMiddleware):
    """Django's gzip, except for responses that carry a CSRF token (they set the
    CSRF cookie): compressing a secret next to text an attacker can put in the
    page leaks it (BREACH). Django's own random padding already weakens that
    attack; pages with forms are few, so they simply go uncompressed."""

    def process_response(self, request: HttpRequest, response: HttpResponseBase):
        if settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        return super().process_response(request, response)
