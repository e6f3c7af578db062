"""The demo site is complete in English (issue #12): every live public German page
has a live English translation, the two name each other in hreflang alternates,
both are in the sitemap, and English pages lead to German ones only through the
language switch (home/templatetags/navigation.py). Materials (/documents/…) have
no language and may be linked from both.

The demo loader takes a few seconds, so it runs once per module inside a
transaction that is rolled back afterwards (as in tests/demo)."""

from html.parser import HTMLParser
from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest

from django.core.management import call_command
from django.db import transaction
from django.test import Client

from wagtail.models import Page

from home.models.base import live_now
from tests.helpers import links_outside_language_switch

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def alternates(html: str) -> dict[str, str]:
    """``hreflang`` → path of the page's <link rel="alternate" hreflang> elements."""
    found: dict[str, str] = {}

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
                found[attrs["hreflang"]] = urlparse(attrs["href"]).path

    Reader(convert_charrefs=True).feed(html)
    return found


def public_pages(language_code: str) -> list[Page]:
    pages = Page.objects.live().public().filter(depth__gt=1, locale__language_code=language_code)
    return list(live_now(pages).order_by("path"))


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The demo site, every public page of both languages rendered for a visitor,
    plus the English keyword pages those link, and the sitemap's paths."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0)
        visitor = Client()
        german = public_pages("de")
        english = public_pages("en")
        rendered = {}
        for page in german + english:
            response = visitor.get(page.url)
            rendered[page.url] = (response.status_code, response.content.decode())
        keyword_urls = {
            link
            for _status, html in list(rendered.values())
            for link in links_outside_language_switch(html)
            if link.startswith("/en/keyword/")
        }
        for url in sorted(keyword_urls):
            response = visitor.get(url)
            rendered[url] = (response.status_code, response.content.decode())
        sitemap = visitor.get("/sitemap.xml")
        tree = ElementTree.fromstring(sitemap.content)  # noqa: S314 - our own sitemap
        sitemap_paths = {
            urlparse(loc.text).path for loc in tree.findall("sm:url/sm:loc", SITEMAP_NS)
        }
        yield {
            "german": german,
            "english": english,
            "translation_of": {
                page.pk: next(
                    (e for e in english if e.translation_key == page.translation_key), None
                )
                for page in german
            },
            "rendered": rendered,
            "keyword_urls": keyword_urls,
            "sitemap": sitemap_paths,
        }
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_the_demo_has_pages_in_both_languages(site):
    assert len(site["german"]) >= 40
    assert all(status == 200 for status, _html in site["rendered"].values())


def german_only(page: Page) -> bool:
    """Leichte Sprache and DGS exist in German only (accessibility.GermanOnlyPageMixin)."""
    return getattr(page.specific_class, "german_only", False)


def test_every_public_german_page_has_a_live_english_translation(site):
    missing = [
        page.url
        for page in site["german"]
        if site["translation_of"][page.pk] is None and not german_only(page)
    ]
    assert missing == []
    assert len(site["english"]) >= len([page for page in site["german"] if not german_only(page)])
    assert [page.url for page in site["german"] if german_only(page)] == [
        "/de/leichte-sprache/",
        "/de/gebaerdensprache/",
    ]


def test_german_and_english_pages_name_each_other_in_hreflang(site):
    wrong = []
    for page in site["german"]:
        english = site["translation_of"][page.pk]
        if english is None:
            continue
        expected = {"de": page.url, "en": english.url}
        for url in (page.url, english.url):
            found = alternates(site["rendered"][url][1])
            if found != expected:
                wrong.append((url, found))
    assert wrong == []


def test_keyword_pages_name_each_other_in_hreflang(site):
    assert site["keyword_urls"], "English pages link no keyword page"
    for url in site["keyword_urls"]:
        found = alternates(site["rendered"][url][1])
        assert found["en"] == url
        assert found["de"] == url.replace("/en/keyword/", "/de/schlagwort/")


def test_english_pages_link_german_pages_only_through_the_language_switch(site):
    """… and the header's links to the German-only pages (marked hreflang="de",
    tests/accessibility/test_header_links.py)."""
    english_urls = [page.url for page in site["english"]] + sorted(site["keyword_urls"])
    german_only_urls = {page.url for page in site["german"] if german_only(page)}
    wrong = {}
    for url in english_urls:
        links = links_outside_language_switch(site["rendered"][url][1])
        german = [
            link
            for link in links
            if link not in german_only_urls
            and urlparse(link).path.startswith("/de/")
            or any(part in link for part in ("/suche/", "/schlagwort/", "/materialien/"))
        ]
        if german:
            wrong[url] = german
    assert wrong == {}, "\n".join(f"{url}: {links}" for url, links in wrong.items())


def test_the_sitemap_lists_both_languages(site):
    pages = site["german"] + site["english"]
    missing = [page.url for page in pages if page.url not in site["sitemap"]]
    assert missing == []
    assert any(path.startswith("/en/") for path in site["sitemap"])
