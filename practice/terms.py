"""The Praxisdatenbank's vocabularies in the language shown.

Pages store the German rows of Bundesland, Handlungsfeld, Lebensphase and
Zielgruppe (wagtail-localize copies them as they are); a :class:`Localizer` reads
each vocabulary of one language once and names any row in that language by its
``translation_key`` (a fixed number of queries however many pages)."""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.models import Locale

from home.models import Bundesland, Handlungsfeld, Lebensphase, Zielgruppe


class Localizer:
    def __init__(self, locale: Locale):
        self.locale = locale
        self._rows: dict[type, dict] = {}

    def _local(self, model: type) -> dict:
        if model not in self._rows:
            self._rows[model] = {
                row.translation_key: row for row in model.objects.filter(locale=self.locale)
            }
        return self._rows[model]

    def row(self, row):
        """``row`` in the language shown (itself where there is no translation)."""
        if row is None or row.locale_id == self.locale.pk:
            return row
        return self._local(type(row)).get(row.translation_key, row)

    def bundesland(self, bundesland: Bundesland | None) -> Bundesland | None:
        return self.row(bundesland)

    def terms(self, rows: Iterable) -> list:
        """The terms in the language shown, alphabetical."""
        return sorted((self.row(row) for row in rows), key=lambda term: term.name.lower())


VOCABULARIES = {
    "handlungsfelder": Handlungsfeld,
    "lebensphasen": Lebensphase,
    "zielgruppen": Zielgruppe,
}
