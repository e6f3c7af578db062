"""Login lockout (django-axes): the page a locked-out login gets, and lifting a
lock from the admin (security/views.py).

Settings (config/settings/base.py): 5 failures lock the account, from any
address, and the address, for any account, for 15 minutes. A successful login
clears the failures of that account and address."""

from __future__ import annotations

from axes.helpers import get_cool_off
from axes.models import AccessAttempt

from django.conf import settings
from django.db.models import Q, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

LOCKOUT_STATUS = 429
# AccessAttempt.username is a CharField(255); Django's login forms let longer names
# through to authenticate() (AuthenticationForm sets max_length without a validator).
USERNAME_MAX_LENGTH = 255


def login_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """AXES_USERNAME_CALLABLE: the name the failure is counted under, as axes reads it,
    cut to what its table holds and without NUL (PostgreSQL refuses both: a 500)."""
    field = settings.AXES_USERNAME_FORM_FIELD
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get(field)
    if username is None:
        return None
    return str(username).replace("\x00", "")[:USERNAME_MAX_LENGTH]


def cool_off_minutes(request: HttpRequest | None = None) -> int:
    cool_off = get_cool_off(request)
    return max(1, round(cool_off.total_seconds() / 60)) if cool_off else 0


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: a page (429) that says why the login was refused and
    for how long, in the admin's look at /admin/, else in the site's."""
    template = (
        "security/admin_lockout.html"
        if request.path.startswith("/admin/")
        else "security/lockout.html"
    )
    context = {"minutes": cool_off_minutes(request)}
    response = render(request, template, context, status=LOCKOUT_STATUS)
    response["Retry-After"] = str(cool_off_minutes(request) * 60)
    return response


def locked_usernames() -> list[dict]:
    """Accounts with at least AXES_FAILURE_LIMIT failures (from any address)."""
    return list(
        AccessAttempt.objects.exclude(username__isnull=True)
        .exclude(username="")
        .values("username")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("username")
    )


def locked_addresses() -> list[dict]:
    """Client addresses with at least AXES_FAILURE_LIMIT failures (for any account)."""
    return list(
        AccessAttempt.objects.exclude(ip_address__isnull=True)
        .values("ip_address")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("ip_address")
    )


def unlock(*, username: str | None = None, ip_address: str | None = None) -> int:
    """Deletes the recorded failures of one account or one address; returns how many
    records went. (Cool-off expiry deletes them too, at the next failure.)"""
    condition = Q()
    if username:
        condition |= Q(username=username)
    if ip_address:
        condition |= Q(ip_address=ip_address)
    if not condition:
        return 0
    deleted, _ = AccessAttempt.objects.filter(condition).delete()
    return deleted
