"""The public submission form (/de/praxisdatenbank/einreichen/, /en/…/submit/).

- ``start``: the submitter gives an e-mail address (and a name, if they like); we
  send the secret link …/einreichen/<token>/ and store nothing else. Spam defence
  without third parties: a honeypot field (a filled one gets the same neutral
  answer, no mail), a signed time stamp (a form sent faster than
  PRACTICE_SUBMISSION_MIN_SECONDS, or with a missing or altered stamp, is refused
  with a form error) and a limit per client address and e-mail address
  (security/ratelimit.py, 429).
- ``resume``: opening the link confirms the address; then five steps, each saved
  to ``Submission.data`` (validated) with "Speichern und weiter", "Zurück" and
  "Speichern und später weitermachen"; the link continues at the saved step. The
  last step submits: a draft page in the review workflow (practice/submission.py).

All answers say ``Cache-Control: no-store`` and send no referrer (the link is the
key to the submission)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from security.ratelimit import limit_exceeded

from . import notifications
from . import submission as service
from .forms import STEP_COUNT, StartForm, step_form
from .models.submission import Submission

logger = logging.getLogger(__name__)

RATE_SCOPE = "practice-submission"
ACTIONS = ("next", "back", "later", "submit", "resend")


def _render(request, index, template: str, context: dict, status: int = 200) -> HttpResponse:
    response = TemplateResponse(
        request,
        f"practice/{template}.html",
        {"page": index, "self": index, "step_count": STEP_COUNT, **context},
        status=status,
    )
    add_never_cache_headers(response)
    # The secret link never leaves the site in a Referer header. Not "no-referrer":
    # with it browsers send "Origin: null" with the form's POST, which Django's
    # CSRF check refuses (403) – found by the browser journey, not the test client.
    response["Referrer-Policy"] = "same-origin"
    return response


def _limited(request: HttpRequest, email: str) -> bool:
    return limit_exceeded(
        request,
        email,
        RATE_SCOPE,
        settings.PRACTICE_SUBMISSION_LIMIT,
        settings.PRACTICE_SUBMISSION_WINDOW,
    )


def _language(index) -> str:
    return index.locale.language_code or get_language()


def start(index, request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _render(request, index, "submit_start", {"form": StartForm()})
    form = StartForm(request.POST)
    if form.is_bot():
        logger.info("Submission start refused: honeypot filled")
        return _render(request, index, "submit_sent", {"mail_failed": False})
    if not form.is_valid():
        return _render(request, index, "submit_start", {"form": form})
    email = form.cleaned_data["email"]
    if _limited(request, email):
        fresh = StartForm(initial={"email": email, "name": form.cleaned_data["name"]})
        return _render(request, index, "submit_start", {"form": fresh, "limited": True}, 429)
    submission, token = service.start(index, email, form.cleaned_data["name"], _language(index))
    sent = notifications.send_link(submission, token)
    return _render(request, index, "submit_sent", {"mail_failed": not sent})


def _resume_path(index, token: str) -> str:
    return index.url + index.reverse_subpage("submit_resume", kwargs={"token": token})


def _reached(submission: Submission) -> int:
    """The furthest step the submitter may open."""
    saved = [int(step) + 1 for step in (submission.data.get("steps") or {})]
    return max(1, min(STEP_COUNT, max([submission.step, *saved])))


def _step_page(request, index, submission, step: int, form=None, **extra) -> HttpResponse:
    if form is None:
        form = step_form(
            step,
            initial=service.step_values(submission, step),
            language=submission.language,
        )
    context = {
        "submission": submission,
        "form": form,
        "step": step,
        "steps": range(1, STEP_COUNT + 1),
        "reached": _reached(submission),
        "action_url": request.path,
        **extra,
    }
    if step == STEP_COUNT:
        context["summary"] = summary(submission)
    return _render(request, index, "submit_step", context)


def summary(submission: Submission) -> list[tuple[int, str, list[tuple[str, str]]]]:
    """(step, heading, [(label, value shown)]) of everything answered so far."""
    sections = []
    for step in range(1, STEP_COUNT):
        form = service.bound_step(submission, step)
        rows = []
        for name, field in form.fields.items():
            value = form.data.get(name)
            choices = dict(getattr(field, "choices", []) or [])
            if isinstance(value, list):
                shown = ", ".join(str(choices.get(v, v)) for v in value)
            elif choices and value in choices and value:
                shown = str(choices[value])
            else:
                shown = value or ""
            label = field.label
            if name.startswith(("level_", "justification_")):
                number = int(name.split("_")[1])
                titles = {c.number: c.title for c in getattr(form, "criteria", [])}
                label = f"{titles.get(number, number)} – {field.label}"
            if shown:
                rows.append((str(label), shown))
        sections.append((step, str(form.heading), rows))
    return sections


def resume(index, request: HttpRequest, token: str) -> HttpResponse:
    submission = Submission.for_token(token)
    if submission is None or submission.data.get("index") != index.pk:
        raise Http404
    service.confirm(submission)
    if not service.may_edit(submission):
        return _render(request, index, "submit_done", {"submission": submission})
    if request.method != "POST":
        try:
            step = int(request.GET.get("schritt") or submission.step)
        except ValueError:
            step = submission.step
        if not 1 <= step <= _reached(submission):
            step = submission.step
        return _step_page(request, index, submission, step)

    action = request.POST.get("action", "next")
    if action not in ACTIONS:
        action = "next"
    if action == "resend":
        if _limited(request, submission.email):
            return _render(
                request, index, "submit_later", {"submission": submission, "limited": True}, 429
            )
        sent = notifications.send_link(submission, token)
        return _render(
            request,
            index,
            "submit_later",
            {"submission": submission, "resent": sent, "mail_failed": not sent},
        )
    try:
        step = int(request.POST.get("step", ""))
    except ValueError:
        step = submission.step
    if not 1 <= step <= _reached(submission):
        step = submission.step
    form = step_form(step, data=request.POST, language=submission.language)
    if action == "back":
        # Going back keeps what was typed, checked or not.
        service.save_step(submission, step, form.stored(), step - 1)
        return HttpResponseRedirect(_resume_path(index, token))
    if not form.is_valid():
        return _step_page(request, index, submission, step, form=form)
    service.save_step(submission, step, form.stored(), step if action == "later" else step + 1)
    if action == "later":
        return _render(request, index, "submit_later", {"submission": submission})
    if step == STEP_COUNT and action in ("next", "submit"):
        invalid = service.first_invalid_step(submission)
        if invalid is not None:
            submission.step = invalid
            submission.save(update_fields=["step", "updated_at"])
            bound = service.bound_step(submission, invalid)
            bound.is_valid()
            return _step_page(
                request,
                index,
                submission,
                invalid,
                form=bound,
                incomplete=_("Bitte ergänzen Sie diesen Schritt, bevor Sie einreichen."),
            )
        service.submit(submission)
        submission.refresh_from_db()
        return _render(request, index, "submit_done", {"submission": submission, "just_sent": True})
    return HttpResponseRedirect(_resume_path(index, token))
