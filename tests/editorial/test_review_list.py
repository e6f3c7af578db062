"""The review list: moderators see what awaits them (author, age, section) on the
dashboard and under "Prüfliste"; editors see their own submissions."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from wagtail.models import WorkflowState

from editorial.views import age_label
from tests.factories import NewsPageFactory, StandardPageFactory
from tests.helpers import page_text

from .ui_support import ui_site, ui_submit, ui_team


class ReviewListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()
        cls.news = NewsPageFactory(parent=cls.tree.news, title="Neue Modellregion", live=False)
        ui_submit(cls.news, cls.team["redaktion"])
        WorkflowState.objects.filter(object_id=str(cls.news.pk)).update(
            created_at=timezone.now() - timedelta(days=3)
        )
        cls.rejected = StandardPageFactory(parent=cls.tree.home, title="Leitbild", live=False)
        task_state = ui_submit(cls.rejected, cls.team["redaktion"])
        task_state.task.specific.on_action(
            task_state, cls.team["moderation"], "reject", comment="Bitte kürzen."
        )
        cls.untouched = NewsPageFactory(parent=cls.tree.news, title="Nur ein Entwurf", live=False)

    def test_moderator_sees_author_age_and_section(self):
        self.client.force_login(self.team["moderation"])
        response = self.client.get("/admin/pruefliste/")
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("Zur Prüfung", text)
        self.assertIn("Neue Modellregion", text)
        self.assertIn("Redakteurin", text)  # the submitter's name
        self.assertIn("seit 3 Tagen", text)
        self.assertIn("Aktuelles", text)
        self.assertNotIn("Nur ein Entwurf", text)

    def test_moderator_dashboard_panel(self):
        self.client.force_login(self.team["moderation"])
        text = page_text(self.client.get("/admin/"))
        self.assertIn("Zur Prüfung", text)
        self.assertIn("Neue Modellregion", text)
        self.assertIn("seit 3 Tagen", text)

    def test_menu_item_only_for_moderators(self):
        self.client.force_login(self.team["moderation"])
        self.assertContains(self.client.get("/admin/"), "/admin/pruefliste/")
        self.client.force_login(self.team["redaktion"])
        self.assertNotContains(self.client.get("/admin/"), '"url": "/admin/pruefliste/"')

    def test_editor_sees_own_submissions_and_their_state(self):
        self.client.force_login(self.team["redaktion"])
        response = self.client.get("/admin/pruefliste/")
        text = page_text(response)
        self.assertNotIn("Zur Prüfung Seite", text)
        self.assertIn("Meine Einreichungen", text)
        self.assertIn("Neue Modellregion", text)
        self.assertIn("In Prüfung", text)
        self.assertIn("Leitbild", text)
        self.assertIn("Bitte kürzen.", text)  # the reason it came back
        dashboard = page_text(self.client.get("/admin/"))
        self.assertIn("Meine Einreichungen", dashboard)
        self.assertIn("Leitbild", dashboard)

    def test_other_editor_sees_nothing_of_it(self):
        self.client.force_login(self.team["moderation2"])
        text = page_text(self.client.get("/admin/pruefliste/"))
        self.assertNotIn("Bitte kürzen.", text)
        self.assertIn("Sie haben noch keine Seite zur Freigabe eingereicht.", text)

    def test_age_label(self):
        now = timezone.now()
        self.assertEqual(age_label(now, now), "seit heute")
        self.assertEqual(age_label(now - timedelta(days=1), now), "seit 1 Tag")
        self.assertEqual(age_label(now - timedelta(days=3), now), "seit 3 Tagen")
