"""The pages in Leichte Sprache and Deutsche Gebärdensprache: where they may be
created, what the reader sees (one sentence a line, explained words in a box,
the video with captions and transcript), and the editor's guard on long
sentences."""

import pytest

from django.core.exceptions import ValidationError
from django.test import TestCase

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from accessibility.blocks import MAX_WORDS_PER_SENTENCE, EasyReadBlock, SentencesBlock
from accessibility.models import EasyReadPage, SignLanguagePage
from home.models import HomePage, StandardPage
from tests.factories import (
    EasyReadPageFactory,
    SignLanguagePageFactory,
    StandardPageFactory,
    build_tree,
)
from tests.factories.accessibility import video
from tests.helpers import page_text


class TreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.home_en = cls.tree.translate_home()

    def test_both_sit_under_the_home_page_only_and_have_no_children(self):
        for model in (EasyReadPage, SignLanguagePage):
            with self.subTest(model.__name__):
                self.assertAllowedParentPageTypes(model, {HomePage})
                self.assertAllowedSubpageTypes(model, set())
                self.assertCanNotCreateAt(StandardPage, model)

    def test_one_of_each_under_the_german_home_page_none_under_the_english_one(self):
        for model, factory in (
            (EasyReadPage, EasyReadPageFactory),
            (SignLanguagePage, SignLanguagePageFactory),
        ):
            with self.subTest(model.__name__):
                self.assertTrue(model.can_create_at(self.tree.home))
                self.assertFalse(model.can_create_at(self.home_en))
                factory(parent=self.tree.home)
                self.assertFalse(model.can_create_at(self.tree.home))


class EasyReadPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.target = StandardPageFactory(
            parent=cls.tree.home, title="Erklärung zur Barrierefreiheit", slug="barrierefreiheit"
        )
        cls.draft = StandardPageFactory(parent=cls.tree.home, slug="entwurf", live=False)
        body = [
            ("heading", {"text": "So finden Sie sich zurecht", "level": "h2"}),
            ("sentences", "Oben ist ein Menü.\n\n  Im Menü stehen die Seiten.  \n"),
            (
                "word",
                {
                    "word": "Barriere",
                    "explanation": "Eine Barriere ist ein Hindernis.\nZum Beispiel.",
                },
            ),
            ("link", {"page": cls.target, "text": "Hier kommen Sie zur Erklärung."}),
            ("link", {"page": cls.draft, "text": "Hier kommen Sie zum Entwurf."}),
        ]
        cls.page = EasyReadPageFactory(parent=cls.tree.home, body=body)

    def test_is_served_renderable_and_at_its_contract_address(self):
        self.assertEqual(self.page.url, "/de/leichte-sprache/")
        self.assertEqual(self.client.get(self.page.url).status_code, 200)
        self.assertPageIsRenderable(self.page)

    def test_every_sentence_is_a_paragraph_of_its_own(self):
        html = self.client.get(self.page.url).content.decode()
        self.assertInHTML(
            '<div class="easy-read__sentences"><p>Oben ist ein Menü.</p>'
            "<p>Im Menü stehen die Seiten.</p></div>",
            html,
        )
        self.assertInHTML("<h2>So finden Sie sich zurecht</h2>", html)
        self.assertInHTML(f"<h1>{self.page.title}</h1>", html)

    def test_a_word_and_its_explanation_stand_in_a_box(self):
        html = self.client.get(self.page.url).content.decode()
        self.assertInHTML(
            '<dl class="easy-read__word"><dt>Barriere</dt><dd>'
            "<p>Eine Barriere ist ein Hindernis.</p><p>Zum Beispiel.</p></dd></dl>",
            html,
        )

    def test_links_lead_to_live_pages_only(self):
        html = self.client.get(self.page.url).content.decode()
        self.assertInHTML(
            '<p class="easy-read__link"><a href="/de/barrierefreiheit/">'
            "Hier kommen Sie zur Erklärung.</a></p>",
            html,
        )
        self.assertNotIn("zum Entwurf", html)
        self.assertNotIn("/de/entwurf/", html)

    def test_large_type_stylesheet_is_linked(self):
        html = self.client.get(self.page.url).content.decode()
        self.assertIn("/static/css/easy-read.css", html)


