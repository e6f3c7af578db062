"""Every page has one editor-facing state (editorial.states.page_state), shown in
the admin page listing and on the edit screen."""

import re
from datetime import timedelta
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Revision

from demo.data import DemoContent
from editorial.states import PageState, page_state
from tests.factories import NewsPageFactory, StandardPageFactory

from .ui_support import ui_site, ui_submit, ui_user

STATE_SLUGS = [data.slug for data in DemoContent().states]


def make_pages(tree, author):
    """One page per state under Aktuelles (and one standard page)."""
    news = tree.news
    pages = {}
    pages["entwurf"] = NewsPageFactory(parent=news, title="Entwurf Nachricht", live=False)
    in_review = NewsPageFactory(parent=news, title="Nachricht in Prüfung", live=False)
    ui_submit(in_review, author)
    pages["in_pruefung"] = in_review
    pages["veroeffentlicht"] = NewsPageFactory(parent=news, title="Live Nachricht")

    scheduled = NewsPageFactory(parent=news, title="Geplante Nachricht", live=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=3)
    scheduled.save_revision(user=author).publish()
    pages["geplant"] = scheduled

    expired = NewsPageFactory(parent=news, title="Abgelaufene Nachricht")
    type(expired).objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - timedelta(minutes=5)
    )
    pages["abgelaufen"] = expired

    withdrawn = StandardPageFactory(parent=tree.home, title="Zurückgezogene Seite")
    withdrawn.unpublish()
    pages["zurueckgezogen"] = withdrawn
    call_command("publish_scheduled", verbosity=0)
    return {key: type(page).objects.get(pk=page.pk) for key, page in pages.items()}


class PageStateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.author = ui_user("autorin", "Redaktion")
        cls.pages = make_pages(cls.tree, cls.author)

    def test_each_page_has_its_state(self):
        for key, page in self.pages.items():
            with self.subTest(key):
                self.assertEqual(page_state(page), PageState(key))

    def test_labels_are_german(self):
        self.assertEqual(
            [str(state.label) for state in PageState],
            [
                "Entwurf",
                "In Prüfung",
                "Veröffentlicht",
                "Geplant",
                "Abgelaufen",
                "Zurückgezogen",
            ],
        )

    def test_rejected_draft_is_a_draft_again_and_approved_is_live(self):
        moderator = ui_user("pruefer", "Moderation")
        page = NewsPageFactory(parent=self.tree.news, title="Zurückgewiesen", live=False)
        task_state = ui_submit(page, self.author)
        task_state.task.specific.on_action(task_state, moderator, "reject", comment="Quelle fehlt")
        page.refresh_from_db()
        self.assertEqual(page_state(page), PageState.ENTWURF)

        # Resubmitted and approved in both steps of the Aktuelles workflow: live.
        page.save_revision(user=self.author)
        workflow_state = page.current_workflow_state
        workflow_state.resume(user=self.author)
        self.assertEqual(page_state(page), PageState.IN_PRUEFUNG)
        task_state = workflow_state.current_task_state
        while task_state is not None and task_state.status == task_state.STATUS_IN_PROGRESS:
            task_state.task.specific.on_action(task_state, moderator, "approve")
            task_state.workflow_state.refresh_from_db()
            task_state = task_state.workflow_state.current_task_state
        page.refresh_from_db()
        self.assertEqual(page_state(page), PageState.VEROEFFENTLICHT)

    def test_live_page_with_a_scheduled_update_is_still_published(self):
        page = self.pages["veroeffentlicht"]
        page.go_live_at = timezone.now() + timedelta(days=1)
        page.save_revision().publish()
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page_state(page), PageState.VEROEFFENTLICHT)

    def test_unpublished_expired_page_republished_is_published(self):
        page = self.pages["abgelaufen"]
        page.expire_at = None
        page.save_revision().publish()
        page.refresh_from_db()
        self.assertEqual(page_state(page), PageState.VEROEFFENTLICHT)


class StateInAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.author = ui_user("autorin", "Redaktion")
        cls.pages = make_pages(cls.tree, cls.author)
        cls.admin = ui_user("chefin", superuser=True)

    def setUp(self):
        self.client.force_login(self.admin)

    def test_listing_shows_the_state_of_each_page(self):
        response = self.client.get(f"/admin/pages/{self.tree.news.pk}/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        for key in ("entwurf", "in_pruefung", "veroeffentlicht", "geplant", "abgelaufen"):
            with self.subTest(key):
                self.assertIn(f'data-editorial-state="{key}"', html)
        for label in ("Entwurf", "In Prüfung", "Veröffentlicht", "Geplant", "Abgelaufen"):
            self.assertIn(label, html)

    def test_home_listing_shows_withdrawn_page(self):
        response = self.client.get(f"/admin/pages/{self.tree.home.pk}/")
        self.assertIn('data-editorial-state="zurueckgezogen"', response.content.decode())
        self.assertContains(response, "Zurückgezogen")

    def test_edit_screen_shows_the_state(self):
        for key, page in self.pages.items():
            with self.subTest(key):
                response = self.client.get(f"/admin/pages/{page.pk}/edit/")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(
                    response.content.decode().count(f'data-editorial-state="{key}"'), 1
                )

    # One badge: every status tag in the admin is the editorial state; Wagtail's own
    # live/draft tag ("Entwurf" above "Zurückgezogen") is replaced, not added to.

    def test_listing_has_one_state_per_page(self):
        for parent in (self.tree.home, self.tree.news):
            with self.subTest(parent.title):
                html = self.client.get(f"/admin/pages/{parent.pk}/").content.decode()
                states = html.count("data-editorial-state=")
                self.assertGreater(states, 0)
                self.assertNotIn("Aktueller Seitenstatus", html)  # Wagtail's hidden label
                self.assertNotIn("Current page status", html)
                rows = html.count('<tr class="')
                self.assertLessEqual(states, rows)

    def test_withdrawn_page_shows_only_zurueckgezogen(self):
        page = self.pages["zurueckgezogen"]
        html = self.client.get(f"/admin/pages/{self.tree.home.pk}/").content.decode()
        row = html[html.index(f"/admin/pages/{page.pk}/edit/") :]
        row = row[: row.index("</tr>")]
        self.assertEqual(re.findall(r'data-editorial-state="(\w+)"', row), ["zurueckgezogen"])
        self.assertEqual(row.count('class="w-status'), 1)

    def test_edit_header_has_one_badge_linked_when_live(self):
        page = self.pages["veroeffentlicht"]
        html = self.client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        self.assertNotIn('class="page-status-tag', html)  # Wagtail's "Live" tag
        badge = re.search(r'<a href="([^"]+)"[^>]*data-editorial-state="veroeffentlicht"', html)
        self.assertIsNotNone(badge)
        self.assertEqual(badge.group(1), page.get_url())


class DemoStatesTests(TestCase):
    """`load_demo_content` + `load_demo_states`: role accounts and a page per state."""

    @classmethod
    def setUpTestData(cls):
        cls.first_out, cls.second_out = StringIO(), StringIO()
        with override_settings(DEMO_ACCOUNTS=True):
            call_command("load_demo_content", stdout=cls.first_out)
            call_command("load_demo_states", stdout=StringIO())
            cls.counts = (
                Page.objects.count(),
                Revision.objects.count(),
                PageLogEntry.objects.count(),
            )
            call_command("load_demo_content", stdout=StringIO())
            call_command("load_demo_states", stdout=cls.second_out)

    def test_role_accounts_and_groups(self):
        expected = {
            "redaktion": "Redaktion",
            "regional-gera": "Regionale Redaktion Gera",
            "moderation": "Moderation",
            "administration": "Administration",
        }
        for username, group in expected.items():
            user = get_user_model().objects.get(username=username)
            self.assertTrue(user.check_password("gesunde-kommune-demo"))
            self.assertEqual(list(user.groups.values_list("name", flat=True)), [group])
        output = self.first_out.getvalue()
        self.assertIn("Regionale Redaktion Gera: Benutzer regional-gera", output)

    def test_a_page_in_each_state(self):
        states = {}
        for page in Page.objects.filter(slug__in=STATE_SLUGS).specific():
            states[page.slug] = page_state(page)
        self.assertEqual(
            sorted(states.values()),
            sorted(
                [
                    PageState.ENTWURF,
                    PageState.GEPLANT,
                    PageState.IN_PRUEFUNG,
                    PageState.ABGELAUFEN,
                    PageState.ZURUECKGEZOGEN,
                ]
            ),
        )
        in_review = Page.objects.get(slug="neue-partnerkommune-in-pruefung")
        self.assertEqual(in_review.current_workflow_state.requested_by.username, "redaktion")

    def test_second_run_changes_nothing(self):
        self.assertEqual(
            self.counts,
            (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()),
        )
        self.assertIn("Alles vorhanden, nichts geändert.", self.second_out.getvalue())

    def test_state_pages_are_not_public(self):
        for slug in STATE_SLUGS:
            page = Page.objects.get(slug=slug)
            self.assertFalse(page.live, slug)
