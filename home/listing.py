"""Bounded public listings: one paginator over several ordered sections.

The calendar (upcoming, then past events) and the keyword page (regions, events,
news) show their sections one after another as a single list with one page
parameter (``seite``). Each page costs a COUNT per section and one SELECT (plus
its prefetches) per section it touches, however many items there are."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_PARAMETER = "seite"


def slug_filter(
    label: str, empty_label: str, field_class: type = forms.ModelChoiceField
) -> forms.ModelChoiceField:
    """A list filter that picks one vocabulary entry or page by its slug in the URL
    (``?bundesland=thueringen``); the form sets the queryset of its language. An
    unknown slug makes the form invalid (the list says which filter it was)."""
    return field_class(
        queryset=None, to_field_name="slug", required=False, label=label, empty_label=empty_label
    )


def get_page(request: HttpRequest, object_list: Any, per_page: int) -> Page:
    """The requested page of ``object_list``. A page number that is no number gives
    the first page, one out of range the last page (never an error; Django's
    ``Paginator.get_page``)."""
    return Paginator(object_list, per_page).get_page(request.GET.get(PAGE_PARAMETER))


@dataclass
class Section:
    key: str
    queryset: QuerySet
    label: str = ""
    _count: int | None = field(default=None, repr=False)

    @property
    def count(self) -> int:
        if self._count is None:
            self._count = self.queryset.count()
        return self._count


class Sections:
    """Ordered querysets shown one after another, sliceable like one list.

    Slicing returns ``(section, item)`` pairs and queries only the sections that
    the slice reaches, each with LIMIT/OFFSET."""

    def __init__(self, sections: Sequence[Section]):
        self.sections = list(sections)

    def count(self) -> int:
        return sum(section.count for section in self.sections)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[tuple[Section, Any]]:
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("Sections support plain slices only")
        start = index.start or 0
        stop = self.count() if index.stop is None else index.stop
        items: list[tuple[Section, Any]] = []
        offset = 0
        for section in self.sections:
            low, high = max(start - offset, 0), min(stop - offset, section.count)
            if low < high:
                items.extend((section, item) for item in section.queryset[low:high])
            offset += section.count
        return items


def page_groups(page: Page) -> list[dict[str, Any]]:
    """The items of one page of :class:`Sections`, grouped by section in order:
    ``[{"key", "label", "count", "items"}]`` (``count``: the section's total)."""
    groups: list[dict[str, Any]] = []
    for section, item in page.object_list:
        if not groups or groups[-1]["key"] != section.key:
            groups.append(
                {"key": section.key, "label": section.label, "count": section.count, "items": []}
            )
        groups[-1]["items"].append(item)
    return groups