class EasyReadStylesheetTests(TestCase):
    """The Leichte Sprache rules in css/easy-read.css."""

    def test_large_type_generous_spacing_short_lines_no_justification_or_hyphens(self):
        from pathlib import Path

        from django.conf import settings

        css = (Path(settings.BASE_DIR) / "site/static/css/easy-read.css").read_text()
        block = css.split(".easy-read,\n.sign-language {", 1)[1].split("}", 1)[0]
        self.assertIn("font-size: 1.25rem;", block)
        self.assertIn("line-height: 1.7;", block)
        self.assertIn("text-align: left;", block)
        self.assertIn("hyphens: manual;", block)
        self.assertNotIn("justify", css)
        self.assertIn("max-width: 38rem;", css)
        self.assertIn("font-style: normal;", css)


class SentenceRuleTests(TestCase):
    def test_a_sentence_over_the_word_limit_is_refused_with_the_sentence_named(self):
        long_sentence = " ".join(["Wort"] * (MAX_WORDS_PER_SENTENCE + 1)) + "."
        with pytest.raises(ValidationError) as error:
            SentencesBlock().clean(f"Ein kurzer Satz.\n{long_sentence}")
        self.assertIn(long_sentence, str(error.value))

    def test_sentences_up_to_the_limit_pass(self):
        sentence = " ".join(["Wort"] * MAX_WORDS_PER_SENTENCE)
        self.assertEqual(SentencesBlock().clean(sentence), sentence)

    def test_a_long_explanation_of_a_word_is_refused_too(self):
        block = EasyReadBlock()
        long_sentence = " ".join(["Wort"] * (MAX_WORDS_PER_SENTENCE + 1))
        value = block.to_python(
            [{"type": "word", "value": {"word": "Kommune", "explanation": long_sentence}}]
        )
        with pytest.raises(ValidationError):
            block.clean(value)


class SignLanguagePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.page = SignLanguagePageFactory(
            parent=cls.tree.home,
            videos=[video("Willkommen"), video("Die Suche", mp4=False)],
        )

    def test_is_served_renderable_and_at_its_contract_address(self):
        self.assertEqual(self.page.url, "/de/gebaerdensprache/")
        self.assertEqual(self.client.get(self.page.url).status_code, 200)
        self.assertPageIsRenderable(self.page)

    def test_each_video_plays_from_this_site_with_german_captions_and_its_transcript(self):
        response = self.client.get(self.page.url)
        html = response.content.decode()
        first, second = self.page.videos.order_by("sort_order")
        self.assertEqual(html.count("<video "), 2)
        self.assertIn('<video class="sign-video__player" controls preload="metadata"', html)
        self.assertIn(f'<source src="{first.webm.url}" type="video/webm">', html)
        self.assertIn(f'<source src="{first.mp4.url}" type="video/mp4">', html)
        self.assertTrue(first.webm.url.startswith("/media/gebaerdensprache/"))
        self.assertIn(
            f'<track kind="captions" src="{first.captions.url}" srclang="de" label="Deutsch"'
            " default>",
            html,
        )
        self.assertIn(f'<track kind="captions" src="{second.captions.url}"', html)
        # MP4 is optional: the second video has none.
        self.assertEqual(html.count('type="video/mp4"'), 1)
        self.assertIn("<summary>Text zum Video</summary>", html)
        self.assertIn("Der Text zum Video: Willkommen bei Gesunde Kommune.", page_text(response))
        # No third-party player or tracking: nothing is loaded from another origin.
        self.assertNotIn("<iframe", html)
        self.assertNotIn("youtube", html.lower())

    def test_the_transcript_is_searchable_content(self):
        fields = {getattr(field, "field_name", None) for field in SignLanguagePage.search_fields}
        self.assertIn("videos", fields)
        self.assertEqual(Page.objects.get(pk=self.page.pk).specific, self.page)
