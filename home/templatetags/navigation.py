"""Site-wide navigation for the public templates: the locale's home page, the
main menu, the language switcher, breadcrumbs, footer links and keyword URLs.

Everything that needs the database is cached on the request, so the base
template costs the same few queries however many components use it."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from wagtail.models import Locale, Page, Site

from home.models.base import live_now
from home.models.vocabularies import KeywordLabel

register = template.Library()

# Footer pages, in this order: StandardPages with these slugs in the current locale.
FOOTER_SLUGS = ("impressum", "datenschutz", "barrierefreiheit")

_CACHE_ATTR = "_gesunde_kommune_templatetags"


def request_cache(request: HttpRequest | None) -> dict[Any, Any]:
    """A dict that lives as long as the request (a fresh one without a request)."""
    if request is None:
        return {}
    cache = getattr(request, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(request, _CACHE_ATTR, cache)
    return cache


def _cached(request: HttpRequest | None, key: Any, compute):
    cache = request_cache(request)
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def context_page(context: template.Context) -> Page | None:
    page = context.get("page")
    return page if isinstance(page, Page) else None


def all_locales(request: HttpRequest | None) -> list[Locale]:
    return _cached(request, "locales", lambda: list(Locale.objects.order_by("pk")))


def current_locale(context: template.Context) -> Locale | None:
    """The locale of the page being shown, else the one of the active language."""
    request = context.get("request")
    page = context_page(context)
    locales = {locale.pk: locale for locale in all_locales(request)}
    if page is not None and page.locale_id in locales:
        return locales[page.locale_id]
    return _cached(request, "active_locale", Locale.get_active)


def locale_homes(request: HttpRequest | None) -> dict[int, Page]:
    """The live HomePage of each locale, keyed by locale id (one query).

    With several sites, the home pages in the translation group of the current
    site's root page win."""

    def compute() -> dict[int, Page]:
        from home.models import HomePage

        homes = list(live_now(HomePage.objects.all()).order_by("path"))
        site = Site.find_for_request(request) if request is not None else None
        root_keys = {h.translation_key for h in homes if site and h.pk == site.root_page_id}
        if root_keys:
            homes = [h for h in homes if h.translation_key in root_keys]
        result: dict[int, Page] = {}
        for home in homes:
            result.setdefault(home.locale_id, home)
        return result

    return _cached(request, "locale_homes", compute)


@register.simple_tag(takes_context=True)
def locale_home(context: template.Context) -> Page | None:
    """The HomePage of the current locale: ``{% locale_home as home %}``."""
    locale = current_locale(context)
    if locale is None:
        return None
    return locale_homes(context.get("request")).get(locale.pk)


def _path_of(url: str | None) -> str:
    """The path part of a page URL (page URLs may be absolute with several sites)."""
    if not url:
        return ""
    if "://" in url:
        url = "/" + url.split("://", 1)[1].partition("/")[2]
    return url


def route_suffix(context: template.Context) -> str:
    """What a routable page's sub-route adds to its URL (``schlagwort/x/``), else ""."""
    request = context.get("request")
    page = context_page(context)
    if request is None or page is None:
        return ""
    page_path = _path_of(page.get_url(request))
    if page_path and request.path != page_path and request.path.startswith(page_path):
        return request.path[len(page_path) :]
    return ""


def live_translations(context: template.Context) -> dict[int, Page]:
    """Live translations of the context page (itself included), keyed by locale id."""
    request = context.get("request")
    page = context_page(context)
    if page is None:
        return {}

    def compute() -> dict[int, Page]:
        pages = live_now(page.get_translations(inclusive=True))
        return {p.locale_id: p for p in pages}

    return _cached(request, ("translations", page.pk), compute)


@register.simple_tag(takes_context=True)
def main_menu(context: template.Context) -> list[dict[str, Any]]:
    """Live, public, in-menu children of the locale's home page.

    Each item: ``page``, ``url``, ``is_current`` (this page) and ``is_active``
    (the current page lies below it)."""
    request = context.get("request")
    home = locale_home(context)
    if home is None:
        return []
    children = _cached(
        request,
        ("menu", home.pk),
        lambda: list(live_now(home.get_children()).public().in_menu()),
    )
    current = context_page(context)
    items = []
    for child in children:
        is_current = current is not None and current.pk == child.pk
        is_active = current is not None and current.path.startswith(child.path)
        items.append(
            {
                "page": child,
                "url": child.get_url(request),
                "is_current": is_current and not route_suffix(context),
                "is_active": is_active,
            }
        )
    return items


