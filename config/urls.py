from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from events.views import calendar_feed
from home.routes import localized_route, redirect_to
from home.views import AllLocalesSitemap, favicon, robots_txt
from ops.health import healthz
from practice.export import serve_export
from search import views as search_views
from security.views import RateLimitedPasswordResetView

urlpatterns = [
    path("", RedirectView.as_view(url="/de/", permanent=False)),
    # Wagtail's password reset with a limit per address and e-mail (security/ratelimit.py);
    # before the admin's URLs, which would otherwise answer the same path.
    path("admin/password_reset/", RateLimitedPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLocalesSitemap}}),
    path("robots.txt", robots_txt),
    path("favicon.ico", favicon),
    path("healthz", healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    from accessibility.media import serve_media

    urlpatterns += staticfiles_urlpatterns()
    # Media with byte ranges, so that videos play and seek (accessibility/media.py).
    urlpatterns += static(settings.MEDIA_URL, serve_media, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # Route segments in the language of the prefix (/de/suche/, /en/search/): home/routes.py.
    path(localized_route("suche/"), search_views.search, name="search"),
    path(
        localized_route("suche/vorschlaege/"),
        search_views.suggestions,
        name="search_suggestions",
    ),
    path(localized_route("anmelden/"), auth_views.LoginView.as_view(), name="login"),
    path(localized_route("abmelden/"), auth_views.LogoutView.as_view(), name="logout"),
    # The German spellings under /en/: 301 to the English ones (in German the routes
    # above answer first).
    path("suche/", redirect_to("search")),
    path("suche/vorschlaege/", redirect_to("search_suggestions")),
    path("anmelden/", redirect_to("login")),
    path("abmelden/", redirect_to("logout")),
    re_path(r"^(?P<path>(?:[\w\-]+/)*)feed\.ics$", calendar_feed, name="calendar_feed"),
    re_path(
        r"^(?P<path>(?:[\w\-]+/)*)export\.(?P<extension>csv|json)$",
        serve_export,
        name="practice_export",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "home.views.server_error"
