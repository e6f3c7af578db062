"""The translation editor's footer (editorial/translations.py), for the template that
extends wagtail-localize's editor."""

from __future__ import annotations

from typing import Any

from django import template

from ..translations import editor_footer

register = template.Library()


@register.inclusion_tag("editorial/translation_footer.html", takes_context=True)
def translation_footer(context: template.Context) -> dict[str, Any]:
    """Context: request, instance (the translated page), translation."""
    footer = editor_footer(context["request"].user, context["instance"], context["translation"])
    return {"footer": footer, "request": context["request"], "csrf_token": context["csrf_token"]}
