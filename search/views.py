"""Site search (/de/suche/) and its title suggestions (/de/suche/vorschlaege/).

Only live, public pages of the active language and public materials are found
(see search.query); any input gets a page, never an error."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page

from home.models import Bundesland, Schlagwort

from .facets import DIMENSIONS, KIND_LABELS, Facets, kind_for_object, without_proposed_keywords
from .forms import SearchForm, clean_query, page_number
from .query import SearchParams, get_engine, load_hits
from .spelling import FEW_HITS, suggestion

__all__ = ["clean_query", "search", "suggestions"]

SUGGESTION_QUERY_MIN = 2


def active_locale() -> Locale | None:
    return Locale.objects.filter(language_code=get_language()).first()


class _Window:
    """A sequence of ``total`` items of which only one page is known; lets Django's
    Paginator (and the pagination component) work with an engine's page of hits."""

    def __init__(self, total: int, items: list):
        self.total, self.items = total, items

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, key: slice) -> list:
        return self.items  # Paginator asks for exactly the page the engine returned


def search_url(query: str, facets: dict) -> str:
    """The shareable address of a search: cleaned query and facets only."""
    params = {"q": query} if query else {}
    params.update({k: v for k, v in facets.items() if v not in ("", None)})
    return reverse("search") + ("?" + urlencode(params) if params else "")


def _labels(counts: dict, facets: Facets, locale: Locale) -> dict[str, dict]:
    slugs = set(counts.get("schlagwort", {})) | {facets.schlagwort}
    bundesland_names = dict(Bundesland.objects.filter(locale=locale).values_list("slug", "name"))
    return {
        "typ": {key: str(label) for key, label in KIND_LABELS.items()},
        "bundesland": bundesland_names,
        "schlagwort": {  # the German slug stays the value; the name is this language's
            keyword.slug: keyword.localized(locale.language_code if locale else None).name
            for keyword in Schlagwort.objects.filter(slug__in=slugs).prefetch_related(
                "translations"
            )
        },
        "jahr": {},
    }


def facet_groups(counts: dict, query: str, facets: Facets, locale: Locale):
    """The facet lists (each value with its count and link) and the active filters."""
    active = facets.active()
    labels = _labels(counts, facets, locale)
    groups, active_list = [], []
    for dimension in DIMENSIONS:
        title = SearchForm.base_fields[dimension].label
        values = dict(counts.get(dimension, {}))
        current = active.get(dimension)
        if current is not None and current not in values:
            values[current] = 0
        if dimension == "jahr":
            ordered = sorted(values.items(), key=lambda item: -int(item[0]))
        else:
            ordered = sorted(values.items(), key=lambda item: (-item[1], str(item[0])))
        without = {k: v for k, v in active.items() if k != dimension}
        options = []
        for value, count in ordered:
            is_active = value == current
            options.append(
                {
                    "value": str(value),
                    "label": labels[dimension].get(value, str(value)),
                    "count": count,
                    "active": is_active,
                    "url": search_url(
                        query, without if is_active else {**without, dimension: value}
                    ),
                }
            )
            if is_active:
                active_list.append(
                    {
                        "name": dimension,
                        "value": str(value),
                        "title": title,
                        "label": options[-1]["label"],
                        "remove_url": search_url(query, without),
                    }
                )
        if options:
            groups.append({"name": dimension, "title": title, "options": options})
    return groups, active_list


@require_GET
def search(request):
    form = SearchForm(request.GET)
    query = form.query
    locale = active_locale()
    context: dict = {
        "form": form,
        "search_query": query,
        "search_results": None,
        "hits": [],
        "facet_groups": [],
        "facet_errors": [],
        "active_facets": [],
        "reset_url": search_url(query, {}),
        "unfiltered_url": search_url(query, {}),
    }
    if not form.is_valid():
        context["facet_errors"] = [e for errors in form.errors.values() for e in errors]
    elif query and locale is not None:
        facets = form.facets()
        params = SearchParams(
            query=query, locale=locale, facets=facets, page=page_number(request.GET.get("seite"))
        )
        engine = get_engine()
        result = engine.search(params)
        hits = load_hits(result.keys, query, locale, request=request)
        paginator = Paginator(_Window(result.total, hits), params.per_page)
        counts = without_proposed_keywords(result.facet_counts)
        groups, active_list = facet_groups(counts, query, facets, locale)
        context.update(
            search_results=paginator.page(result.page),
            hits=hits,
            facet_groups=groups,
            active_facets=active_list,
            search_engine=result.engine,
        )
        if result.total <= FEW_HITS:
            corrected = suggestion(query, locale, engine)
            if corrected:
                context["spelling_link"] = format_html(
                    '<a href="{}">{}</a>', search_url(corrected, facets.active()), corrected
                )
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def suggestions(request):
    """Title suggestions as JSON: ``{"query": …, "suggestions": [{title, url, type}]}``."""
    query = clean_query(request.GET.get("q", ""))
    locale = active_locale()
    items = []
    if len(query) >= SUGGESTION_QUERY_MIN and locale is not None:
        for obj in get_engine().suggest(query, locale):
            if isinstance(obj, Page):
                specific = obj.specific
                url = specific.get_url(request=request)
            else:
                specific, url = obj, obj.url
            items.append(
                {
                    "title": obj.title,
                    "url": url,
                    "type": str(KIND_LABELS[kind_for_object(specific)]),
                }
            )
    response = JsonResponse({"query": query, "suggestions": items})
    response["Cache-Control"] = "public, max-age=60"
    return response
