"""The one public origin of the site (``settings.BASE_URL``, README "Konfiguration").

Wagtail builds every full page URL (sitemap, RSS, canonical and hreflang links,
iCalendar, JSON-LD) from the default Site record's hostname and port. This module
writes the configured origin into that record after every ``migrate``, so those
URLs never depend on the Host header of a request (or on what someone once typed
into the Sites admin). Views that are no page (robots.txt, the canonical link of
the search) use :func:`absolute_url`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


def site_address(base_url: str | None = None) -> tuple[str, int]:
    """``(hostname, port)`` of the Site record for ``base_url`` (default: BASE_URL).

    Wagtail's ``Site.root_url`` is https exactly when the port is 443, and http
    otherwise, so https is stored as port 443."""
    parts = urlsplit(base_url or settings.BASE_URL)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


def absolute_url(path: str) -> str:
    """``path`` (starting with /) under the configured origin."""
    return settings.BASE_URL.rstrip("/") + path


def apply_base_url(site_model, using: str = "default") -> bool:
    """Give the default Site the configured hostname and port; True if it changed."""
    site = site_model.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return False
    hostname, port = site_address()
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(using=using, update_fields=["hostname", "port"])
    return True


def apply_base_url_after_migrate(sender, apps=None, using: str = "default", **kwargs) -> None:
    """post_migrate receiver: uses the migrated state's Site model (skips a partial
    migrate that has not created wagtailcore's tables yet)."""
    try:
        site_model = apps.get_model("wagtailcore", "Site") if apps else None
    except LookupError:
        return
    if site_model is not None:
        apply_base_url(site_model, using)
        # The real model's caches (Site.get_site_root_paths) must not keep the old host.
        from wagtail.models import Site

        Site.clear_site_root_paths_cache()


@checks.register(checks.Tags.compatibility)
def check_base_url(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """BASE_URL must be an origin Wagtail's Site can represent."""
    value = getattr(settings, "BASE_URL", "")
    parts = urlsplit(value)
    problems = []
    if parts.scheme not in ("http", "https") or not parts.hostname:
        problems.append("BASE_URL muss mit http:// oder https:// und einem Hostnamen beginnen.")
    elif parts.path not in ("", "/") or parts.query or parts.fragment:
        problems.append("BASE_URL darf nur Schema, Host und Port enthalten (kein Pfad).")
    elif parts.scheme == "https" and parts.port not in (None, 443):
        problems.append("BASE_URL mit https braucht Port 443 (Wagtails Site kennt sonst nur http).")
    elif parts.scheme == "http" and parts.port == 443:
        problems.append("BASE_URL mit Port 443 muss https verwenden.")
    return [
        checks.Error(message, hint=f"BASE_URL={value!r}", id="home.E001") for message in problems
    ]
