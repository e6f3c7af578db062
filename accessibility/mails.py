"""The mails of a barrier report, through Django's mail backend.

- To the visitor who gave an address: a confirmation in the language of the
  statement they used, with the promise to answer within two weeks. It repeats
  nothing they typed (neither description nor name nor page address): anyone can
  type someone else's address, and the form must not become a way to send
  chosen text to strangers (the rate limit counts per address, too).
- To the active members of the Moderation group: that a report came in, with
  the link to it in the admin (WAGTAILADMIN_BASE_URL), in each one's admin
  language. The report itself stays in the admin: no description or contact
  data in mailboxes, where the retention (retention.py) cannot reach them.

A failing mail server loses nothing: the report is saved before, the failure is
logged and False returned."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.users.models import UserProfile

from editorial.roles import MODERATION

from .models.reports import BarrierReport

logger = logging.getLogger(__name__)

SUBJECT_CONFIRM = _("Ihre Meldung einer Barriere ist bei uns eingegangen")
SUBJECT_MODERATORS = _("Neue Barrieremeldung")


def _send(subject, template: str, context: dict, recipient: str, language: str) -> bool:
    with translation.override(language):
        body = render_to_string(f"accessibility/mail/{template}.txt", context)
        subject = str(subject)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
    except Exception:
        logger.exception("Mail „%s“ for barrier report failed", template)
        return False
    return True


def moderators():
    """Active members of the Moderation group with an e-mail address."""
    return (
        get_user_model()
        .objects.filter(groups__name=MODERATION, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def admin_url(report: BarrierReport) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or settings.BASE_URL
    return base.rstrip("/") + reverse("barrieremeldungen:inspect", args=[report.pk])


def notify_moderators(report: BarrierReport, request=None) -> int:
    """One mail per moderator; the number sent."""
    sent = 0
    for user in moderators():
        language = UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE
        context = {"report": report, "url": admin_url(report), "user": user}
        sent += _send(SUBJECT_MODERATORS, "moderators", context, user.email, language)
    return sent


def confirm(report: BarrierReport, statement=None) -> bool:
    """The visitor's confirmation, in the report's language."""
    context = {
        "report": report,
        "statement": statement,
        "statement_url": statement.get_full_url() if statement is not None else "",
        "reply_days": 14,
    }
    return _send(SUBJECT_CONFIRM, "confirm", context, report.email, report.language)
