"""``{% page_state_tag page %}``: the editor-facing state (editorial/states.py) as a
Wagtail status tag, used by the page listing and the edit screen header."""

from __future__ import annotations

from typing import Any

from django import template

from wagtail.models import Page

from ..states import STATE_CLASSNAMES, STATE_DESCRIPTIONS, page_state

register = template.Library()


@register.inclusion_tag("editorial/state_tag.html")
def page_state_tag(page: Page | None, fresh: bool = False) -> dict[str, Any]:
    """``fresh``: read the page record again. The edit view's ``page`` is built from
    the latest revision, whose copy of fields like ``expired`` may be stale."""
    if page is None or page.pk is None or page.is_root():
        return {"state": None}
    if fresh:
        page = Page.objects.filter(pk=page.pk).first()
        if page is None:
            return {"state": None}
    state = page_state(page)
    return {
        "state": state,
        "description": STATE_DESCRIPTIONS[state],
        "classname": STATE_CLASSNAMES.get(state, ""),
    }
