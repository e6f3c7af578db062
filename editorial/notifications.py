"""E-mail notifications of the editorial workflow.

Wagtail 8 already sends what PRODUCT.md asks for (wagtail/admin/mail.py,
connected in wagtail/admin/signal_handlers.py):

- on submission, every member of the review step's groups (ModerationTask is a
  group approval task) and the superusers, except the submitter;
- on final approval, the author (``requested_by``);
- on rejection, the author, with the reviewer's comment;

rendered in the recipient's admin language (German by default), through
Django's e-mail backend. Wagtail logs a failing *send* of one message, but an
error while *opening* the connection (``SMTPException`` from the login,
``socket.gaierror``, TLS errors: anything but ``TimeoutError`` and
``ConnectionError``) propagates into the workflow transition and turns a
moderator's click into a server error. ``install()`` therefore wraps
the sending step of Wagtail's four notifiers so that any failure is
logged and the transition completes; nothing else changes (recipients,
templates and Wagtail's own per-message logging stay as they are)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from wagtail.admin import signal_handlers as wagtail_handlers

logger = logging.getLogger("editorial.notifications")

# The notifier instances Wagtail connects to its workflow signals.
NOTIFIERS = (
    wagtail_handlers.task_submission_email_notifier,
    wagtail_handlers.workflow_submission_email_notifier,
    wagtail_handlers.workflow_approval_email_notifier,
    wagtail_handlers.workflow_rejection_email_notifier,
)


def never_fail(send: Callable[..., Any], name: str) -> Callable[..., Any]:
    """``send`` (a notifier's ``send_notifications``) logging instead of raising."""

    def send_or_log(*args: Any, **kwargs: Any) -> bool:
        try:
            return send(*args, **kwargs)
        except Exception:
            # The transition itself must complete; a lost mail is not worth a lost approval.
            logger.exception("Benachrichtigung „%s“ konnte nicht versendet werden", name)
            return False

    send_or_log.editorial_safe = True  # type: ignore[attr-defined]
    return send_or_log


def install() -> None:
    """Make Wagtail's workflow notifiers failure-safe (idempotent).

    Wraps ``send_notifications`` on the very notifier instances Wagtail connects
    (wagtail/admin/signal_handlers.py), so it does not matter whether this runs
    before or after Wagtail's AppConfig.ready() connected them."""
    for notifier in NOTIFIERS:
        if getattr(notifier.send_notifications, "editorial_safe", False):
            continue
        notifier.send_notifications = never_fail(notifier.send_notifications, notifier.notification)
