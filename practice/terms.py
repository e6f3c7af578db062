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


def regions_shown(examples: list, locale) -> dict:
    """region id → the region page to link as the examples' Kommune: its live public
    translation in ``locale``, else the live public page linked (German), else None
    (an unpublished or restricted region is named but not linked); one query."""
    from home.models.base import live_now
    from regions.models import RegionPage

    linked = {page.region_id: page.region for page in examples if page.region_id and page.region}
    if not linked:
        return {}
    keys = {region.translation_key for region in linked.values()}
    found: dict = {}
    for region in live_now(RegionPage.objects.filter(translation_key__in=keys)).public():
        found[(region.translation_key, region.locale_id)] = region
    return {
        region_id: found.get((region.translation_key, locale.pk))
        or found.get((region.translation_key, region.locale_id))
        for region_id, region in linked.items()
    }
