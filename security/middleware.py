"""Response headers that SecurityMiddleware and django-csp do not set."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .csp import reset_current_request, set_current_request


class SecurityHeadersMiddleware:
    """Sets ``Permissions-Policy`` (settings.PERMISSIONS_POLICY) and keeps the
    request in a context variable while the response is built, so that form
    widgets, rendered without the request, can put the CSP nonce on their
    inline scripts (security/csp.py). Placed after django-csp's middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = set_current_request(request)
        try:
            response = self.get_response(request)
        finally:
            reset_current_request(token)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response
