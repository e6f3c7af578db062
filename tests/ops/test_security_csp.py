"""Content-Security-Policy and Permissions-Policy (security/csp.py, config/settings):
every inline script on the public pages, the admin's dashboard, page editor and
translation editor and both login pages carries the nonce that the header names;
no 'unsafe-inline' for scripts; public pages use no nonce (cacheable)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from django.test import Client
from django.urls import reverse

from events.models import EventPage
from tests.editorial.site import build_editorial_site, synced_translation
from tests.factories import EventPageFactory, MaterialFactory, publish

JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


def policy(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    assert header, "no Content-Security-Policy header"
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def inline_scripts(response) -> list:
    """The <script> elements without src that a browser would run as JavaScript,
    including those inside <template> (InlinePanel's empty child form)."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [
        script
        for script in soup.find_all("script")
        if not script.get("src") and (script.get("type") or "").lower() in JS_TYPES
    ]


def assert_scripts_carry_the_nonce(response) -> int:
    """Every inline script carries the header's nonce; returns how many there are."""
    assert response.status_code == 200, response.status_code
    script_src = policy(response)["script-src"]
    assert "'unsafe-inline'" not in script_src
    assert "'self'" in script_src
    nonces = [value[len("'nonce-") : -1] for value in script_src if value.startswith("'nonce-")]
    scripts = inline_scripts(response)
    for script in scripts:
        assert nonces, f"inline script but no nonce in the header: {str(script)[:200]}"
        assert script.get("nonce") == nonces[0], f"script without the nonce: {str(script)[:200]}"
    return len(scripts)


@pytest.fixture
def site(db):
    return build_editorial_site()


@pytest.fixture
def event(site) -> EventPage:
    page = EventPageFactory(parent=site.tree.events, title="Regionalwerkstatt Gera")
    return publish(page)


def admin(site) -> Client:
    return site.client_for("administration")


def test_policy_directives(site):
    response = Client().get("/de/")
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]  # no nonce: the page has no inline script
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["img-src"][:2] == ["'self'", "data:"]
    assert "'unsafe-inline'" not in directives["default-src"]


def test_public_pages_have_no_inline_script_and_no_nonce(site, event):
    for url in ("/de/", event.url, "/de/veranstaltungen/", "/de/suche/?q=Gera"):
        response = Client().get(url)
        assert assert_scripts_carry_the_nonce(response) == 0, url
        assert "'nonce-" not in response.headers["Content-Security-Policy"], url


def test_login_pages(site):
    for url in ("/admin/login/", reverse("login"), "/admin/password_reset/"):
        response = Client().get(url)
        assert_scripts_carry_the_nonce(response)


def test_admin_dashboard_and_listings(site, event):
    client = admin(site)
    for url in (
        "/admin/",
        reverse("wagtailadmin_explore", args=[site.tree.events.pk]),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtailimages:add_multiple"),
        reverse("security_login_locks"),
    ):
        assert_scripts_carry_the_nonce(client.get(url))


def test_page_editor(site, event):
    """The event editor has date/time widgets, inline panels and choosers, each with
    an inline script: all carry the nonce (also those inside <template>)."""
    response = admin(site).get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    count = assert_scripts_carry_the_nonce(response)
    assert count >= 3
    html = response.content.decode()
    assert re.search(r"<script nonce=\"[^\"]+\">initDateTimeChooser", html)
    assert "new InlinePanel(" in html


def test_page_create_form_and_material_edit(site):
    client = admin(site)
    add = reverse("wagtailadmin_pages:add", args=["events", "eventpage", site.tree.events.pk])
    assert assert_scripts_carry_the_nonce(client.get(add)) >= 1
    material = MaterialFactory()
    assert_scripts_carry_the_nonce(client.get(reverse("wagtaildocs:edit", args=[material.pk])))


def test_translation_editor_and_submit_form(site, event):
    client = admin(site)
    english = synced_translation(event)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert "js-translation-editor" in response.content.decode()
    assert assert_scripts_carry_the_nonce(response) >= 1
    submit = reverse("wagtail_localize:submit_page_translation", args=[site.gera.pk])
    assert assert_scripts_carry_the_nonce(client.get(submit)) >= 1


def test_chooser_script_cannot_be_closed_by_its_data(site):
    """The chooser's script is written with ``<\\/`` for ``</``: data in its options
    (JSON) cannot end the script element and start another."""
    from wagtail.admin.widgets import AdminPageChooser

    class LabelledChooser(AdminPageChooser):
        def get_js_init_options(self, id_, name, value_data):
            return {**super().get_js_init_options(id_, name, value_data), "label": TRICK}

    html = LabelledChooser().render("page", None, {"id": "id_page"})
    assert "</script><script>alert" not in html
    assert html.count("</script>") == 1


TRICK = "</script><script>alert(1)</script>"


def test_permissions_policy_on_html(site):
    for client, url in ((Client(), "/de/"), (admin(site), "/admin/")):
        header = client.get(url).headers.get("Permissions-Policy", "")
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
            assert feature in header, (url, feature)
        assert "browsing-topics=()" in header
        assert "interest-cohort" not in header
