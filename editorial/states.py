"""The one state editors see for a page, computed from Wagtail's own fields.

| Zustand | Bedingung (in dieser Reihenfolge geprüft) |
|---|---|
| In Prüfung | ein Workflow läuft (eingereicht, noch nicht freigegeben oder zurückgewiesen) |
| Abgelaufen | nicht live, ``expired`` gesetzt (von ``publish_scheduled`` zurückgezogen) |
| Geplant | nicht live, eine freigegebene Revision wartet auf ihr „Veröffentlichen ab“ |
| Abgelaufen | live, aber ``expire_at`` vorbei (``publish_scheduled`` lief noch nicht) |
| Veröffentlicht | live |
| Zurückgezogen | nicht live, war aber schon einmal veröffentlicht |
| Entwurf | nie veröffentlicht, kein Workflow |

A live page with a scheduled newer revision stays "Veröffentlicht": the public
sees it. The function reads only fields that Wagtail's page listings already
annotate (``prefetch_workflow_states``, ``annotate_approved_schedule``), so a
listing costs no extra query per row."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.models.base import is_expired


class PageState(models.TextChoices):
    ENTWURF = "entwurf", _("Entwurf")
    IN_PRUEFUNG = "in_pruefung", _("In Prüfung")
    VEROEFFENTLICHT = "veroeffentlicht", _("Veröffentlicht")
    GEPLANT = "geplant", _("Geplant")
    ABGELAUFEN = "abgelaufen", _("Abgelaufen")
    ZURUECKGEZOGEN = "zurueckgezogen", _("Zurückgezogen")


STATE_DESCRIPTIONS: dict[PageState, str] = {
    PageState.ENTWURF: _("Noch nie veröffentlicht und nicht eingereicht."),
    PageState.IN_PRUEFUNG: _("Zur Freigabe eingereicht; wartet auf die Moderation."),
    PageState.VEROEFFENTLICHT: _("Öffentlich sichtbar."),
    PageState.GEPLANT: _("Freigegeben; wird zum Datum „Veröffentlichen ab“ öffentlich."),
    PageState.ABGELAUFEN: _("Das Ablaufdatum ist überschritten; nicht mehr öffentlich sichtbar."),
    PageState.ZURUECKGEZOGEN: _("War veröffentlicht und wurde zurückgezogen."),
}

# Wagtail status-tag modifier: states the public can see are highlighted.
STATE_CLASSNAMES: dict[PageState, str] = {
    PageState.VEROEFFENTLICHT: "w-status--primary",
    PageState.IN_PRUEFUNG: "w-status--label",
}


def page_state(page: Page) -> PageState:
    """The editor-facing state of ``page`` (see the table in the module docstring)."""
    if page.workflow_in_progress:
        return PageState.IN_PRUEFUNG
    if not page.live:
        if page.expired:
            return PageState.ABGELAUFEN
        if page.approved_schedule:
            return PageState.GEPLANT
        if page.first_published_at is not None or page.last_published_at is not None:
            return PageState.ZURUECKGEZOGEN
        return PageState.ENTWURF
    if is_expired(page):
        return PageState.ABGELAUFEN
    return PageState.VEROEFFENTLICHT
