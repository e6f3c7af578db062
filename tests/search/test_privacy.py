"""Nothing private leaks to anonymous visitors: not drafts, restricted pages,
documents of restricted collections, expired pages or the text of an unpublished
revision — neither in results, snippets, facet counts nor suggestions. Each test
fails if its filter is removed from search.query.public_pages/public_materials."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from tests.factories import StandardPageFactory
from tests.factories.pages import paragraph

from .content import SUGGEST_URL, URL, build_corpus


def everything_shown(client, query: str) -> str:
    """What a visitor is shown for ``query`` besides the echoed query: every hit's
    title, snippet and links, the facet values and the suggestions."""
    results = client.get(URL, {"q": query})
    suggestions = client.get(SUGGEST_URL, {"q": query})
    assert results.status_code == 200 and suggestions.status_code == 200
    shown = []
    for hit in results.context["hits"]:
        shown += [hit.title, str(hit.snippet), hit.url] + [p.title for p in hit.context]
    for group in results.context["facet_groups"]:
        shown += [f"{o['value']} {o['label']}" for o in group["options"]]
    shown += [f"{s['title']} {s['url']}" for s in suggestions.json()["suggestions"]]
    return "\n".join(shown)


def titles(client, query: str) -> set[str]:
    return {hit.title for hit in client.get(URL, {"q": query}).context["hits"]}


def facet_values(client, query: str) -> dict[str, dict]:
    response = client.get(URL, {"q": query})
    return {
        g["name"]: {o["value"]: o["count"] for o in g["options"]}
        for g in response.context["facet_groups"]
    }


class PrivacyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def test_control_the_public_items_are_found(self):
        # Guards the tests below: the words used do work for public items.
        self.assertIn("Landkreis Gera", titles(self.client, "Gera"))
        self.assertIn("Programm Regionalwerkstatt", titles(self.client, "Quartiersmanagement"))

    def test_drafts_are_not_found(self):
        self.assertNotIn("Zukunftswerkstatt", everything_shown(self.client, "Zukunftswerkstatt"))
        self.assertNotIn("Zukunftswerkstatt", everything_shown(self.client, "Entwurf"))

    def test_restricted_region_results_are_not_found(self):
        html = everything_shown(self.client, "Geheimzahlen")
        self.assertNotIn("Geheimbericht", html)
        self.assertNotIn("Geheimzahlen</mark>", html)
        self.assertNotIn("Geheimbericht", everything_shown(self.client, "Geheimbericht"))

    def test_restricted_results_are_not_counted_in_facets(self):
        # "Kommune" is also in the restricted results page and restricted event.
        facets = facet_values(self.client, "Kommune")
        self.assertNotIn("bayern", facets.get("bundesland", {}))  # the restricted event
        self.assertNotIn("vertraulich", facets.get("schlagwort", {}))
        total = sum(facets["typ"].values())
        shown = self.client.get(URL, {"q": "Kommune"}).context["search_results"].paginator.count
        self.assertEqual(total, shown)

    def test_restricted_event_is_not_found_or_suggested(self):
        html = everything_shown(self.client, "Verschlusssache")
        self.assertNotIn("Internes Austauschtreffen", html)
        self.assertNotIn("Internes Austauschtreffen", everything_shown(self.client, "Internes"))

    def test_documents_in_restricted_collections_are_not_found(self):
        # "Binnenevaluation" occurs only inside the internal PDF.
        html = everything_shown(self.client, "Binnenevaluation")
        self.assertNotIn("Steuerungsrunde", html)
        self.assertNotIn("Binnenevaluation</mark>", html)
        self.assertNotIn("Steuerungsrunde", everything_shown(self.client, "Protokoll"))

    def test_restricted_documents_are_not_counted(self):
        facets = facet_values(self.client, "Kommune")
        # The internal PDF says "Kommune" too; the public one does not.
        self.assertNotIn("material", facets["typ"])

    def test_materials_awaiting_review_are_not_found_or_counted(self):
        from materials.models import ReviewState

        from .content import pdf_material

        for state in (ReviewState.PENDING, ReviewState.REJECTED):
            pdf_material(f"Hochgeladen {state}", "Vermerk Wolkenkuckucksheim.", review_state=state)
        self.assertNotIn("Hochgeladen", everything_shown(self.client, "Wolkenkuckucksheim"))
        self.assertNotIn("Hochgeladen", everything_shown(self.client, "Hochgeladen"))
        # Hits are checked again when loaded; the total and facets come from the engine.
        response = self.client.get(URL, {"q": "Wolkenkuckucksheim"})
        self.assertEqual(response.context["search_results"].paginator.count, 0)
        self.assertEqual(response.context["facet_groups"], [])

    def test_expired_page_is_not_found_even_before_publish_scheduled(self):
        page = StandardPageFactory(
            parent=self.tree.home,
            title="Abgelaufene Ausschreibung",
            body=paragraph("<p>Frist für Förderanträge Zaunpfahl.</p>"),
        )
        self.assertIn("Abgelaufene Ausschreibung", titles(self.client, "Zaunpfahl"))
        page.expire_at = timezone.now() - timedelta(minutes=1)
        page.save()
        self.assertNotIn("Abgelaufene Ausschreibung", everything_shown(self.client, "Zaunpfahl"))

    def test_unpublished_revision_text_is_not_found(self):
        page = StandardPageFactory(
            parent=self.tree.home,
            title="Netzwerktreffen",
            body=paragraph("<p>Öffentlicher Livetext über Bewegungsförderung.</p>"),
        )
        page.title = "Netzwerktreffen Geheimplan"
        page.body = paragraph("<p>Entwurfstext mit Geheimplanung.</p>")
        page.save_revision()  # a newer draft, not published

        self.assertNotIn("Geheimplan", everything_shown(self.client, "Geheimplanung"))
        self.assertNotIn("Geheimplan", everything_shown(self.client, "Geheimplan"))
        html = everything_shown(self.client, "Livetext")
        self.assertIn("Netzwerktreffen", html)
        self.assertNotIn("Entwurfstext", html)

    def test_logged_in_members_do_not_change_the_public_search(self):
        # The search is the public one; private content is reached by navigation.
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_user("mitglied", password="x")  # noqa: S106
        user.groups.add(self.group)
        self.client.force_login(user)
        self.assertNotIn("Geheimbericht", everything_shown(self.client, "Geheimzahlen"))
