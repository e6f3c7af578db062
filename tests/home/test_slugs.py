"""Slugs of new pages without umlauts: "Rückblick" → "rueckblick" (home/slugs.py),
in the model, in the admin's create view and in the admin's slug script."""

import json
from html.parser import HTMLParser

from django.contrib.auth import get_user_model
from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from home.slugs import german_slugify, transliterate
from news.models import NewsPage
from tests.editorial.ui_support import as_post_data, browser_form, with_values
from tests.factories import NewsPageFactory, build_tree
from tests.factories.pages import publish


class TransliterationTests(SimpleTestCase):
    def test_umlauts_and_sharp_s_are_spelled_out(self):
        self.assertEqual(german_slugify("Rückblick Fachtag"), "rueckblick-fachtag")
        self.assertEqual(german_slugify("Größe, Übergänge, Öl"), "groesse-uebergaenge-oel")
        self.assertEqual(transliterate("ÄÖÜ ẞ"), "AeOeUe SS")
        self.assertEqual(german_slugify("Café Crème"), "cafe-creme")  # other accents: dropped


class PageSlugTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.admin = get_user_model().objects.create_superuser("slug-admin", "admin@example.org")

    def news(self, title: str, slug: str = "") -> NewsPage:
        page = NewsPage(title=title, slug=slug, date="2026-11-30", teaser="Kurz.")
        self.tree.news.add_child(instance=page)
        return NewsPage.objects.get(pk=page.pk)

    def test_a_slug_derived_from_the_title(self):
        self.assertEqual(self.news("Fachtag Rückblick").slug, "fachtag-rueckblick")
        # Wagtail's suffix for a taken slug still applies.
        self.assertEqual(self.news("Fachtag Rückblick").slug, "fachtag-rueckblick-2")

    def test_a_new_pages_typed_slug_with_umlauts(self):
        self.assertEqual(self.news("Rückblick", slug="rückblick-2026").slug, "rueckblick-2026")

    def test_an_existing_page_keeps_its_address(self):
        page = NewsPageFactory(parent=self.tree.news, title="Alt", slug="alt")
        NewsPage.objects.filter(pk=page.pk).update(slug="rückblick")
        page = NewsPage.objects.get(pk=page.pk)
        page.title = "Rückblick"
        page = publish(page)
        self.assertEqual(page.slug, "rückblick")

    def test_the_admin_create_view_with_a_typed_slug(self):
        """Without the admin's script (which fills the slug from the title), the
        editor types the slug; Wagtail's form requires one."""
        self.client.force_login(self.admin)
        url = reverse("wagtailadmin_pages:add", args=("news", "newspage", self.tree.news.pk))
        pairs = with_values(
            browser_form(self.client.get(url)),
            title="Fachtag Rückblick Übergänge",
            slug="fachtag-rückblick-übergänge",
            date="2026-11-30",
            teaser="Kurz.",
        )
        response = self.client.post(url, as_post_data(pairs))
        self.assertEqual(response.status_code, 302)
        page = NewsPage.objects.get(title="Fachtag Rückblick Übergänge")
        self.assertEqual(page.slug, "fachtag-rueckblick-uebergaenge")
        self.assertEqual(page.url, "/de/aktuelles/fachtag-rueckblick-uebergaenge/")

    def test_the_admin_slug_script_transliterates(self):
        """The slug field tells Wagtail's script (w-slug) to spell out umlauts first
        and to allow no other non-ASCII letters (no allow-unicode attribute)."""
        self.client.force_login(self.admin)
        url = reverse("wagtailadmin_pages:add", args=("news", "newspage", self.tree.news.pk))
        field = input_named(self.client.get(url).content.decode(), "slug")
        self.assertEqual(field["data-controller"], "w-slug")
        self.assertNotIn("data-w-slug-allow-unicode-value", field)
        formatters = json.loads(field["data-w-slug-formatters-value"])
        replacements = {pattern: replacement for (pattern, _flags), replacement in formatters}
        self.assertEqual(replacements["ü"], "ue")
        self.assertEqual(replacements["ß"], "ss")
        self.assertEqual(replacements["Ä"], "Ae")


def input_named(html: str, name: str) -> dict:
    """The attributes of the <input> called ``name`` in ``html``."""
    found: list[dict] = []

    class Finder(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "input" and dict(attrs).get("name") == name:
                found.append(dict(attrs))

    Finder().feed(html)
    assert found, f"no input {name}"
    return found[0]
