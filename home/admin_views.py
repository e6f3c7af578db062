"""Admin endpoints of keyword moderation: approve or reject one proposed keyword
(POST only, CSRF-protected by the admin; registered in home/wagtail_hooks.py).
They answer with a redirect back (``next``, else the referring admin page, else
the keyword list) and a message; bad input gets a 400, non-moderators a 403."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin import messages

from .models import Schlagwort
from .moderation import approve_keyword, reject_keyword


def _back(request: HttpRequest) -> str:
    for candidate in (request.POST.get("next"), request.headers.get("referer")):
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return candidate
    return reverse("wagtailsnippets_home_schlagwort:list")


@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    keyword = get_object_or_404(Schlagwort, pk=pk)
    approve_keyword(keyword, request.user)  # PermissionDenied -> 403
    messages.success(request, _("Schlagwort „%(name)s“ freigegeben.") % {"name": keyword.name})
    return redirect(_back(request))


@require_POST
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    keyword = get_object_or_404(Schlagwort, pk=pk)
    name = keyword.name
    try:
        reject_keyword(keyword, request.user, request.POST.get("comment", ""))
    except ValidationError as error:
        return HttpResponseBadRequest(" ".join(error.messages))
    messages.success(
        request,
        _("Schlagwort „%(name)s“ zurückgewiesen und aus allen Seiten entfernt.") % {"name": name},
    )
    return redirect(_back(request))
