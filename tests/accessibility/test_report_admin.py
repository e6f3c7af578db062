"""„Barrieremeldungen“ in the admin: Moderation and Administration read the reports
and set their status; Redaktion and regional editors see nothing of them (neither
menu, list, report nor dashboard panel); what the visitor wrote stays as written."""

from __future__ import annotations

from django.test import TestCase

from accessibility.models import BarrierReport, ReportStatus
from tests.editorial.site import build_editorial_site

LIST = "/admin/barrieremeldungen/"


def inspect_url(report) -> str:
    return f"{LIST}inspect/{report.pk}/"


def edit_url(report) -> str:
    return f"{LIST}edit/{report.pk}/"


class ReportAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_editorial_site()
        cls.report = BarrierReport.objects.create(
            language="de",
            page_address="/de/veranstaltungen/",
            description="Der Kalender ist mit dem Bildschirmleser nicht bedienbar.",
            name="Eva Muster",
            email="besucherin@example.org",
        )

    def test_moderation_and_administration_read_the_reports(self):
        for role in ("moderation", "administration"):
            with self.subTest(role=role):
                client = self.site.client_for(role)
                home = client.get("/admin/").content.decode()
                self.assertIn(LIST, home)  # the menu item
                self.assertIn("Eine neue Barrieremeldung wartet auf Bearbeitung.", home)
                listing = client.get(LIST)
                self.assertEqual(listing.status_code, 200)
                self.assertContains(listing, "/de/veranstaltungen/")
                report = client.get(inspect_url(self.report))
                self.assertContains(report, "nicht bedienbar")
                self.assertContains(report, "besucherin@example.org")

    def test_editors_see_nothing_of_the_reports(self):
        for role in ("redaktion", "regional_innen"):
            with self.subTest(role=role):
                client = self.site.client_for(role)
                home = client.get("/admin/")
                self.assertEqual(home.status_code, 200)
                self.assertNotIn(LIST, home.content.decode())
                self.assertNotIn("Barrieremeldung", home.content.decode())
                for url in (LIST, inspect_url(self.report), edit_url(self.report)):
                    response = client.get(url)
                    self.assertNotEqual(response.status_code, 200, url)
                    self.assertNotIn("nicht bedienbar", response.content.decode())
                response = client.post(edit_url(self.report), {"status": "done"})
                self.assertNotEqual(response.status_code, 200)
                self.report.refresh_from_db()
                self.assertEqual(self.report.status, ReportStatus.NEW)

    def test_anonymous_visitors_are_sent_to_the_login(self):
        response = self.client.get(LIST)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])

    def test_moderator_marks_a_report_done_and_the_text_stays(self):
        client = self.site.client_for("moderation")
        listing = client.get(LIST).content.decode()
        self.assertIn(f'href="{edit_url(self.report)}"', listing)  # the report opens
        form = client.get(edit_url(self.report))
        self.assertContains(form, "nicht bedienbar")  # read where the status is set
        self.assertContains(form, 'name="status"')
        self.assertNotContains(form, "<textarea")
        response = client.post(
            edit_url(self.report), {"status": "in_progress", "description": "überschrieben"}
        )
        self.assertEqual(response.status_code, 302)
        self.report.refresh_from_db()
        self.assertEqual(self.report.status, ReportStatus.IN_PROGRESS)
        self.assertIsNone(self.report.done_at)
        self.assertIn("nicht bedienbar", self.report.description)

        client.post(edit_url(self.report), {"status": "done"})
        self.report.refresh_from_db()
        self.assertEqual(self.report.status, ReportStatus.DONE)
        self.assertIsNotNone(self.report.done_at)
        # No new report left: the dashboard panel is gone, the list filters by status.
        self.assertNotIn("wartet auf Bearbeitung", client.get("/admin/").content.decode())
        done = client.get(LIST, {"status": "done"})
        self.assertContains(done, "/de/veranstaltungen/")
        self.assertNotContains(client.get(LIST, {"status": "new"}), "/de/veranstaltungen/")

    def test_nobody_adds_reports_in_the_admin(self):
        client = self.site.client_for("administration")
        self.assertNotEqual(client.get(f"{LIST}new/").status_code, 200)

    def test_reopening_a_done_report_clears_its_done_date(self):
        self.report.status = ReportStatus.DONE
        self.report.save()
        self.assertIsNotNone(self.report.done_at)
        self.report.status = ReportStatus.NEW
        self.report.save(update_fields=["status"])
        self.report.refresh_from_db()
        self.assertIsNone(self.report.done_at)
