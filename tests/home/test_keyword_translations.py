"""Schlagwörter in English: English pages name each keyword in English and link its
English slug; the keyword page, the calendar filter, the search facets and the RSS
feed of /en/ do the same; German pages stay German (issue #12)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from wagtail.models import Locale

from home.models import Schlagwort
from home.models.vocabularies import set_translation
from tests.factories import EventPageFactory, NewsPageFactory, build_tree, translate
from tests.factories.bulk import add_live_pages, event
from tests.helpers import count_queries, page_links, page_text

GERMAN = ["Präventionsketten", "Gesundheitsförderung", "Vernetzung"]
ENGLISH = {
    "Präventionsketten": "Prevention chains",
    "Gesundheitsförderung": "Health promotion",
    "Vernetzung": "Networking",
}


def keyword_links(response) -> list[str]:
    return [link for link in page_links(response) if "/schlagwort/" in link or "/keyword/" in link]


class KeywordModelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.en = Locale.objects.get(language_code="en")
        cls.keyword = Schlagwort.objects.create(name="Präventionsketten", approved=True)

    def test_name_and_slug_fall_back_to_german(self):
        label = self.keyword.localized("en")
        self.assertEqual((label.name, label.slug), ("Präventionsketten", "praeventionsketten"))

    def test_set_translation_gives_english_name_and_slug(self):
        translation, created = set_translation(self.keyword, self.en, "Prevention chains")
        self.assertTrue(created)
        self.assertEqual(translation.slug, "prevention-chains")
        label = Schlagwort.objects.get(pk=self.keyword.pk).localized("en")
        self.assertEqual((label.name, label.slug), ("Prevention chains", "prevention-chains"))
        # German stays the keyword's own name.
        self.assertEqual(self.keyword.localized("de").name, "Präventionsketten")
        with override("en"):
            self.assertEqual(self.keyword.localized().name, "Prevention chains")

    def test_set_translation_is_idempotent_and_renames(self):
        set_translation(self.keyword, self.en, "Prevention chains")
        self.assertFalse(set_translation(self.keyword, self.en, "Prevention chains")[1])
        translation, changed = set_translation(self.keyword, self.en, "Chains of prevention")
        self.assertTrue(changed)
        self.assertEqual(translation.slug, "chains-of-prevention")
        self.assertEqual(self.keyword.translations.count(), 1)

    def test_a_translation_may_not_take_another_keywords_german_slug(self):
        Schlagwort.objects.create(name="Kommunen", approved=True)
        with self.assertRaises(ValidationError) as error:
            set_translation(self.keyword, self.en, "Kommunen")
        self.assertIn("slug", error.exception.message_dict)


class EnglishKeywordPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.en = Locale.objects.get(language_code="en")
        # Texts without the keywords' words: only the keyword lists may name them.
        cls.event = EventPageFactory(
            parent=cls.tree.events,
            title="Fachtag",
            slug="fachtag",
            teaser="Ein Tag im Netzwerk.",
            organiser="Landesverband",
            tags=[*GERMAN, "Kommunen"],
        )
        cls.news = NewsPageFactory(
            parent=cls.tree.news, slug="meldung", teaser="Neues.", tags=GERMAN
        )
        Schlagwort.objects.update(approved=True)
        for name, english in ENGLISH.items():
            set_translation(Schlagwort.objects.get(name=name), cls.en, english)
        cls.tree.translate_home()
        cls.event_en = translate(cls.event)
        cls.news_en = translate(cls.news)

    def test_english_event_page_names_and_links_english_keywords(self):
        response = self.client.get(self.event_en.url)
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        for name in ENGLISH.values():
            self.assertIn(name, text)
        for name in GERMAN:
            self.assertNotIn(name, text)
        home = self.tree.home.get_translation(self.en).url
        self.assertEqual(
            sorted(keyword_links(response)),
            [
                f"{home}keyword/health-promotion/",
                f"{home}keyword/kommunen/",  # not translated: German name and slug
                f"{home}keyword/networking/",
                f"{home}keyword/prevention-chains/",
            ],
        )
        self.assertIn("Kommunen", text)

    def test_german_event_page_stays_german(self):
        response = self.client.get(self.event.url)
        text = page_text(response)
        self.assertIn("Präventionsketten", text)
        self.assertNotIn("Prevention chains", text)
        self.assertIn("/de/schlagwort/praeventionsketten/", keyword_links(response))

    def test_english_listings_and_feed_use_english_names(self):
        calendar = self.client.get(self.event_en.get_parent().url)
        choices = calendar.context["filter_form"].fields["schlagwort"].choices
        labels = {str(value): label for value, label in choices if value}
        self.assertEqual(labels["praeventionsketten"], "Prevention chains")
        # In English alphabetical order (in German order "Networking" would come last).
        self.assertEqual(
            [label for value, label in choices if value],
            ["Health promotion", "Kommunen", "Networking", "Prevention chains"],
        )
        text = page_text(calendar)
        self.assertIn("Health promotion", text)
        self.assertNotIn("Gesundheitsförderung", text)
        news_list = self.client.get(self.news_en.get_parent().url)
        self.assertIn("Prevention chains", page_text(news_list))
        self.assertNotIn("Präventionsketten", page_text(news_list))
        feed = self.client.get(self.news_en.get_parent().url + "feed/").content.decode()
        self.assertIn("<category>Prevention chains</category>", feed)
        self.assertNotIn("<category>Präventionsketten</category>", feed)

    def test_english_keyword_page_answers_the_english_slug(self):
        home = self.tree.home.get_translation(self.en).url
        response = self.client.get(f"{home}keyword/prevention-chains/")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Prevention chains", page_text(response))
        self.assertNotIn("Präventionsketten", page_text(response))
        self.assertEqual(
            [page.pk for group in response.context["groups"] for page in group["items"]],
            [self.event_en.pk, self.news_en.pk],
        )
        # The German slug of a translated keyword leads to the English address ...
        response = self.client.get(f"{home}keyword/praeventionsketten/")
        self.assertRedirects(response, f"{home}keyword/prevention-chains/", status_code=301)
        # ... an untranslated keyword answers to its German slug ...
        self.assertEqual(self.client.get(f"{home}keyword/kommunen/").status_code, 200)
        # ... and German pages know no English slug.
        self.assertEqual(self.client.get("/de/schlagwort/prevention-chains/").status_code, 404)
        self.assertEqual(self.client.get("/de/schlagwort/praeventionsketten/").status_code, 200)

    def test_english_search_facet_names_the_keyword_in_english(self):
        with override("en"):
            url = reverse("search")
        response = self.client.get(url, {"q": "Fachtag"})
        options = {
            option["value"]: option["label"]
            for group in response.context["facet_groups"]
            if group["name"] == "schlagwort"
            for option in group["options"]
        }
        self.assertEqual(options.get("praeventionsketten"), "Prevention chains")
        self.assertEqual(options.get("kommunen"), "Kommunen")


class EnglishCalendarQueryTests(TestCase):
    """English keyword names cost no query per event."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.en = Locale.objects.get(language_code="en")
        cls.tree.translate_home()
        cls.events_en = translate(cls.tree.events)
        cls.now = timezone.now().replace(microsecond=0)

    def english_event(self, i: int):
        page = event(i, self.now + timedelta(days=2 + i), tags=[f"Wort {i}"])
        page.locale = self.en
        return page

    def add_events(self, first: int, count: int) -> None:
        add_live_pages(self.events_en, self.english_event, count, first)
        for keyword in Schlagwort.objects.filter(translations__isnull=True):
            keyword.approved = True
            keyword.save()
            set_translation(keyword, self.en, keyword.name.replace("Wort", "Word"))

    def test_queries_do_not_grow_with_translated_keywords(self):
        self.add_events(0, 2)
        few, response = count_queries(self.client, self.events_en.url)
        self.assertIn("Word 1", page_text(response))
        self.add_events(2, 8)
        many, response = count_queries(self.client, self.events_en.url)
        self.assertIn("Word 9", page_text(response))
        self.assertNotIn("Wort 9", page_text(response))
        self.assertEqual(few, many)
