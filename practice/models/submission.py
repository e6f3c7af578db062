"""A public submission to the Praxisdatenbank: the submitter's confirmed e-mail
address, the answers of the multi-step form (saved after each step, resumed by the
secret link sent by e-mail), and the draft practice page it became.

The submitter's address and name are personal data: they are kept only here (never
on the page, never in an export or the search) and deleted after
``PRACTICE_SUBMISSION_RETENTION_DAYS`` (see practice/retention.py)."""

from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class SubmissionStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Adresse nicht bestätigt")
    EDITING = "editing", _("In Bearbeitung")
    SUBMITTED = "submitted", _("Eingereicht")
    REJECTED = "rejected", _("Zurückgewiesen")
    APPROVED = "approved", _("Freigegeben")


class Submission(models.Model):
    """One submitter's practice example on its way into the Praxisdatenbank."""

    email = models.EmailField(_("E-Mail der einreichenden Person"))
    name = models.CharField(_("Name der einreichenden Person"), max_length=200, blank=True)
    language = models.CharField(_("Sprache"), max_length=10, default="de")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("Stand"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.UNCONFIRMED,
    )
    step = models.PositiveSmallIntegerField(_("Schritt"), default=1)
    data = models.JSONField(_("Antworten"), default=dict, blank=True)
    page = models.ForeignKey(
        "practice.PracticePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
        verbose_name=_("Praxisbeispiel"),
    )
    last_comment = models.TextField(_("Letzter Kommentar der Moderation"), blank=True)
    created_at = models.DateTimeField(_("angelegt"), default=timezone.now)
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)
    confirmed_at = models.DateTimeField(_("Adresse bestätigt"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("eingereicht"), null=True, blank=True)
    decided_at = models.DateTimeField(_("entschieden"), null=True, blank=True)

    class Meta:
        verbose_name = _("Einreichung")
        verbose_name_plural = _("Einreichungen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.created_at:%d.%m.%Y})"

    @classmethod
    def new_token(cls) -> tuple[str, str]:
        """A secret for the resume link and the hash stored in its place."""
        token = secrets.token_urlsafe(32)
        return token, hash_token(token)

    @classmethod
    def for_token(cls, token: str) -> Submission | None:
        return cls.objects.filter(token_hash=hash_token(token)).first()
