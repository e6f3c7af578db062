"""Practice examples carry Schlagwörter like the other tagged page types (issue
#14): the keyword page /de/schlagwort/<slug>/ lists the public ones; the keyword
moderation (home/moderation.py, the Prüfliste) treats a keyword proposed on a
practice example as on any other page; the sitemap lists public examples."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.utils import timezone

from editorial.views import keyword_rows
from home.models import Schlagwort
from home.moderation import reject_keyword
from practice.models import PracticePage
from tests.factories import (
    NewsPageFactory,
    PracticePageFactory,
    RegionPageFactory,
    add_practice_index,
    build_tree,
    restrict_to_group,
    translate,
)
from tests.helpers import page_text

from .test_pages import sitemap_paths

URL = "/de/schlagwort/bewegung/"


class PracticeKeywordPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = tree = build_tree()
        cls.index = add_practice_index(tree.home)
        tags = ["Bewegung"]
        cls.region = RegionPageFactory(parent=tree.regions, title="Weimar", tags=tags)
        cls.news = NewsPageFactory(parent=tree.news, title="Bewegte Pause", tags=tags)
        cls.example = PracticePageFactory(
            parent=cls.index, title="Bewegungspass Gera", slug="bewegungspass", tags=tags
        )
        cls.other = PracticePageFactory(
            parent=cls.index, title="Aktive Schulwege", slug="schulwege", tags=tags
        )
        cls.draft = PracticePageFactory(
            parent=cls.index, title="Entwurf Laufbus", slug="laufbus", tags=tags, live=False
        )
        cls.restricted = PracticePageFactory(
            parent=cls.index, title="Interner Sporttag", slug="sporttag", tags=tags
        )
        restrict_to_group(cls.restricted, Group.objects.create(name="Netzwerk"))
        cls.expired = PracticePageFactory(
            parent=cls.index, title="Alte Tanzgruppe", slug="tanzgruppe", tags=tags
        )
        cls.expired.expire_at = timezone.now() - timedelta(minutes=5)
        cls.expired.save()
        Schlagwort.objects.update(approved=True)
        tree.translate_home()
        cls.example_en = translate(cls.example, "en")

    def test_keyword_page_lists_public_practice_examples(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        groups = {g["key"]: [p.title for p in g["items"]] for g in response.context["groups"]}
        self.assertEqual(
            list(groups), ["regions.regionpage", "news.newspage", "practice.practicepage"]
        )
        # Sorted by title, like the regions; drafts, restricted and expired left out.
        self.assertEqual(
            groups["practice.practicepage"], ["Aktive Schulwege", "Bewegungspass Gera"]
        )
        text = page_text(response)
        self.assertIn("Praxisbeispiele", text)
        self.assertIn("Bewegungspass Gera", text)
        for hidden in ("Entwurf Laufbus", "Interner Sporttag", "Alte Tanzgruppe"):
            self.assertNotIn(hidden, text)

    def test_english_keyword_page_lists_the_english_example(self):
        response = self.client.get("/en/keyword/bewegung/")
        self.assertEqual(response.status_code, 200)
        examples = [
            page.pk
            for group in response.context["groups"]
            if group["key"] == "practice.practicepage"
            for page in group["items"]
        ]
        self.assertEqual(examples, [self.example_en.pk])

    def test_sitemap_lists_public_examples_only(self):
        paths = sitemap_paths(self.client.get("/sitemap.xml"))
        self.assertIn("/de/praxisdatenbank/", paths)
        self.assertIn("/de/praxisdatenbank/bewegungspass/", paths)
        self.assertIn(self.example_en.url, paths)
        self.assertTrue(self.example_en.url.startswith("/en/"))
        for hidden in (self.draft, self.restricted, self.expired):
            self.assertNotIn(f"/de/praxisdatenbank/{hidden.slug}/", paths)


class PracticeKeywordModerationTests(TestCase):
    """A keyword proposed on a practice example: shown with the example in the
    Prüfliste, approved when the example is published, removed from the example
    and its draft when rejected."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.index = add_practice_index(cls.tree.home)
        cls.moderator = get_user_model().objects.create_superuser("moderation", "m@example.org")

    def propose_on_a_draft(self, name: str) -> tuple[PracticePage, Schlagwort]:
        """A live example whose newest revision (a draft) carries a new keyword."""
        page = PracticePageFactory(parent=self.index, title="Familienzentrum Nord")
        page.tags.add(name)
        revision = page.save_revision()
        keyword = Schlagwort.objects.get(name=name)
        self.assertFalse(keyword.approved)
        self.assertIn(keyword.pk, [item["tag"] for item in revision.content["tagged_items"]])
        return page, keyword

    def test_the_pruefliste_shows_the_example_with_its_proposed_keyword(self):
        # A new example saved as a draft (as a public submission lands) stores its keywords.
        PracticePageFactory(
            parent=self.index, title="Stadtteilmütter Süd", tags=["Sozialraumlotsen"], live=False
        )
        keyword = Schlagwort.objects.get(name="Sozialraumlotsen")
        self.assertFalse(keyword.approved)
        [row] = keyword_rows(self.moderator)
        self.assertEqual((row.keyword, row.pages), (keyword, ["Stadtteilmütter Süd"]))
        self.assertEqual(self.client.get("/de/schlagwort/sozialraumlotsen/").status_code, 404)

    def test_publishing_the_example_approves_its_keyword(self):
        page, keyword = self.propose_on_a_draft("Sozialraumlotsen")
        page.get_latest_revision().publish()
        keyword.refresh_from_db()
        self.assertTrue(keyword.approved)
        self.assertEqual(self.client.get("/de/schlagwort/sozialraumlotsen/").status_code, 200)

    def test_rejecting_removes_it_from_the_example_and_its_draft(self):
        page, keyword = self.propose_on_a_draft("Sozialraumlotsen")
        changed = reject_keyword(keyword, self.moderator, "Gibt es schon.")
        self.assertEqual(changed, 1)
        self.assertFalse(Schlagwort.objects.filter(pk=keyword.pk).exists())
        revision = PracticePage.objects.get(pk=page.pk).get_latest_revision()
        self.assertEqual(revision.content["tagged_items"], [])
        self.assertEqual(list(revision.as_object().tags.all()), [])
