"""Barriers reported through the accessibility statement's feedback form
(accessibility/views.py). Moderation and Administration read them in the admin
(„Barrieremeldungen“, accessibility/admin_views.py) and set their status; the
contact data is erased and old reports are deleted by accessibility/retention.py."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DESCRIPTION_MAX = 2000
ADDRESS_MAX = 500


class ReportStatus(models.TextChoices):
    NEW = "new", _("neu")
    IN_PROGRESS = "in_progress", _("in Bearbeitung")
    DONE = "done", _("erledigt")


class BarrierReport(models.Model):
    status = models.CharField(
        _("Stand"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.NEW
    )
    language = models.CharField(_("Sprache"), max_length=8)
    page_address = models.CharField(_("Seitenadresse"), max_length=ADDRESS_MAX, blank=True)
    description = models.TextField(_("Beschreibung der Barriere"), max_length=DESCRIPTION_MAX)
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    consented_at = models.DateTimeField(
        _("Einwilligung in die Verarbeitung der Kontaktdaten"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("eingegangen"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)
    done_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)
    contact_erased_at = models.DateTimeField(_("Kontaktdaten gelöscht am"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Barrieremeldung")
        verbose_name_plural = _("Barrieremeldungen")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} {self.page_address or '–'}"

    def save(self, *args, **kwargs):
        # The retention counts from the day a report was marked done (retention.py).
        if self.status == ReportStatus.DONE and self.done_at is None:
            self.done_at = timezone.now()
        elif self.status != ReportStatus.DONE:
            self.done_at = None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "status" in update_fields:
            kwargs["update_fields"] = {*update_fields, "done_at", "updated_at"}
        super().save(*args, **kwargs)