def _is_django_view(request: HttpRequest | None) -> bool:
    """True for a resolved view other than Wagtail's page serving (e.g. the search)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name not in (None, "wagtail_serve")


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict[str, Any]]:
    """One link per other locale: the live translation of this page (and of its
    sub-route, e.g. a keyword page) if there is one, else that locale's home page.

    Each item: ``language_code``, ``name`` (in its own language), ``url`` and
    ``is_translation``."""
    request = context.get("request")
    current = current_locale(context)
    translations = live_translations(context)
    homes = locale_homes(request)
    suffix = route_suffix(context)
    page = context_page(context)
    links = []
    for locale in all_locales(request):
        if current is not None and locale.pk == current.pk:
            continue
        url = None
        is_translation = False
        if locale.pk in translations:
            url = translations[locale.pk].get_url(request)
            if url:
                url += suffix
                is_translation = True
        elif page is None and _is_django_view(request):
            # A Django view inside i18n_patterns (the search): same view, other language.
            translated = translate_url(request.path, locale.language_code)
            if translated != request.path:
                query = request.GET.urlencode()
                url, is_translation = translated + (f"?{query}" if query else ""), True
        if not url and locale.pk in homes:
            url = homes[locale.pk].get_url(request)
        if not url:
            continue
        try:
            name = get_language_info(locale.language_code)["name_local"]
        except KeyError:
            name = locale.language_code
        links.append(
            {
                "language_code": locale.language_code,
                "name": name,
                "url": url,
                "is_translation": is_translation,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def footer_links(context: template.Context) -> list[Page]:
    """Impressum, Datenschutz and Barrierefreiheit of the current locale, if live.

    A German public site must link these from every page. Where the current locale
    has no live translation of one (the English demo has none), the page of the
    default language is linked instead, with ``other_language`` set to that
    language's code (the footer puts it into lang/hreflang); "" on the others."""
    from home.models import StandardPage

    request = context.get("request")
    home = locale_home(context)
    if home is None:
        return []

    def pages_below(base: Page) -> dict[str, Page]:
        pages = live_now(StandardPage.objects.descendant_of(base)).filter(slug__in=FOOTER_SLUGS)
        by_slug: dict[str, Page] = {}
        for page in pages.order_by("path"):
            by_slug.setdefault(page.slug, page)
        return by_slug

    def compute() -> list[Page]:
        by_slug = pages_below(home)
        for page in by_slug.values():
            page.other_language = ""
        if len(by_slug) < len(FOOTER_SLUGS):
            default_locale = next(
                (lo for lo in all_locales(request) if lo.language_code == settings.LANGUAGE_CODE),
                None,
            )
            default_home = locale_homes(request).get(default_locale.pk) if default_locale else None
            if default_home is not None and default_home.pk != home.pk:
                for slug, page in pages_below(default_home).items():
                    if slug not in by_slug:
                        page.other_language = default_locale.language_code
                        by_slug[slug] = page
        return [by_slug[slug] for slug in FOOTER_SLUGS if slug in by_slug]

    return _cached(request, ("footer", home.pk), compute)


@register.simple_tag(takes_context=True)
def breadcrumb_ancestors(context: template.Context) -> list[Page]:
    """Live ancestors of the context page below the locale's home page."""
    page = context_page(context)
    if page is None:
        return []
    home = locale_home(context)
    depth = home.depth if home is not None else 2
    return list(live_now(page.get_ancestors().filter(depth__gt=depth)))


@register.simple_tag(takes_context=True)
def schlagwort_url(context: template.Context, tag: Any) -> str:
    """``/<lang>/schlagwort/<slug>/`` of the current locale for a keyword as that
    language shows it (``schlagwoerter``' KeywordLabel) or a slug."""
    home = locale_home(context)
    slug = getattr(tag, "slug", tag)
    if home is None or not slug:
        return ""
    base = home.get_url(context.get("request")) or "/"
    if not base.endswith("/"):
        base += "/"
    return base + home.reverse_subpage("schlagwort", kwargs={"slug": slug})


@register.filter
def elided_page_range(page_obj: Any) -> list[Any]:
    """Page numbers around the current one, with "…" gaps: 1 … 4 5 6 … 20."""
    paginator = page_obj.paginator
    return list(paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))


@register.filter
def schlagwoerter(page: Any) -> list[KeywordLabel]:
    """The approved Schlagwörter of a tagged page in the active language (name and
    slug, German where untranslated), from its (prefetched) ``tagged_items``
    (proposed ones are not public, see home/moderation.py)."""
    items = getattr(page, "tagged_items", None)
    if items is None:
        return []
    items = list(items.all())
    language = get_language()
    if language and language.split("-")[0] != settings.LANGUAGE_CODE:
        # One query for the page's keywords, none where a listing prefetched them.
        prefetch_related_objects(items, "tag__translations")
    tags = (item.tag.localized(language) for item in items if item.tag.approved)
    return sorted(tags, key=lambda tag: tag.name.lower())


@register.simple_tag(takes_context=True)
def query_string_without(context: template.Context, *names: str) -> str:
    """The current query string without ``names`` ("?a=1" or ""), e.g. the calendar
    filters without the page number for the iCalendar feed link."""
    request = context.get("request")
    if request is None:
        return ""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""
