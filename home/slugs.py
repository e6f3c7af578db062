"""Slugs of new pages without umlauts: German transliteration (ä → ae, ö → oe,
ü → ue, ß → ss, capitals too) before slugifying, so "Rückblick" becomes
"rueckblick", not "rückblick" nor Wagtail's "ruckblick" (its own maps know no
German, and WAGTAIL_ALLOW_UNICODE_SLUGS is off).

Used on both sides: the base page model when Wagtail derives a missing slug
from the title (home/models/base.py), and the admin's slug field, whose script
(Wagtail's w-slug controller) runs :data:`GERMAN_FORMATTERS` before its own
urlify (home/apps.py registers :class:`GermanSlugInput` for every SlugField)."""

from __future__ import annotations

from django.utils.text import slugify

from wagtail.admin.widgets import SlugInput

GERMAN = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS"}
_TABLE = str.maketrans(GERMAN)

# (pattern, replacement) pairs as SlugInput passes them to the script (flags "gu").
GERMAN_FORMATTERS = list(GERMAN.items())


def transliterate(text: str) -> str:
    """``text`` with the German umlauts and ß spelled out ("Größe" → "Groesse")."""
    return text.translate(_TABLE)


def german_slugify(text: str) -> str:
    """A slug of ASCII letters, digits and hyphens: "Rückblick Fachtag" → "rueckblick-fachtag"."""
    return slugify(transliterate(text or ""), allow_unicode=False)


class GermanSlugInput(SlugInput):
    """Wagtail's slug input with the German transliteration in front."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs, formatters=formatters or GERMAN_FORMATTERS, locale=locale)
