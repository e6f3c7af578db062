"""The feedback form of the accessibility statement: a barrier report
(accessibility/views.py).

The page address names a page of this portal only: a path (``/de/regionen/``) or
a full URL of this site's host. It is prefilled from ``?adresse=`` (the footer's
link carries the path of the page it was on) or, failing that, from a Referer of
this site; foreign addresses are dropped silently there and refused with a form
error when sent. What is stored is the path alone (no query string: it may hold
what someone searched for)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django import forms
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from home.forms import AccessibleFormMixin
from security.forms import SpamGuardForm

from .models.reports import ADDRESS_MAX, DESCRIPTION_MAX, BarrierReport

STAMP_SALT = "accessibility.barrier-report"


def same_site_path(value: str | None, host: str) -> str | None:
    """The path of ``value`` if it is an address on this site (a path, or an http(s)
    URL of ``host``), else None."""
    value = (value or "").strip()
    if not value or len(value) > ADDRESS_MAX:
        return None
    # Control characters anywhere (Django's check below looks at the first one only);
    # "/\\host" and other browser-normalised tricks are Django's part.
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        return None
    if not url_has_allowed_host_and_scheme(value, allowed_hosts={host}):
        return None
    parts = urlsplit(value)
    if not parts.netloc and not value.startswith("/"):
        return None  # "regionen/" or "javascript:…": not an address we can follow
    return parts.path or "/"


class BarrierReportForm(AccessibleFormMixin, SpamGuardForm):
    stamp_salt = STAMP_SALT
    min_seconds_setting = "BARRIER_REPORT_MIN_SECONDS"

    description = forms.CharField(
        label=_("Welche Barriere ist Ihnen aufgefallen?"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Beschreiben Sie bitte, was nicht funktioniert hat und womit Sie die Seite "
            "genutzt haben (z. B. Bildschirmleser, nur Tastatur, Vergrößerung). "
            "Höchstens 2000 Zeichen."
        ),
    )
    page_address = forms.CharField(
        label=_("Adresse der Seite"),
        max_length=ADDRESS_MAX,
        required=False,
        help_text=_(
            "Die Seite dieses Portals, auf der Sie die Barriere bemerkt haben, "
            "z. B. /de/veranstaltungen/. Leer lassen, wenn es das ganze Portal betrifft."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "url"}),
    )
    name = forms.CharField(
        label=_("Ihr Name (freiwillig)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse (freiwillig)"),
        required=False,
        help_text=_("Nur wenn Sie eine Antwort und eine Eingangsbestätigung wünschen."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass meine Kontaktdaten zur Bearbeitung dieser "
            "Meldung gespeichert werden."
        ),
        required=False,
        help_text=_("Nötig, wenn Sie Name oder E-Mail-Adresse angeben."),
    )

    def __init__(self, *args, host: str, **kwargs):
        self.host = host
        super().__init__(*args, **kwargs)

    def clean_description(self) -> str:
        description = self.cleaned_data["description"].strip()
        if not description:
            raise forms.ValidationError(_("Bitte beschreiben Sie die Barriere."))
        return description

    def clean_page_address(self) -> str:
        value = self.cleaned_data["page_address"].strip()
        if not value:
            return ""
        path = same_site_path(value, self.host)
        if path is None:
            raise forms.ValidationError(
                _(
                    "Bitte geben Sie eine Adresse dieses Portals an, z. B. /de/veranstaltungen/, "
                    "oder lassen Sie das Feld leer. Barrieren auf anderen Websites melden Sie "
                    "bitte deren Betreibern."
                )
            )
        return path

    def clean(self):
        data = super().clean()
        has_contact = bool(data.get("email") or (data.get("name") or "").strip())
        if has_contact and not data.get("consent"):
            self.add_error(
                "consent",
                _(
                    "Bitte stimmen Sie der Speicherung Ihrer Kontaktdaten zu – oder lassen Sie "
                    "Name und E-Mail-Adresse leer."
                ),
            )
        return data

    def report(self, language: str) -> BarrierReport:
        """The unsaved report of a valid form."""
        data = self.cleaned_data
        has_contact = bool(data["email"] or data["name"].strip())
        return BarrierReport(
            language=language,
            page_address=data["page_address"],
            description=data["description"],
            name=data["name"].strip(),
            email=data["email"],
            consented_at=timezone.now() if has_contact else None,
        )
