"""Admin views: the rate-limited password reset and the list of login locks with
"Sperre aufheben"."""

from __future__ import annotations

import ipaddress
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.account import PasswordResetView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .lockout import (
    USERNAME_MAX_LENGTH,
    cool_off_minutes,
    locked_addresses,
    locked_usernames,
    unlock,
)
from .ratelimit import reset_limit_exceeded

UNLOCK_PERMISSION = "auth.change_user"


class RateLimitedPasswordResetView(PasswordResetView):
    """Wagtail's "Passwort zurücksetzen", limited per address and e-mail
    (security/ratelimit.py). Over the limit: the form with an error, status 429,
    no e-mail."""

    def form_valid(self, form):
        if reset_limit_exceeded(self.request, form.cleaned_data.get("email", "")):
            form.add_error(
                None,
                _(
                    "Zu viele Anfragen zum Zurücksetzen des Passworts. Bitte versuchen "
                    "Sie es in einer Stunde erneut."
                ),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)


def can_unlock(user) -> bool:
    """Who may lift a lock: whoever manages user accounts (Administration)."""
    return user.is_active and (user.is_superuser or user.has_perm(UNLOCK_PERMISSION))


def lock_section(
    id_: str, heading: str, column: str, field: str, locks: list[dict], empty: str
) -> dict[str, Any]:
    """One table of security/login_locks.html: ``locks`` are rows of ``field``
    (username or ip_address) and failures."""
    rows = [{"value": lock[field], "failures": lock["failures"]} for lock in locks]
    return {
        "id": id_,
        "heading": heading,
        "column": column,
        "field": field,
        "rows": rows,
        "empty": empty,
    }


class LoginLocksView(WagtailAdminTemplateMixin, TemplateView):
    """`/admin/anmeldesperren/` (Einstellungen → Anmeldesperren): the accounts and
    addresses that are locked now, each with "Sperre aufheben" (POST)."""

    template_name = "security/login_locks.html"
    page_title = gettext_lazy("Anmeldesperren")
    header_icon = "lock"
    http_method_names = ["get", "post"]

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not can_unlock(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # One table each; the form field is what security.lockout.unlock() takes.
        context["sections"] = [
            lock_section(
                "gesperrte-konten",
                _("Gesperrte Benutzernamen"),
                _("Benutzername"),
                "username",
                locked_usernames(),
                _("Kein Benutzername ist gesperrt."),
            ),
            lock_section(
                "gesperrte-adressen",
                _("Gesperrte Adressen"),
                _("Adresse"),
                "ip_address",
                locked_addresses(),
                _("Keine Adresse ist gesperrt."),
            ),
        ]
        context["minutes"] = cool_off_minutes(self.request)
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        username = request.POST.get("username", "").replace("\x00", "").strip()
        ip_address = request.POST.get("ip_address", "").strip()
        try:
            ip_address = str(ipaddress.ip_address(ip_address)) if ip_address else ""
        except ValueError:  # not an address: nothing to unlock (and no database error)
            ip_address = ""
        if unlock(username=username[:USERNAME_MAX_LENGTH], ip_address=ip_address):
            messages.success(
                request,
                _("Die Sperre für „%(target)s“ ist aufgehoben.")
                % {"target": username or ip_address},
            )
        else:
            messages.error(request, _("Für diese Angabe besteht keine Sperre."))
        return redirect("security_login_locks")
