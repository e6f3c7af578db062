"""English URL segments for the project's own routes (/en/search/, /en/keyword/<slug>/).

German is the source language, so each route is written in German and this module
names its spelling in the other languages. ``localized_route("suche/")`` is a lazy
string that Django's URL patterns treat as a translated route: it is resolved and
reversed in the active language (the /<lang>/ prefix, set by LocaleMiddleware).
A mapping in code rather than the gettext catalogue: URLs are part of the public
contract, not interface text for translators.

The old German spellings under /en/ still answer, with a 301 to the English ones
(``redirect_to``, ``legacy_route_redirect``). Routable pages build links to
their sub-routes in their own locale's language (``LocalizedRoutesMixin``)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.functional import lazy

# German route → its spelling per other language. Routes not listed keep German.
ROUTE_TRANSLATIONS: dict[str, dict[str, str]] = {
    "en": {
        "suche/": "search/",
        "suche/vorschlaege/": "search/suggestions/",
        "anmelden/": "login/",
        "abmelden/": "logout/",
        "schlagwort/<str:slug>/": "keyword/<str:slug>/",
        "materialien/": "materials/",
        "einreichen/": "submit/",
        "einreichen/<str:token>/": "submit/<str:token>/",
        "danke/": "thank-you/",  # the barrier report (accessibility/)
    },
}


def route_in(route: str, language_code: str | None) -> str:
    """``route`` (German) as spelled in ``language_code``."""
    return ROUTE_TRANSLATIONS.get(language_code or "", {}).get(route, route)


def _route_in_active_language(route: str) -> str:
    return route_in(route, translation.get_language())


#: ``path(localized_route("suche/"), ...)``: the route in the active language.
localized_route = lazy(_route_in_active_language, str)


def with_query(url: str, request: HttpRequest) -> str:
    """``url`` with the request's query string (if any)."""
    query = request.GET.urlencode() if request.GET else ""
    return f"{url}?{query}" if query else url


def redirect_to(url_name: str):
    """A view for an old German spelling under another language: 301 to the URL
    named ``url_name`` in the active language, query string kept. Listed after the
    real route: in German both spell the same and the real one answers first."""

    def view(request: HttpRequest, **kwargs) -> HttpResponsePermanentRedirect:
        return HttpResponsePermanentRedirect(with_query(reverse(url_name, kwargs=kwargs), request))

    view.__name__ = f"redirect_to_{url_name}"
    return view


class LocalizedRoutesMixin:
    """For a RoutablePageMixin page whose ``@path`` routes use ``localized_route``:
    links to its sub-routes are spelled in the page's own language, whatever
    language is active, so the English home page's keyword route is
    keyword/<slug>/ even while a German page links it (language switch, hreflang).
    Resolving needs no such care: a request to /en/… has English active."""

    def reverse_subpage(self, name, args=None, kwargs=None):
        with translation.override(self.locale.language_code):
            return super().reverse_subpage(name, args=args, kwargs=kwargs)

    def legacy_route_redirect(
        self, request: HttpRequest, name: str, **kwargs
    ) -> HttpResponsePermanentRedirect:
        """301 from an old spelling of a sub-route to route ``name`` of this page."""
        url = self.get_url(request) + self.reverse_subpage(name, kwargs=kwargs)
        return HttpResponsePermanentRedirect(with_query(url, request))


__all__ = [
    "ROUTE_TRANSLATIONS",
    "LocalizedRoutesMixin",
    "localized_route",
    "redirect_to",
    "route_in",
    "with_query",
]
