"""The search request: query and facets from the URL, bounded and validated.

Nothing a visitor puts into the URL reaches the database unchecked: the query is
reduced to at most MAX_TERMS plain words (quotes, brackets and operators are
query syntax for SQLite FTS5 and PostgreSQL tsquery), facet values must exist,
and any invalid value gives an empty result page with a message, never an error."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from home.models import Bundesland, Schlagwort

from .facets import KIND_LABELS, MAX_YEAR, MIN_YEAR, Facets

MAX_QUERY_LENGTH = 200
MAX_TERMS = 20
MAX_PAGE = 10_000
WORD = re.compile(r"\w+(?:-\w+)*")
OPERATOR_WORDS = {"AND", "OR", "NOT", "NEAR"}
SLUG = re.compile(r"^[-a-z0-9_]{1,100}$")


def clean_query(raw: str) -> str:
    """Bound what reaches the database: plain words, at most MAX_TERMS of them."""
    words = WORD.findall(raw[: MAX_QUERY_LENGTH * 5])
    words = [w.lower() if w in OPERATOR_WORDS else w for w in words]
    return " ".join(words[:MAX_TERMS])[:MAX_QUERY_LENGTH].strip()


def page_number(raw: str | None) -> int:
    """``seite`` as a number from 1 to MAX_PAGE; anything else is page 1."""
    try:
        number = int((raw or "1").strip()[:8])
    except ValueError:
        return 1
    return min(max(number, 1), MAX_PAGE)


class QueryField(forms.Field):
    """A free-text query: never invalid, only reduced (see clean_query)."""

    def to_python(self, value):
        return clean_query(value if isinstance(value, str) else "")


class SearchForm(forms.Form):
    q = QueryField(required=False, label=_("Suchbegriff"))
    typ = forms.ChoiceField(
        required=False, choices=[("", _("alle"))] + list(KIND_LABELS.items()), label=_("Typ")
    )
    bundesland = forms.CharField(required=False, max_length=100, label=_("Bundesland"))
    schlagwort = forms.CharField(required=False, max_length=100, label=_("Schlagwort"))
    jahr = forms.IntegerField(
        required=False, min_value=MIN_YEAR, max_value=MAX_YEAR, label=_("Jahr")
    )

    error_messages = {
        "bundesland": _("Das Bundesland „%(value)s“ gibt es nicht."),
        "schlagwort": _("Das Schlagwort „%(value)s“ gibt es nicht."),
    }

    def _clean_slug(self, name: str, values) -> str:
        value = (self.cleaned_data.get(name) or "").strip()
        if not value:
            return ""
        if not SLUG.match(value) or not values.filter(slug=value).exists():
            raise forms.ValidationError(
                self.error_messages[name], params={"value": value[:40]}, code="invalid"
            )
        return value

    def clean_bundesland(self) -> str:
        return self._clean_slug("bundesland", Bundesland.objects)

    def clean_schlagwort(self) -> str:
        return self._clean_slug("schlagwort", Schlagwort.objects.public())

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else self._query_anyway()

    def _query_anyway(self) -> str:
        value = self.data.get("q", "")
        return clean_query(value if isinstance(value, str) else "")

    def facets(self) -> Facets:
        """The active facets (only call when the form is valid)."""
        data = self.cleaned_data
        return Facets(
            typ=data.get("typ") or "",
            bundesland=data.get("bundesland") or "",
            schlagwort=data.get("schlagwort") or "",
            jahr=data.get("jahr"),
        )
