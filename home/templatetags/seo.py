"""Head metadata for the public templates: canonical URL, hreflang alternates and
schema.org JSON-LD."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

from ..base_url import absolute_url
from .navigation import (
    all_locales,
    context_page,
    live_translations,
    route_suffix,
    url_in_translation,
)

register = template.Library()

# Characters that could end the <script> element or start markup, escaped as JSON
# unicode escapes (as django.utils.html.json_script does), plus the JS line breaks.
_JSON_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    ord("\u2028"): "\\u2028",
    ord("\u2029"): "\\u2029",
}


def json_ld_script(data: dict[str, Any] | list[Any] | None) -> SafeString:
    """``<script type="application/ld+json">`` with ``data``, safe inside HTML."""
    if not data:
        return mark_safe("")  # noqa: S308 - empty string
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    payload = payload.translate(_JSON_SCRIPT_ESCAPES)
    # Safe: every character that could close the element or start markup is escaped.
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


@register.simple_tag(takes_context=True)
def json_ld(context: template.Context, page: Any = None) -> SafeString:
    """``{% json_ld page %}``: the page's ``get_json_ld(request)`` as a script element."""
    page = page if page is not None else context_page(context)
    get_json_ld = getattr(page, "get_json_ld", None)
    if get_json_ld is None:
        return mark_safe("")  # noqa: S308 - empty string
    return json_ld_script(get_json_ld(context.get("request")))


@register.simple_tag(takes_context=True)
def canonical_url(context: template.Context) -> str:
    """Absolute URL of what is shown, without query string: the page's full URL
    (plus a routable page's sub-route), else the request path; both under the
    configured origin (BASE_URL via the Site record), never the request's Host."""
    request = context.get("request")
    page = context_page(context)
    if page is not None:
        full_url = page.get_full_url(request)
        if full_url:
            return full_url + route_suffix(context)
    if request is not None:
        return absolute_url(request.path)
    return ""


@register.simple_tag(takes_context=True)
def alternate_links(context: template.Context) -> list[dict[str, str]]:
    """``hreflang`` alternates: every live translation of the page, itself included.

    Each item: ``language_code`` and absolute ``url``. Empty if the page exists in
    one language only."""
    request = context.get("request")
    translations = live_translations(context)
    if len(translations) < 2:
        return []
    locales = {locale.pk: locale for locale in all_locales(request)}
    links = []
    for locale_id, page in sorted(translations.items()):
        url = url_in_translation(context, page, full=True)
        if url and locale_id in locales:
            links.append({"language_code": locales[locale_id].language_code, "url": url})
    return links
