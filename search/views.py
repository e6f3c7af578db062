"""Site search (/de/suche/). Only live, public pages of the active language."""

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
MAX_TERMS = 20
RESULTS_PER_PAGE = 10


# Words only: quotes, brackets and operators are query syntax for SQLite FTS5 and
# PostgreSQL tsquery and give errors there, so they never reach the database.
WORD = re.compile(r"\w+(?:-\w+)*")
OPERATOR_WORDS = {"AND", "OR", "NOT", "NEAR"}


def clean_query(raw: str) -> str:
    """Bound what reaches the database: plain words, at most MAX_TERMS of them."""
    words = WORD.findall(raw[: MAX_QUERY_LENGTH * 5])
    words = [w.lower() if w in OPERATOR_WORDS else w for w in words]
    return " ".join(words[:MAX_TERMS])[:MAX_QUERY_LENGTH]


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
