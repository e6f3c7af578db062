"""The Administration sees roles and workflows read-only, and manages users."""

from django.contrib.auth.models import Group
from django.test import TestCase

from editorial.roles import WORKFLOW_NEWS
from tests.helpers import page_text

from .ui_support import ui_site, ui_team

URL = "/admin/rollen-und-workflows/"


class RolesOverviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()

    def test_administration_sees_roles_members_and_workflows(self):
        self.client.force_login(self.team["administration"])
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        text = page_text(response)
        self.assertIn("editorial/roles.py", text)
        self.assertIn("nur zu sehen", text)
        self.assertIn("Die Datenbank stimmt mit editorial/roles.py überein.", text)
        for name in ("Redaktion", "Moderation", "Administration", WORKFLOW_NEWS):
            self.assertIn(name, text)
        self.assertIn("Fachliche Prüfung: Moderation", text)
        moderation = Group.objects.get(name="Moderation")
        self.assertContains(response, f"/admin/users/?group={moderation.pk}")
        self.assertIn("publish_page", text)

    def test_drift_is_shown(self):
        Group.objects.get(name="Redaktion").permissions.clear()
        self.client.force_login(self.team["administration"])
        text = page_text(self.client.get(URL))
        self.assertIn("Die Datenbank weicht vom Code ab.", text)
        self.assertIn("Recht ergänzt: Redaktion", text)
        # Showing the drift changes nothing.
        self.assertFalse(Group.objects.get(name="Redaktion").permissions.exists())

    def test_menu_and_access_only_for_administration(self):
        self.client.force_login(self.team["administration"])
        self.assertContains(self.client.get("/admin/"), URL)
        for role in ("redaktion", "moderation"):
            with self.subTest(role):
                self.client.force_login(self.team[role])
                self.assertNotContains(self.client.get("/admin/"), URL)
                response = self.client.get(URL)
                self.assertNotEqual(response.status_code, 200)

    def test_administration_manages_users(self):
        self.client.force_login(self.team["administration"])
        self.assertEqual(self.client.get("/admin/users/").status_code, 200)
        redakteurin = self.team["redaktion"]
        response = self.client.get(f"/admin/users/edit/{redakteurin.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="groups"')
