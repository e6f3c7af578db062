"""What the page cache never shares: answers for logged-in users, restricted
pages, anything with a CSRF token or a CSP nonce, personal requests, the admin,
documents and the search (ops/middleware.py)."""

import pytest

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction

from tests.factories import (
    MaterialFactory,
    NewsPageFactory,
    RegionPageFactory,
    RegionResultsPageFactory,
    restrict_to_group,
)
from tests.helpers import page_text

pytestmark = pytest.mark.django_db

PROBES = pytest.mark.urls("tests.ops.cache_probe_urls")


def twice(client: Client, url: str, **extra):
    client.get(url, **extra)
    return client.get(url, **extra)


def is_hit(response) -> bool:
    return response.get("X-Page-Cache") == "hit"


@pytest.fixture
def results(site_tree):
    """Gera's detailed results, visible to the group "Netzwerk Gera" only."""
    gera = RegionPageFactory(parent=site_tree.regions, title="Gera", slug="gera")
    page = RegionResultsPageFactory(parent=gera, title="Ergebnisse Gera", slug="ergebnisse")
    network = Group.objects.create(name="Netzwerk Gera")
    restrict_to_group(page, network)
    member = network.user_set.create(username="mitglied")
    return page, member


# --- logged-in users and restricted pages ------------------------------------------------


def test_logged_in_user_is_never_served_from_the_cache(client, admin_client, site_tree):
    news = NewsPageFactory(parent=site_tree.news, title="Fachtag angekündigt")
    assert is_hit(twice(client, news.url))
    # Changed behind Django's back (no signal, so no purge): only a fresh render
    # shows the new title.
    Page.objects.filter(pk=news.pk).update(title="Fachtag verschoben")

    response = admin_client.get(news.url)

    assert "Fachtag verschoben" in page_text(response)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert is_hit(client.get(news.url))  # anonymous: still the cached copy


def test_logged_in_users_pages_are_not_stored(client, admin_client, site_tree):
    news = NewsPageFactory(parent=site_tree.news, title="Fachtag angekündigt")
    admin_client.get(news.url)
    admin_client.get(news.url)

    assert client.get(news.url)["X-Page-Cache"] == "miss"


def test_restricted_page_is_never_stored(client, results):
    page, member = results
    reader = Client()
    reader.force_login(member)
    assert "Detaillierte Ergebnisse" in page_text(twice(reader, page.url))

    for response in (client.get(page.url), client.get(page.url)):
        assert response.status_code == 302 and "/anmelden/" in response["Location"]
        assert "X-Page-Cache" not in response


def test_password_protected_page_is_never_stored(client, site_tree):
    gera = RegionPageFactory(parent=site_tree.regions, title="Gera", slug="gera")
    page = RegionResultsPageFactory(parent=gera, title="Ergebnisse Gera", slug="ergebnisse")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="netzwerk"
    )
    form = twice(client, page.url)
    assert form.status_code == 200 and 'type="password"' in form.content.decode()
    assert not is_hit(form)

    reader = Client()
    reader.get(page.url)
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    reader.post(url, {"password": "netzwerk", "return_url": page.url})
    assert "Detaillierte Ergebnisse" in page_text(reader.get(page.url))

    response = Client().get(page.url)
    assert 'type="password"' in response.content.decode()
    assert "Detaillierte Ergebnisse" not in page_text(response)


@pytest.mark.parametrize(
    "extra",
    [
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_COOKIE": "messages=abc"},
        {"HTTP_AUTHORIZATION": "Basic bWl0Z2xpZWQ6eA=="},
    ],
    ids=["session-cookie", "messages-cookie", "authorization"],
)
def test_personal_requests_bypass_the_cache(client, site_tree, extra):
    news = NewsPageFactory(parent=site_tree.news, title="Fachtag angekündigt")
    assert is_hit(twice(client, news.url))

    personal = Client()
    response = twice(personal, news.url, **extra)
    assert response.status_code == 200 and "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


# --- responses with one reason not to be shared --------------------------------------


@PROBES
def test_plain_probe_is_cached(client, site_tree):
    """The control for the probes below: without a reason, the response is shared."""
    response = twice(client, "/probe/plain/")
    assert is_hit(response)
    assert response["Cache-Control"] == "public, max-age=60"


@PROBES
@pytest.mark.parametrize(
    "url",
    ["/probe/csrf/", "/probe/nonce/", "/probe/never-cache/", "/probe/vary/", "/probe/cookie/"],
)
def test_response_with_a_reason_is_not_stored(client, site_tree, url):
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second


@PROBES
def test_csrf_token_pages_are_not_compressed(client, site_tree):
    """BREACH: a secret beside text an attacker can inject must not be gzipped."""
    plain = client.get("/probe/plain/", HTTP_ACCEPT_ENCODING="gzip")
    assert plain["Content-Encoding"] == "gzip"
    form = client.get("/probe/csrf/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in form
    assert b"csrfmiddlewaretoken" in form.content


def test_login_page_is_not_cached(client, site_tree):
    response = twice(client, "/de/anmelden/")
    assert response.status_code == 200 and not is_hit(response)
    assert "csrftoken" in response.cookies


# --- parts of the site never cached --------------------------------------------------


def test_admin_documents_search_and_healthz_are_not_cached(client, admin_client, site_tree):
    document = MaterialFactory(title="Programm Regionalwerkstatt")
    for url in (document.url, "/de/suche/?q=Programm", "/de/suche/vorschlaege/?q=Pro", "/healthz"):
        response = twice(client, url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response, url
    assert "X-Page-Cache" not in twice(admin_client, "/admin/")
