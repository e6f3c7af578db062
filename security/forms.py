"""Spam defence for public forms without third-party services (no captcha, no
external check): ``SpamGuardForm`` gives a form

- a honeypot field ``website``: hidden from people and screen readers (the
  template includes security/includes/honeypot.html, an aria-hidden, visually
  hidden box, and the field has tabindex -1); bots fill in every field.
  ``is_bot()`` says whether it was filled in; the view answers such a request
  with the same neutral page as a success and does nothing;
- a signed time stamp ``stamp`` (hidden): the time the form was shown, signed
  with the form's own ``stamp_salt``. A form sent back faster than the setting
  named by ``min_seconds_setting``, or with a missing, altered or day-old stamp,
  is refused with a form error; the form shown again carries a fresh stamp.

Used by the Praxisdatenbank's start form (practice/forms.py) and the barrier
report (accessibility/forms.py); the rate limit per client address is the
view's part (security/ratelimit.py)."""

from __future__ import annotations

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

STAMP_MAX_AGE = 24 * 60 * 60
GUARD_FIELDS = ("website", "stamp")


def new_stamp(salt: str) -> str:
    """The signed time a form is shown."""
    return signing.dumps(time.time(), salt=salt)


class SpamGuardForm(forms.Form):
    """Base class of a public form with honeypot and signed minimum fill time."""

    #: The signing salt of this form's stamps (a stamp of one form is no good for another).
    stamp_salt: str = ""
    #: The name of the setting with the minimum fill time in seconds.
    min_seconds_setting: str = ""

    website = forms.CharField(
        label=_("Bitte leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    stamp = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The guards last: the error summary names the visible fields first.
        for name in GUARD_FIELDS:
            self.fields[name] = self.fields.pop(name)
        if not self.is_bound:
            self.initial["stamp"] = new_stamp(self.stamp_salt)

    def is_bot(self) -> bool:
        """The honeypot was filled in."""
        return bool(str(self.data.get("website", "")).strip())

    def clean_stamp(self) -> str:
        try:
            started = float(
                signing.loads(
                    self.cleaned_data.get("stamp") or "",
                    salt=self.stamp_salt,
                    max_age=STAMP_MAX_AGE,
                )
            )
        except signing.SignatureExpired as error:
            raise forms.ValidationError(
                _("Das Formular war zu lange geöffnet. Bitte senden Sie es noch einmal ab.")
            ) from error
        except (signing.BadSignature, TypeError, ValueError, OverflowError) as error:
            raise forms.ValidationError(
                _("Das Formular ist unvollständig angekommen. Bitte senden Sie es noch einmal ab.")
            ) from error
        if time.time() - started < getattr(settings, self.min_seconds_setting):
            raise forms.ValidationError(
                _("Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie erneut.")
            )
        return self.cleaned_data["stamp"]

    def _post_clean(self):
        super()._post_clean()
        # Whatever happened, the form shown again gets a fresh stamp.
        if "stamp" in self.errors:
            self.data = self.data.copy()
            self.data["stamp"] = new_stamp(self.stamp_salt)
