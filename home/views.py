"""Small site-wide views: robots.txt, favicon, sitemap over all languages, error pages."""

import sys

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps.sitemap_generator import Sitemap

from ops.faults import database_unavailable, is_database_outage

from .base_url import absolute_url


class AllLocalesSitemap(Sitemap):
    """Wagtail's sitemap covers only the default site's tree; this one adds the
    tree of every language (live, unexpired and public pages only)."""

    def items(self):
        from wagtail.models import Page

        from home.models.base import live_now

        root = self.get_wagtail_site().root_page
        queryset = Page.objects.none()
        for home in root.get_translations(inclusive=True):
            queryset |= home.get_descendants(inclusive=True)
        return live_now(queryset).public().order_by("path").defer_streamfields().specific()


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/"]
    for language_code, _name in settings.LANGUAGES:  # /de/suche/, /en/search/
        with translation.override(language_code):
            lines.append(f"Disallow: {reverse('search')}")
    lines.append(f"Sitemap: {absolute_url('/sitemap.xml')}")  # the configured origin, not the Host
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever a page links; send them to the icon
    (resolved per request: the static manifest exists only after collectstatic)."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def server_error(request):
    """handler500. A database that is down or restarting is no bug of ours: 503 with
    Retry-After and a short "Wartung" page (ops/faults.py); anything else is 500."""
    if is_database_outage(sys.exc_info()[1]):
        return database_unavailable(request)
    # Rendered without context processors that might themselves fail.
    return render(request, "500.html", status=500)
