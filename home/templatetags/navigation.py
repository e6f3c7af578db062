"""Site-wide navigation for the public templates: the locale's home page, the
main menu, the language switcher, breadcrumbs, footer links and keyword URLs.

Everything that needs the database is cached on the request, so the base
template costs the same few queries however many components use it."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, prefetch_related_objects
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.urls import NoReverseMatch, translate_url
from django.utils.translation import get_language, get_language_info

from wagtail.models import Locale, Page, PageViewRestriction, Site

from home.models.base import live_now
from home.models.vocabularies import KeywordLabel
from home.routes import with_query

register = template.Library()

# Footer pages, in this order: StandardPages (and the accessibility statement, its
# own page type) with these slugs in the German tree, and their translations.
FOOTER_SLUGS = ("impressum", "datenschutz", "barrierefreiheit")
FOOTER_PAGE_MODELS = ("home.StandardPage", "accessibility.AccessibilityStatementPage")
# The statement's link carries the path of the page it is on (?adresse=…), which its
# feedback form prefills as the page with the barrier (accessibility/views.py).
STATEMENT_SLUG = "barrierefreiheit"
STATEMENT_ADDRESS_PARAM = "adresse"
# Pages linked from every page's header (BITV 2.0: explanations in Leichte Sprache
# and Deutsche Gebärdensprache), in this order, with the key of their pictogram
# (site/templates/components/access_links.html). German only: the English site
# links the German pages.
ACCESS_PAGE_TYPES = (
    ("accessibility.EasyReadPage", "leichte-sprache"),
    ("accessibility.SignLanguagePage", "gebaerdensprache"),
)
# ?nicht-uebersetzt=1: the language switch came here from a page with no translation.
UNTRANSLATED_PARAM = "nicht-uebersetzt"

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


def shown_subroute(context: template.Context) -> tuple[str, dict[str, Any]] | None:
    """``(route name, kwargs)`` of the sub-route a routable page shows (a keyword
    page: ``("schlagwort", {"slug": …})``), None for the page itself."""
    request = context.get("request")
    match = getattr(request, "routable_resolver_match", None)
    if match is None or not route_suffix(context):
        return None
    return match.url_name, match.kwargs


def url_in_translation(context: template.Context, translation: Page, *, full: bool = False) -> str:
    """The URL of ``translation`` (of the context page) showing what the context page
    shows: the same sub-route spelled in the translation's language
    (/de/schlagwort/x/ → /en/keyword/x/). "" if it has none."""
    request = context.get("request")
    url = translation.get_full_url(request) if full else translation.get_url(request)
    subroute = shown_subroute(context)
    if not url or subroute is None:
        return url or ""
    name, kwargs = subroute
    try:
        return url + translation.specific.reverse_subpage(name, kwargs=kwargs)
    except (AttributeError, NoReverseMatch):
        return ""


def translated_ancestors(context: template.Context) -> dict[int, Page]:
    """Per locale id, the live translation of the context page's nearest ancestor
    that has one (the home page at the latest), for pages with no translation."""
    request = context.get("request")
    page = context_page(context)
    if page is None:
        return {}

    def compute() -> dict[int, Page]:
        depth_of_key = {
            a.translation_key: a.depth for a in page.get_ancestors().filter(depth__gt=1)
        }
        candidates = live_now(
            Page.objects.filter(translation_key__in=depth_of_key).exclude(locale_id=page.locale_id)
        )
        nearest: dict[int, Page] = {}
        for candidate in candidates:
            best = nearest.get(candidate.locale_id)
            depth = depth_of_key[candidate.translation_key]
            if best is None or depth > depth_of_key[best.translation_key]:
                nearest[candidate.locale_id] = candidate
        return nearest

    return _cached(request, ("translated_ancestors", page.pk), compute)


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict[str, Any]]:
    """One link per other locale: the live translation of this page (and of its
    sub-route, e.g. /de/schlagwort/x/ → /en/keyword/x/), else the nearest ancestor
    that has one, with ``?nicht-uebersetzt=1`` so that page says why the reader
    landed there (``untranslated_notice``). A query parameter rather than a
    message in the session: the page cache keys pages by their full URL, and a
    session would make every page personal (uncacheable). The search keeps its
    query string.

    Each item: ``language_code``, ``name`` (in its own language), ``url`` and
    ``is_translation``."""
    request = context.get("request")
    current = current_locale(context)
    translations = live_translations(context)
    homes = locale_homes(request)
    page = context_page(context)
    links = []
    for locale in all_locales(request):
        if current is not None and locale.pk == current.pk:
            continue
        url = ""
        is_translation = False
        if locale.pk in translations:
            url = url_in_translation(context, translations[locale.pk])
            is_translation = bool(url)
        elif page is None and _is_django_view(request):
            # A Django view inside i18n_patterns (the search): same view, other language.
            translated = translate_url(request.path, locale.language_code)
            if translated != request.path:
                url, is_translation = with_query(translated, request), True
        if not url and page is not None and locale.pk in homes:
            # (A language whose home page is not live is not offered at all.)
            ancestor = translated_ancestors(context).get(locale.pk) or homes.get(locale.pk)
            if ancestor is not None and ancestor.get_url(request):
                url = f"{ancestor.get_url(request)}?{UNTRANSLATED_PARAM}=1"
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
def untranslated_notice(context: template.Context) -> bool:
    """True when the reader came through the language switch from a page that has
    no translation in this language (``?nicht-uebersetzt=1``)."""
    request = context.get("request")
    return request is not None and request.GET.get(UNTRANSLATED_PARAM) == "1"


@register.simple_tag(takes_context=True)
def footer_links(context: template.Context) -> list[Page]:
    """Impressum, Datenschutz and Barrierefreiheit of the current locale, if live.

    A German public site must link these from every page. They are found by their
    German slugs below the German home page; other locales link their live
    translations (slugs of their own: legal-notice, …). Where a locale has none,
    the German page is linked instead, with ``other_language`` set to "de" (the
    footer puts it into lang/hreflang); "" on the others. The accessibility
    statement is marked ``is_statement`` (its link gets ``statement_link``'s query)."""
    request = context.get("request")
    home = locale_home(context)
    if home is None:
        return []
    footer_pages = Page.objects.type(*(apps.get_model(name) for name in FOOTER_PAGE_MODELS))

    def pages_below(base: Page) -> dict[str, Page]:
        pages = live_now(footer_pages.descendant_of(base)).filter(slug__in=FOOTER_SLUGS)
        by_slug: dict[str, Page] = {}
        for page in pages.order_by("path"):
            page.other_language = ""
            by_slug.setdefault(page.slug, page)
        return by_slug

    def compute() -> list[Page]:
        default_locale = next(
            (lo for lo in all_locales(request) if lo.language_code == settings.LANGUAGE_CODE),
            None,
        )
        default_home = locale_homes(request).get(default_locale.pk) if default_locale else None
        if default_home is None or default_home.pk == home.pk:
            by_slug = pages_below(home)
        else:
            by_slug = pages_below(default_home)
            translated = {
                page.translation_key: page
                for page in live_now(
                    footer_pages.filter(
                        locale_id=home.locale_id,
                        translation_key__in=[p.translation_key for p in by_slug.values()],
                    )
                )
            }
            for slug, page in list(by_slug.items()):
                if page.translation_key in translated:
                    by_slug[slug] = translated[page.translation_key]
                    by_slug[slug].other_language = ""
                else:
                    page.other_language = default_locale.language_code
        links = []
        for slug in FOOTER_SLUGS:
            if slug in by_slug:
                # By the German slug: the statement's translations have slugs of their own.
                by_slug[slug].is_statement = slug == STATEMENT_SLUG
                links.append(by_slug[slug])
        return links

    return _cached(request, ("footer", home.pk), compute)


def german_locale(request: HttpRequest | None) -> Locale | None:
    """The locale of LANGUAGE_CODE (German), if it exists."""
    return next(
        (lo for lo in all_locales(request) if lo.language_code == settings.LANGUAGE_CODE), None
    )


def unrestricted() -> Exists:
    """Pages without a view restriction on themselves or an ancestor, as a condition
    inside the pages' own query (``PageQuerySet.public()`` costs a query of its own)."""
    restricting = PageViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(prefix=F("page__path"))
    return ~Exists(restricting)


@register.simple_tag(takes_context=True)
def access_links(context: template.Context) -> list[dict[str, Any]]:
    """The header links to the page in Leichte Sprache and the page in Deutsche
    Gebärdensprache: live, unexpired, public children of the German home page of
    the types in ACCESS_PAGE_TYPES, the first of each (one query per request).
    A type without such a page gets no link.

    Each item: ``kind`` (pictogram and label), ``url``, ``is_current`` and ``other_language``
    ("de" on pages in another language: the header marks the link hreflang="de" and
    its German name lang="de", and adds an explanation in the page's language)."""
    request = context.get("request")
    locale = german_locale(request)

    def compute() -> list[tuple[str, Page]]:
        home = locale_homes(request).get(locale.pk) if locale is not None else None
        if home is None:
            return []
        models = {apps.get_model(label): kind for label, kind in ACCESS_PAGE_TYPES}
        content_types = ContentType.objects.get_for_models(*models)
        kind_of = {content_types[model].pk: kind for model, kind in models.items()}
        pages = (
            live_now(Page.objects.child_of(home))
            .filter(content_type__in=list(kind_of))
            .filter(unrestricted())
            .order_by("path")
        )
        first: dict[str, Page] = {}
        for page in pages:
            first.setdefault(kind_of[page.content_type_id], page)
        return [(kind, first[kind]) for _label, kind in ACCESS_PAGE_TYPES if kind in first]

    found = _cached(request, "access_links", compute)
    current = current_locale(context)
    other = (
        locale.language_code
        if locale is not None and current is not None and current.pk != locale.pk
        else ""
    )
    shown = context_page(context)
    links = []
    for kind, page in found:
        url = page.get_url(request)
        if url:
            is_current = shown is not None and shown.pk == page.pk
            links.append(
                {"kind": kind, "url": url, "other_language": other, "is_current": is_current}
            )
    return links


@register.simple_tag(takes_context=True)
def statement_query(context: template.Context) -> str:
    """``?adresse=<path of this page>`` for the footer's link to the accessibility
    statement, so its feedback form names the page the reader came from. The path
    only (a query string may hold a search); the page cache keys pages by their
    path, so a cached page carries its own path."""
    request = context.get("request")
    if request is None:
        return ""
    return "?" + urlencode({STATEMENT_ADDRESS_PARAM: request.path})


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
    """The keyword page of the current locale (``/de/schlagwort/<slug>/``,
    ``/en/keyword/<slug>/``) for a keyword as that language shows it
    (``schlagwoerter``' KeywordLabel) or a slug."""
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
