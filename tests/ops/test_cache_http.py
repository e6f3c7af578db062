"""HTTP behaviour of the page cache: ETag and Last-Modified with 304s (pages,
RSS, iCalendar, sitemap), gzip stored once and served as stored, a hit without
any database query (ops/middleware.py)."""

import gzip
from datetime import timedelta

import pytest
import time_machine

from django.utils import timezone
from django.utils.http import parse_http_date

from ops.cache import purge_page_cache
from tests.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

FEEDS = ["/de/aktuelles/feed/", "/de/veranstaltungen/feed.ics", "/sitemap.xml"]


@pytest.fixture
def content(site_tree):
    NewsPageFactory(parent=site_tree.news, title="Fachtag angekündigt")
    EventPageFactory(parent=site_tree.events, title="Regionalwerkstatt")
    return site_tree


def test_a_hit_makes_no_database_query(client, content, django_assert_num_queries):
    client.get("/de/aktuelles/")
    with django_assert_num_queries(0):
        response = client.get("/de/aktuelles/")
    assert response["X-Page-Cache"] == "hit"


def test_head_is_answered_from_the_cache(client, content):
    client.get("/de/aktuelles/")
    response = client.head("/de/aktuelles/")
    assert response.status_code == 200 and response["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("url", ["/de/aktuelles/", *FEEDS])
def test_etag_gives_304_on_a_hit_and_on_a_miss(client, content, url):
    first = client.get(url)
    etag = first["ETag"]
    hit = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert hit.status_code == 304 and hit.content == b""

    purge_page_cache()  # nothing public changed: the same ETag, rendered afresh
    miss = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert miss.status_code == 304
    assert client.get(url)["X-Page-Cache"] == "hit"  # the miss stored the full page


@pytest.mark.parametrize("url", FEEDS)
def test_if_modified_since_gives_304_until_something_changes(client, content, url):
    now = timezone.now()
    with time_machine.travel(now, tick=False) as traveller:
        traveller.shift(timedelta(seconds=5))
        last_modified = client.get(url)["Last-Modified"]
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
        traveller.shift(timedelta(seconds=5))
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304

        traveller.shift(timedelta(seconds=5))
        NewsPageFactory(parent=content.news, title="Neue Meldung")
        EventPageFactory(parent=content.events, title="Neue Werkstatt")

        response = client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
        assert response.status_code == 200
        assert b"neue" in response.content.lower()  # the sitemap has addresses only


def test_feed_is_modified_when_an_item_is_unpublished(client, content):
    """Django's own Last-Modified for feeds is the newest item's date, which an
    unpublished item does not change: If-Modified-Since would keep the item."""
    now = timezone.now()
    with time_machine.travel(now, tick=False) as traveller:
        older = NewsPageFactory(
            parent=content.news, title="Ältere Meldung", date=now.date() - timedelta(days=9)
        )
        traveller.shift(timedelta(seconds=5))
        last_modified = client.get("/de/aktuelles/feed/")["Last-Modified"]

        traveller.shift(timedelta(seconds=5))
        older.unpublish()

        response = client.get("/de/aktuelles/feed/", HTTP_IF_MODIFIED_SINCE=last_modified)
        assert response.status_code == 200
        assert "Ältere Meldung" not in response.content.decode()


def test_last_modified_is_never_in_the_future(client, content):
    response = client.get("/de/aktuelles/feed/")
    assert parse_http_date(response["Last-Modified"]) <= timezone.now().timestamp()


@pytest.mark.parametrize("url", ["/de/aktuelles/", *FEEDS])
def test_gzip_is_stored_and_served_as_stored(client, content, url):
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert first["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in first["Vary"]
    body = gzip.decompress(first.content)
    assert len(body) > len(first.content)

    hit = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert hit["X-Page-Cache"] == "hit"
    # Django's gzip pads each compression with random bytes (BREACH): identical
    # bytes mean the stored compressed body was served, not compressed again.
    assert hit.content == first.content

    plain = client.get(url)
    assert "Content-Encoding" not in plain
    assert plain.content == body


def test_anonymous_pages_may_be_kept_briefly_by_browsers_and_proxies(client, content, settings):
    settings.PAGE_CACHE_MAX_AGE = 120
    response = client.get("/de/aktuelles/")
    assert response["Cache-Control"] == "public, max-age=120"
    assert "Cookie" in response["Vary"]


def test_page_cache_can_be_switched_off(client, content, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/de/aktuelles/")
    response = client.get("/de/aktuelles/")
    assert response.status_code == 200 and "X-Page-Cache" not in response


def test_a_hit_carries_the_security_headers(client, content):
    """A page served from the cache has the same policy headers as the page
    rendered afresh (CSP without a nonce: public pages use none)."""
    miss = client.get("/de/aktuelles/")
    hit = client.get("/de/aktuelles/")
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    for header in ("Content-Security-Policy", "Permissions-Policy"):
        assert hit.has_header(header), header
        assert hit[header] == miss[header]
    directives = dict(
        part.strip().split(" ", 1) for part in hit["Content-Security-Policy"].split(";")
    )
    assert directives["script-src"] == "'self'"
