"""The project's own routes in each language (/de/suche/ and /en/search/,
/de/schlagwort/<slug>/ and /en/keyword/<slug>/, …), 301s from the German spellings
under /en/, the language switch (translation, else the nearest translated ancestor
with a notice), the footer's localized legal pages and German material titles
marked lang="de" on English pages (home/routes.py, home/templatetags/navigation.py)."""

from html.parser import HTMLParser

from django.template.loader import render_to_string
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from regions.models import RegionCriterion
from tests.factories import (
    CriterionPageFactory,
    RegionPageFactory,
    StandardPageFactory,
    build_tree,
    translate,
)
from tests.helpers import links_outside_language_switch, page_links, page_text

NOTICE = (
    "Die gewünschte Seite gibt es nicht auf Deutsch. Sie sind auf der nächsten übersetzten Seite."
)


class _Switch(HTMLParser):
    """Links inside <nav class="language-switcher">, hreflang alternates, and the
    elements with role="status"."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.switch: dict[str, str] = {}
        self.alternates: dict[str, str] = {}
        self.status_count = 0
        self._nav_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "nav" and (self._nav_depth or "language-switcher" in classes):
            self._nav_depth += 1
        if tag == "a" and self._nav_depth:
            self.switch[attrs["hreflang"]] = attrs["href"]
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if attrs.get("role") == "status":
            self.status_count += 1

    def handle_endtag(self, tag):
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1


def read(response) -> _Switch:
    parser = _Switch()
    parser.feed(response.content.decode())
    return parser


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].partition("/")[2] if "://" in url else url


class RouteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.region = RegionPageFactory(
            parent=cls.tree.regions, title="Wartburgkreis", slug="wartburgkreis", tags=["Kinder"]
        )
        cls.home_en = cls.tree.translate_home()
        cls.region_en = translate(cls.region, "en")
        cls.regions_en = cls.region_en.get_parent()
        cls.vision = StandardPageFactory(parent=cls.tree.home, title="Unsere Vision")
        cls.vision_en = translate(cls.vision, "en")
        # A child with no English version, below a translated page.
        cls.untranslated = StandardPageFactory(parent=cls.vision, title="Nur deutsch")
        for slug, title in (
            ("impressum", "Impressum"),
            ("datenschutz", "Datenschutzerklärung"),
            ("barrierefreiheit", "Erklärung zur Barrierefreiheit"),
        ):
            page = StandardPageFactory(parent=cls.tree.home, title=title, slug=slug)
            setattr(cls, slug, page)
        cls.impressum_en = translate(cls.impressum, "en")
        cls.impressum_en.title = "Legal notice"
        cls.impressum_en.slug = "legal-notice"
        cls.impressum_en.save_revision().publish()
        cls.impressum_en.refresh_from_db()

    # -- URL names in both languages --------------------------------------------

    def test_route_names_are_spelled_in_the_language_of_the_prefix(self):
        expected = {
            "de": ["/de/suche/", "/de/suche/vorschlaege/", "/de/anmelden/", "/de/abmelden/"],
            "en": ["/en/search/", "/en/search/suggestions/", "/en/login/", "/en/logout/"],
        }
        for language_code, urls in expected.items():
            with translation.override(language_code):
                names = ("search", "search_suggestions", "login", "logout")
                self.assertEqual([reverse(name) for name in names], urls)
        self.assertEqual(self.client.get("/en/search/", {"q": "Kinder"}).status_code, 200)
        self.assertEqual(self.client.get("/en/login/").status_code, 200)
        self.assertEqual(self.client.get("/de/suche/", {"q": "Kinder"}).status_code, 200)
        self.assertEqual(self.client.get("/de/anmelden/").status_code, 200)

    def test_keyword_and_materials_routes_follow_the_page_language(self):
        self.assertEqual(self.client.get("/de/schlagwort/kinder/").status_code, 200)
        self.assertEqual(self.client.get("/en/keyword/kinder/").status_code, 200)
        self.assertEqual(self.client.get(self.region.url + "materialien/").status_code, 200)
        self.assertEqual(self.client.get(self.region_en.url + "materials/").status_code, 200)
        # The English spelling is no German route.
        self.assertEqual(self.client.get("/de/keyword/kinder/").status_code, 404)
        # Reversed in the page's language whatever language is active.
        with translation.override("de"):
            self.assertEqual(
                self.home_en.reverse_subpage("schlagwort", kwargs={"slug": "x"}), "keyword/x/"
            )
        with translation.override("en"):
            self.assertEqual(
                self.tree.home.reverse_subpage("schlagwort", kwargs={"slug": "x"}),
                "schlagwort/x/",
            )

    # -- 301 from the German spellings under /en/ ----------------------------------

    def test_german_spellings_under_en_redirect_permanently_with_the_query(self):
        cases = {
            "/en/suche/?q=Kiosk&typ=material": "/en/search/?q=Kiosk&typ=material",
            "/en/suche/vorschlaege/?q=Pr": "/en/search/suggestions/?q=Pr",
            "/en/anmelden/?next=/en/": "/en/login/?next=%2Fen%2F",
            "/en/abmelden/": "/en/logout/",
            "/en/schlagwort/kinder/?seite=2": "/en/keyword/kinder/?seite=2",
            self.region_en.url + "materialien/?seite=1": self.region_en.url + "materials/?seite=1",
        }
        for old, new in cases.items():
            with self.subTest(old):
                response = self.client.get(old)
                self.assertEqual(response.status_code, 301)
                self.assertEqual(response["Location"], new)

    def test_german_routes_answer_themselves(self):
        for url in (
            "/de/suche/?q=Kinder",
            "/de/schlagwort/kinder/",
            self.region.url + "materialien/",
        ):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 200)

    # -- English pages link English routes ----------------------------------------

    def test_english_pages_link_only_english_routes(self):
        for url in ("/en/", self.region_en.url, "/en/keyword/kinder/", "/en/search/?q=Kinder"):
            with self.subTest(url):
                html = self.client.get(url).content.decode()
                links = links_outside_language_switch(html)
                self.assertIn("/en/search/", links)  # the search form
                self.assertIn("/en/search/suggestions/", links)
                # (Untranslated Datenschutz/Barrierefreiheit: German pages in the footer.)
                for german in ("/suche/", "/schlagwort/", "/vorschlaege/", "/materialien/"):
                    self.assertEqual([link for link in links if german in link], [])
        region_links = page_links(self.client.get(self.region_en.url))
        self.assertIn("/en/keyword/kinder/", region_links)

    def test_german_pages_keep_german_routes(self):
        html = self.client.get(self.region.url).content.decode()
        self.assertIn('action="/de/suche/"', html)
        self.assertIn('href="/de/schlagwort/kinder/"', html)
        self.assertNotIn("/keyword/", html)

    # -- the language switch ---------------------------------------------------

    def test_switch_and_hreflang_on_keyword_pages_use_the_other_spelling(self):
        german = read(self.client.get("/de/schlagwort/kinder/?seite=1"))
        self.assertEqual(german.switch, {"en": "/en/keyword/kinder/"})
        self.assertEqual(
            {lang: path_of(url) for lang, url in german.alternates.items()},
            {"de": "/de/schlagwort/kinder/", "en": "/en/keyword/kinder/"},
        )
        english = read(self.client.get("/en/keyword/kinder/"))
        self.assertEqual(english.switch, {"de": "/de/schlagwort/kinder/"})

    def test_switch_on_a_region_materials_page(self):
        english = read(self.client.get(self.region_en.url + "materials/"))
        self.assertEqual(english.switch, {"de": self.region.url + "materialien/"})

    def test_switch_on_the_search_keeps_the_query(self):
        german = read(self.client.get("/de/suche/", {"q": "Kinder", "typ": "seite"}))
        self.assertEqual(german.switch, {"en": "/en/search/?q=Kinder&typ=seite"})
        english = read(self.client.get("/en/search/", {"q": "Kinder"}))
        self.assertEqual(english.switch, {"de": "/de/suche/?q=Kinder"})

    def test_switch_goes_to_the_translation(self):
        self.assertEqual(read(self.client.get(self.vision.url)).switch, {"en": self.vision_en.url})
        self.assertEqual(read(self.client.get(self.vision_en.url)).switch, {"de": self.vision.url})

    def test_untranslated_page_switches_to_the_nearest_translated_ancestor(self):
        switch = read(self.client.get(self.untranslated.url)).switch
        self.assertEqual(switch, {"en": self.vision_en.url + "?nicht-uebersetzt=1"})
        # Deeper: the ancestor's own ancestors are not chosen over it.
        deeper = StandardPageFactory(parent=self.untranslated, title="Noch tiefer")
        switch = read(self.client.get(deeper.url)).switch
        self.assertEqual(switch, {"en": self.vision_en.url + "?nicht-uebersetzt=1"})

    def test_nearest_translated_ancestor_can_be_the_home_page(self):
        lonely = StandardPageFactory(parent=self.tree.home, title="Ohne Übersetzung")
        switch = read(self.client.get(lonely.url)).switch
        self.assertEqual(switch, {"en": "/en/?nicht-uebersetzt=1"})

    def test_the_page_reached_that_way_says_why(self):
        response = self.client.get(self.vision_en.url, {"nicht-uebersetzt": "1"})
        self.assertEqual(response.status_code, 200)
        with translation.override("en"):
            notice_en = translation.gettext(NOTICE)  # locale/en
        self.assertIn(notice_en, page_text(response))
        self.assertEqual(read(response).status_count, 1)
        # Without the parameter (the page cache keys by the full URL): no notice.
        plain = self.client.get(self.vision_en.url)
        self.assertNotIn(notice_en, page_text(plain))
        self.assertEqual(read(plain).status_count, 0)
        german = self.client.get(self.vision.url, {"nicht-uebersetzt": "1"})
        self.assertIn(NOTICE, page_text(german))

    # -- footer -----------------------------------------------------------------

    def test_english_footer_links_the_english_legal_pages_else_the_german_ones(self):
        html = self.client.get(self.vision_en.url).content.decode()
        self.assertIn(f'<a href="{self.impressum_en.url}">Legal notice</a>', html)
        self.assertNotIn(f'href="{self.impressum.url}"', html)
        # No English Datenschutz page: the German one, marked as German.
        self.assertIn(
            f'<a href="{self.datenschutz.url}" lang="de" hreflang="de">Datenschutzerklärung</a>',
            html,
        )
        german = self.client.get(self.vision.url).content.decode()
        self.assertIn(f'<a href="{self.impressum.url}">Impressum</a>', german)

    # -- pages linked through inline panels -------------------------------------

    def test_english_page_links_the_english_version_of_a_linked_criterion(self):
        criteria = self.tree.criteria
        konzeption = CriterionPageFactory(parent=criteria, title="Konzeption", number=1)
        konzeption_en = translate(konzeption, "en")
        empowerment = CriterionPageFactory(parent=criteria, title="Empowerment", number=4)
        # Links copied from the German page: both point to German criteria.
        for criterion in (konzeption, empowerment):
            RegionCriterion.objects.create(page=self.region_en, criterion=criterion)
        links = page_links(self.client.get(self.region_en.url))
        self.assertIn(konzeption_en.url, links)
        self.assertNotIn(konzeption.url, links)
        self.assertIn(empowerment.url, links)  # not translated yet: the German page

    # -- robots.txt ----------------------------------------------------------------

    def test_robots_txt_keeps_crawlers_out_of_both_searches(self):
        lines = self.client.get("/robots.txt").content.decode().splitlines()
        self.assertIn("Disallow: /de/suche/", lines)
        self.assertIn("Disallow: /en/search/", lines)


def test_material_titles_are_marked_german_on_other_languages():
    class Material:
        title = "Programm der Lernwerkstatt"
        description = "Ablauf und Referate"
        url = "/documents/1/programm.pdf"
        extension_upper = "PDF"
        file_extension = "pdf"
        file_size = 2_800

        def get_kind_display(self):
            return "Programm"

    context = {"materials": [Material()]}
    with translation.override("en"):
        english = render_to_string("components/material_list.html", context)
    with translation.override("de"):
        german = render_to_string("components/material_list.html", context)
    assert '<span lang="de">Programm der Lernwerkstatt</span>' in english
    assert 'class="material-list__description" lang="de"' in english
    assert 'lang="de"' not in german
    assert "<span>Programm der Lernwerkstatt</span>" in german
