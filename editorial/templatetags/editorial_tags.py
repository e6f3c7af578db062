"""``{% page_state_tag page %}``: the editor-facing state (editorial/states.py) as a
Wagtail status tag, used by the page listing and the edit screen header."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from wagtail.models import Page

from ..states import STATE_CLASSNAMES, STATE_DESCRIPTIONS, PageState, page_state

register = template.Library()


@register.inclusion_tag("editorial/state_tag.html", takes_context=True)
def page_state_tag(
    context: dict[str, Any], page: Page | None, fresh: bool = False, link: bool = False
) -> dict[str, Any]:
    """``fresh``: read the page record again. The edit view's ``page`` is built from
    the latest revision, whose copy of fields like ``expired`` may be stale.
    ``link``: link the tag to the public page when the page is live."""
    if page is None or page.pk is None or page.is_root():
        return {"state": None}
    if fresh:
        page = Page.objects.filter(pk=page.pk).first()
        if page is None:
            return {"state": None}
    state = page_state(page)
    description = str(STATE_DESCRIPTIONS[state])
    if state == PageState.VEROEFFENTLICHT and page.has_unpublished_changes:
        description += " " + str(_("Eine neuere Fassung ist noch nicht veröffentlicht."))
    url = ""
    if link and state == PageState.VEROEFFENTLICHT:
        url = page.get_url(request=context.get("request")) or ""
    return {
        "state": state,
        "description": description,
        "classname": STATE_CLASSNAMES.get(state, ""),
        "url": url,
    }
