"""Site search (/de/suche/). Only live, public pages of the active language."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
MAX_TERMS = 20
RESULTS_PER_PAGE = 10


def clean_query(raw: str) -> str:
    """Bound what reaches the database: no control characters, few terms."""
    text = "".join(ch for ch in raw[: MAX_QUERY_LENGTH * 5] if ch.isprintable())
    return " ".join(text.split()[:MAX_TERMS])[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first()
        pages = Page.objects.live().public().filter(locale=locale).specific()
        paginator = Paginator(pages.search(query), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("seite"))
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": results}
    )
