"""The accessibility statement with its feedback form (BITV 2.0 § 7: a feedback
mechanism) and the confirmation after a report; routes of
AccessibilityStatementPage (accessibility/models/statement.py).

- GET: the statement and the form, the page address prefilled (forms.py).
- POST: a valid report is saved (BarrierReport), the moderators are told
  (mails.notify_moderators), a visitor who gave an address gets a confirmation
  in the page's language, and the browser is redirected to …/danke/ (Post/
  Redirect/Get: reloading sends nothing twice). Errors show the form again with
  an error summary.
- Spam defence without third parties: the honeypot (answered with the same
  redirect as a success, nothing saved or sent), the signed minimum fill time
  (security/forms.py, BARRIER_REPORT_MIN_SECONDS) and a limit of
  BARRIER_REPORT_LIMIT reports per client address (and e-mail address) per hour
  (security/ratelimit.py; over it: 429 with the form and what was typed).

The form page is personal (a CSRF token, maybe someone's prefilled address): it
says ``Cache-Control: no-store`` and never enters the page cache
(ops/middleware.py also refuses anything with a CSRF field)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers

from security.ratelimit import limit_exceeded

from . import mails
from .forms import BarrierReportForm, same_site_path

logger = logging.getLogger(__name__)

RATE_SCOPE = "barrier-report"
PREFILL_PARAM = "adresse"


def prefill_address(request: HttpRequest, statement_path: str) -> str:
    """The page the visitor came from: ``?adresse=`` or a Referer of this site
    (not the statement itself); "" if neither names a page of this site."""
    host = request.get_host()
    path = same_site_path(request.GET.get(PREFILL_PARAM), host)
    if path is None:
        referer = same_site_path(request.META.get("HTTP_REFERER"), host)
        path = referer if referer and not referer.startswith(statement_path) else None
    return path or ""


def _render(page, request: HttpRequest, form, status: int = 200, **extra) -> HttpResponse:
    response = page.render(
        request,
        context_overrides={
            "form": form,
            "limited": False,
            "contact_days": settings.BARRIER_REPORT_CONTACT_DAYS,
            "retention_days": settings.BARRIER_REPORT_RETENTION_DAYS,
            **extra,
        },
    )
    response.status_code = status
    add_never_cache_headers(response)
    return response


def _thanks_url(page, request: HttpRequest) -> str:
    return page.get_url(request) + page.reverse_subpage("thanks")


def statement(page, request: HttpRequest) -> HttpResponse:
    host = request.get_host()
    if request.method != "POST":
        path = page.get_url(request) or request.path
        form = BarrierReportForm(
            initial={"page_address": prefill_address(request, path)}, host=host
        )
        return _render(page, request, form)

    form = BarrierReportForm(request.POST, host=host)
    if form.is_bot():
        logger.info("Barrier report refused: honeypot filled")
        return HttpResponseRedirect(_thanks_url(page, request))
    if not form.is_valid():
        return _render(page, request, form)
    email = form.cleaned_data["email"]
    if limit_exceeded(
        request, email, RATE_SCOPE, settings.BARRIER_REPORT_LIMIT, settings.BARRIER_REPORT_WINDOW
    ):
        kept = {k: v for k, v in form.cleaned_data.items() if k not in ("website", "stamp")}
        fresh = BarrierReportForm(initial=kept, host=host)
        return _render(page, request, fresh, status=429, limited=True)

    report = form.report(page.locale.language_code)
    report.save()
    # Mails never fail the request (mails.py logs a failure): the report is saved.
    mails.notify_moderators(report, request)
    if report.email:
        mails.confirm(report, page)
    return HttpResponseRedirect(_thanks_url(page, request))


def thanks(page, request: HttpRequest) -> HttpResponse:
    """The confirmation (the same for everyone: it may be cached)."""
    return page.render(request, template="accessibility/report_thanks.html")
