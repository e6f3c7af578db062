"""Reading responses the way a user (or a crawler) sees them."""

import json
from html.parser import HTMLParser

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ops.cache import purge_page_cache


class _PageReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[str] = []
        self.json_ld: list[str] = []
        self._skip = 0
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._skip = max(0, self._skip - 1)
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data
        elif not self._skip:
            self.text.append(data)


def _read(response) -> _PageReader:
    reader = _PageReader()
    reader.feed(response.content.decode(response.charset or "utf-8"))
    reader.close()
    return reader


def page_text(response) -> str:
    """The visible text of an HTML response, whitespace collapsed."""
    return " ".join(" ".join(_read(response).text).split())


def page_links(response) -> list[str]:
    """The href of every link in an HTML response."""
    return _read(response).links


def json_ld(response) -> list[dict]:
    """Every JSON-LD block of an HTML response, parsed (fails on invalid JSON)."""
    return [json.loads(block) for block in _read(response).json_ld]


def text_order(text: str, needles: list[str]) -> list[int]:
    """Positions of ``needles`` in ``text`` (each must occur)."""
    positions = []
    for needle in needles:
        assert needle in text, f"{needle!r} not in page text"
        positions.append(text.index(needle))
    return positions


def count_queries(client, url: str) -> tuple[int, object]:
    """SQL queries of one warm GET (a first GET fills Wagtail's per-site caches) that
    renders the page: the page cache is purged first, or the GET would be a hit
    without any query (tests/ops/test_cache_http.py counts those)."""
    client.get(url)
    purge_page_cache()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), response


class _LinkTargets(HTMLParser):
    """Every URL a page links or submits to: a/area href, form action, link href
    (stylesheets, canonical, feeds) and data-suggest-url, except the links inside
    the language switch (<nav class="language-switcher">) and hreflang alternates
    (<link rel="alternate" hreflang>), which lead to the other languages on purpose."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._switch_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "nav" and (self._switch_depth or "language-switcher" in classes):
            self._switch_depth += 1
        if self._switch_depth:
            return
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            return
        for name in ("href", "action", "data-suggest-url"):
            if attrs.get(name) and (name != "href" or tag in ("a", "area", "link")):
                self.urls.append(attrs[name])

    def handle_endtag(self, tag):
        if tag == "nav" and self._switch_depth:
            self._switch_depth -= 1


def links_outside_language_switch(html: str) -> list[str]:
    """The URLs an HTML page links or submits to, leaving out the language switch
    and the hreflang alternates."""
    parser = _LinkTargets()
    parser.feed(html)
    parser.close()
    return parser.urls
