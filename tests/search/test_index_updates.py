"""The index stays true at once: publishing, unpublishing, expiry, moving,
deleting, changing tags or privacy show in the very next search."""

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test import TestCase

from tests.engine import database_only
from tests.factories import NewsPageFactory, StandardPageFactory, restrict_to_group
from tests.factories.pages import paragraph

from .content import SUGGEST_URL, URL, build_corpus


def titles(client, query: str, **params) -> set[str]:
    """The titles found; also checks that the total counts exactly these (hits
    are re-checked when loaded, so a stale index would show in the count)."""
    response = client.get(URL, {"q": query, **params})
    assert response.status_code == 200
    hits = response.context["hits"]
    if hits or "search_results" in response.context:
        assert response.context["search_results"].paginator.count == len(hits), query
    return {hit.title for hit in hits}


def tag_counts(client, query: str) -> dict:
    response = client.get(URL, {"q": query})
    for group in response.context["facet_groups"]:
        if group["name"] == "schlagwort":
            return {o["value"]: o["count"] for o in group["options"]}
    return {}


class IndexUpdateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def test_publishing_makes_a_draft_findable(self):
        self.assertNotIn("Entwurf Zukunftswerkstatt", titles(self.client, "Zukunftswerkstatt"))
        self.draft.save_revision().publish()
        self.assertIn("Entwurf Zukunftswerkstatt", titles(self.client, "Zukunftswerkstatt"))

    def test_published_changes_replace_the_old_text(self):
        self.standard.body = paragraph("<p>Jetzt geht es um Seniorengesundheit.</p>")
        self.standard.save_revision().publish()
        self.assertIn("Unsere Vision", titles(self.client, "Seniorengesundheit"))
        self.assertNotIn("Unsere Vision", titles(self.client, "Generationen"))

    def test_unpublishing_removes_at_once(self):
        self.assertIn("Unsere Vision", titles(self.client, "Generationen"))
        self.standard.unpublish()
        self.assertNotIn("Unsere Vision", titles(self.client, "Generationen"))
        self.assertEqual(
            self.client.get(SUGGEST_URL, {"q": "Unsere Vis"}).json()["suggestions"], []
        )

    def test_tags_added_in_the_publishing_save_are_found(self):
        news = NewsPageFactory(parent=self.tree.news, title="Radwege", live=False)
        news.tags.add("Mobilitätswende")
        news.save_revision().publish()
        self.assertIn("Radwege", titles(self.client, "Mobilitätswende"))
        self.assertEqual(tag_counts(self.client, "Radwege"), {"mobilitaetswende": 1})

    def test_changing_tags_updates_facets_and_text(self):
        news = NewsPageFactory(parent=self.tree.news, title="Spielplätze", tags=["Bewegung"])
        self.assertEqual(tag_counts(self.client, "Spielplätze"), {"bewegung": 1})
        news.tags.set(["Ernährung"])
        news.save_revision().publish()
        self.assertEqual(tag_counts(self.client, "Spielplätze"), {"ernaehrung": 1})
        self.assertIn("Spielplätze", titles(self.client, "Ernährung"))
        self.assertNotIn("Spielplätze", titles(self.client, "Bewegung"))

    def test_republishing_with_a_page_published_signal_reindexes(self):
        from wagtail.signals import page_published

        receivers = list(page_published._live_receivers(type(self.standard))[0])
        self.assertTrue(any(getattr(r, "__name__", "") == "reindex_page" for r in receivers))

    def test_moving_under_a_restricted_page_hides_it(self):
        page = StandardPageFactory(parent=self.tree.home, title="Umzugsnotiz", slug="umzug")
        self.assertIn("Umzugsnotiz", titles(self.client, "Umzugsnotiz"))
        page.move(self.results_page, pos="last-child")
        self.assertNotIn("Umzugsnotiz", titles(self.client, "Umzugsnotiz"))

    def test_moving_a_subtree_moves_its_descendants_too(self):
        # Wagtail moves descendants without saving them; their tree paths in the
        # search table must follow, or they would escape the restriction.
        page = StandardPageFactory(parent=self.tree.home, title="Umzugsordner", slug="ordner")
        StandardPageFactory(parent=page, title="Umzugsakte", slug="akte")
        self.assertEqual(titles(self.client, "Umzugsakte"), {"Umzugsakte"})
        page.move(self.results_page, pos="last-child")
        self.assertEqual(titles(self.client, "Umzugsakte"), set())

    def test_rebuilding_the_index_keeps_the_search_whole(self):
        from django.core.management import call_command

        before = titles(self.client, "Kommune")
        call_command("update_index", verbosity=0)
        self.assertEqual(titles(self.client, "Kommune"), before)
        self.assertTrue(before)

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="search table on PostgreSQL")
    @database_only("the search table of PostgreSQL, which the engine does not read")
    def test_migrate_fills_an_empty_search_table_from_the_index(self):
        # A site upgraded to the release that added search.models.SearchEntry has
        # a full modelsearch index and an empty table.
        from django.core.management import call_command

        from search.models import SearchEntry

        before = titles(self.client, "Kommune")
        SearchEntry.objects.all().delete()
        self.assertEqual(titles(self.client, "Kommune"), set())
        call_command("migrate", verbosity=0)
        self.assertEqual(titles(self.client, "Kommune"), before)

    def test_restricting_and_unrestricting(self):
        restriction = restrict_to_group(self.standard, Group.objects.create(name="Redaktion X"))
        self.assertNotIn("Unsere Vision", titles(self.client, "Generationen"))
        restriction.delete()
        self.assertIn("Unsere Vision", titles(self.client, "Generationen"))

    def test_deleting_removes_at_once(self):
        self.standard.delete()
        self.assertNotIn("Unsere Vision", titles(self.client, "Generationen"))

    def test_deleting_a_material_removes_it(self):
        self.material.delete()
        self.assertEqual(titles(self.client, "Quartiersmanagement"), set())

    def test_making_a_collection_private_hides_its_documents(self):
        from wagtail.models import CollectionViewRestriction

        CollectionViewRestriction.objects.create(
            collection=self.material.collection,
            restriction_type=CollectionViewRestriction.LOGIN,
        )
        self.assertEqual(titles(self.client, "Quartiersmanagement"), set())
