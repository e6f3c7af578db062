"""Mails to the person who submits a practice example, in the submission's
language, through Django's mail backend: the link (confirm the address, continue
later), the moderators' rejection with their comment and a new link, the approval
with the public address.

A failing mail server loses nothing: the submission is saved before, the failure
is logged and the caller is told (False), so the form can offer to send the link
again."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

SUBJECT_LINK = _("Ihre Einreichung für die Praxisdatenbank: Ihr Link")
SUBJECT_REJECTED = _("Ihre Einreichung für die Praxisdatenbank: bitte überarbeiten")
SUBJECT_APPROVED = _("Ihre Einreichung für die Praxisdatenbank ist veröffentlicht")


def _send(submission, subject, template: str, context: dict) -> bool:
    with translation.override(submission.language):
        body = render_to_string(
            f"practice/mail/{template}.txt", {"submission": submission, **context}
        )
        subject = str(subject)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [submission.email])
    except Exception:
        logger.exception("Mail „%s“ to submission %s failed", template, submission.pk)
        return False
    return True


def send_link(submission, token: str) -> bool:
    """The secret link: confirms the address, continues the submission."""
    from .submission import resume_url

    return _send(
        submission,
        SUBJECT_LINK,
        "link",
        {"url": resume_url(submission, token)},
    )


def send_rejected(submission, token: str) -> bool:
    from .submission import resume_url

    return _send(
        submission,
        SUBJECT_REJECTED,
        "rejected",
        {"url": resume_url(submission, token), "comment": submission.last_comment},
    )


def send_approved(submission, page) -> bool:
    return _send(
        submission,
        SUBJECT_APPROVED,
        "approved",
        {"url": page.get_full_url(), "title": page.title},
    )
