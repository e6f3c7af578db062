"""Deciding in the page editor (PRODUCT.md: moderators approve and reject from the
page editor at every workflow step). Each POST carries exactly what the browser
sends: the form as the editor renders it (``browser_form``) plus what Wagtail's
workflow-action JS adds for the clicked button."""

import json

import pytest

from django.test import TestCase
from django.urls import reverse

from wagtail.models import PageLogEntry, TaskState, WorkflowState

from editorial.models import ModerationTask, RejectionWithoutCommentError
from editorial.roles import TASK_RELEASE, TASK_SUBJECT_REVIEW, WORKFLOW_NEWS
from news.models import NewsPage
from tests.factories import NewsPageFactory, RegionPageFactory
from tests.helpers import page_text

from .ui_support import as_post_data, browser_form, ui_site, ui_submit, ui_team, with_values

BODY = [
    ("heading", {"text": "Bewegung im Quartier", "level": "h2"}),
    ("paragraph", "<p>Der Fachtag zeigt, wie Kommunen Bewegung fördern.</p>"),
]


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def workflow_button(client, page, action: str, extra: dict | None = None, **changes):
    """Open the page editor and click a decision in its action menu (with the
    modal's data for "Zurückweisen")."""
    pairs = browser_form(client.get(edit_url(page)))
    pairs = with_values(pairs, **changes)
    pairs += [("action-workflow-action", "true"), ("workflow-action-name", action)]
    if extra is not None:
        pairs.append(("workflow-action-extra-data", json.dumps(extra)))
    return client.post(edit_url(page), as_post_data(pairs))


def task_states(page) -> list[tuple[str, str, int]]:
    states = TaskState.objects.filter(workflow_state__object_id=str(page.pk)).order_by("id")
    return [(state.task.name, state.status, state.revision_id) for state in states]


class DecideInEditorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()

    def submitted_news(self, title="Fachtag Bewegung"):
        page = NewsPageFactory(parent=self.tree.news, title=title, live=False, body=BODY)
        first_step = ui_submit(page, self.team["redaktion"])
        return NewsPage.objects.get(pk=page.pk), first_step

    def test_moderators_approve_both_steps_from_the_editor_and_the_news_goes_live(self):
        page, _ = self.submitted_news()
        submitted = page.get_latest_revision()

        self.client.force_login(self.team["moderation"])
        first = workflow_button(self.client, page, "approve")
        self.assertEqual(first.status_code, 302)
        told = page_text(self.client.get(first["Location"]))
        self.assertIn(f"wurde freigegeben. Nächster Schritt: „{TASK_RELEASE}“.", told)
        self.assertNotIn("wurde aktualisiert", told)
        self.client.force_login(self.team["moderation2"])
        second = workflow_button(self.client, page, "approve")
        self.assertEqual(second.status_code, 302)
        told = page_text(self.client.get(second["Location"]))
        self.assertIn("wurde freigegeben und ist veröffentlicht.", told)

        page.refresh_from_db()
        self.assertTrue(page.live)
        # No revision of its own: what went live is what was submitted and shown.
        self.assertEqual(page.get_latest_revision(), submitted)
        self.assertEqual(page.live_revision, submitted)
        self.assertEqual(
            task_states(page),
            [
                (TASK_SUBJECT_REVIEW, TaskState.STATUS_APPROVED, submitted.pk),
                (TASK_RELEASE, TaskState.STATUS_APPROVED, submitted.pk),
            ],
        )
        self.assertEqual(
            WorkflowState.objects.get(object_id=str(page.pk)).status,
            WorkflowState.STATUS_APPROVED,
        )
        self.assertEqual(
            PageLogEntry.objects.filter(page=page, action="wagtail.publish").count(), 1
        )
        history = page_text(self.client.get(reverse("wagtailadmin_pages:history", args=(page.pk,))))
        self.assertIn(
            f"Freigegeben bei „{TASK_SUBJECT_REVIEW}“. Nächster Schritt „{TASK_RELEASE}“", history
        )
        self.assertIn(f"Freigegeben bei „{TASK_RELEASE}“. „{WORKFLOW_NEWS}“ abgeschlossen", history)
        self.assertNotIn(f"Nächster Schritt „{TASK_SUBJECT_REVIEW}“", history.split("gestartet")[0])
        public = self.client.get(page.url)
        self.assertContains(public, "Der Fachtag zeigt, wie Kommunen Bewegung fördern.")

    def test_reject_at_the_second_step_with_a_comment(self):
        page, first_step = self.submitted_news()
        first_step.task.specific.on_action(first_step, self.team["moderation"], "approve")
        revisions = page.revisions.count()

        self.client.force_login(self.team["moderation2"])
        comment = "Bitte die Quelle der Zahlen nennen."
        response = workflow_button(self.client, page, "reject", {"comment": comment})
        self.assertEqual(response.status_code, 302)
        told = page_text(self.client.get(response["Location"]))
        self.assertIn("wurde zurückgewiesen; die Autorin oder der Autor wird benachrichtigt.", told)
        self.assertNotIn("wurde aktualisiert", told)

        release = TaskState.objects.get(
            workflow_state=first_step.workflow_state, task__name=TASK_RELEASE
        )
        self.assertEqual(release.status, TaskState.STATUS_REJECTED)
        self.assertEqual(release.comment, comment)
        self.assertEqual(release.finished_by, self.team["moderation2"])
        workflow_state = WorkflowState.objects.get(pk=first_step.workflow_state_id)
        self.assertEqual(workflow_state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertEqual(page.revisions.count(), revisions)

    def test_a_rejection_without_comment_from_the_editor_changes_nothing(self):
        page, first_step = self.submitted_news()
        revisions = page.revisions.count()
        self.client.force_login(self.team["moderation"])
        response = workflow_button(
            self.client, page, "reject", {"comment": "  "}, title="Fachtag Bewegung (gekürzt)"
        )
        # The editor comes back with the reason asked for and the moderator's text kept.
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Bitte begründen Sie die Zurückweisung.")
        self.assertContains(response, 'value="Fachtag Bewegung (gekürzt)"')
        first_step.refresh_from_db()
        self.assertEqual(first_step.status, TaskState.STATUS_IN_PROGRESS)
        self.assertEqual(page.revisions.count(), revisions)

    def test_broken_decision_data_is_a_bad_request(self):
        page, first_step = self.submitted_news()
        self.client.force_login(self.team["moderation"])
        pairs = browser_form(self.client.get(edit_url(page)))
        pairs += [
            ("action-workflow-action", "true"),
            ("workflow-action-name", "approve"),
            ("workflow-action-extra-data", "{kein json"),
        ]
        response = self.client.post(edit_url(page), as_post_data(pairs))
        self.assertEqual(response.status_code, 400)
        first_step.refresh_from_db()
        self.assertEqual(first_step.status, TaskState.STATUS_IN_PROGRESS)

    def test_an_edit_while_approving_is_what_is_approved_and_reviewed_again(self):
        """The second step's moderator corrects a word and approves: the correction
        is a real edit, so the first step reviews it again; then it goes live, as
        the second step already approved exactly this revision."""
        page, first_step = self.submitted_news()
        first_step.task.specific.on_action(first_step, self.team["moderation"], "approve")

        self.client.force_login(self.team["moderation2"])
        corrected = "Neues aus dem Partnerprozess, korrigiert."
        workflow_button(self.client, page, "approve", teaser=corrected)
        page.refresh_from_db()
        edited = page.get_latest_revision()
        self.assertEqual(edited.as_object().teaser, corrected)
        self.assertFalse(page.live)
        states = task_states(page)
        self.assertEqual(states[1], (TASK_RELEASE, TaskState.STATUS_APPROVED, edited.pk))
        self.assertEqual(states[2], (TASK_SUBJECT_REVIEW, TaskState.STATUS_IN_PROGRESS, edited.pk))

        self.client.force_login(self.team["moderation"])
        workflow_button(self.client, page, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page.live_revision, edited)
        self.assertContains(self.client.get(page.url), "korrigiert")

    def test_a_region_added_while_approving_is_an_edit(self):
        """Inline panels count as content: the added region is saved as a revision
        and the approval is recorded on it."""
        page, first_step = self.submitted_news()
        gera = RegionPageFactory(parent=self.tree.regions, title="Gera", slug="gera")
        self.client.force_login(self.team["moderation"])
        workflow_button(
            self.client,
            page,
            "approve",
            **{
                "region_links-TOTAL_FORMS": "1",
                "region_links-0-region": str(gera.pk),
                "region_links-0-id": "",
                "region_links-0-ORDER": "1",
                "region_links-0-DELETE": "",
            },
        )
        page.refresh_from_db()
        edited = page.get_latest_revision()
        self.assertNotEqual(edited, first_step.revision)
        self.assertEqual(
            [link.region_id for link in edited.as_object().region_links.all()], [gera.pk]
        )
        self.assertEqual(
            task_states(page)[0], (TASK_SUBJECT_REVIEW, TaskState.STATUS_APPROVED, edited.pk)
        )


class RejectionBackstopTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()

    def test_the_task_refuses_a_rejection_without_comment(self):
        page = NewsPageFactory(parent=self.tree.news, title="Meldung", live=False)
        task_state = ui_submit(page, self.team["redaktion"])
        task = task_state.task.specific
        self.assertIsInstance(task, ModerationTask)
        for comment in ("", "   ", None):
            with self.subTest(comment=comment), pytest.raises(RejectionWithoutCommentError):
                task.on_action(task_state, self.team["moderation"], "reject", comment=comment)
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, TaskState.STATUS_IN_PROGRESS)
        self.assertIsNone(task_state.finished_by)


class IncompleteFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()

    def setUp(self):
        self.client.force_login(self.team["redaktion"])
        self.page = NewsPageFactory(parent=self.tree.news, title="Meldung", live=False, body=BODY)

    def test_an_edit_without_management_data_is_a_bad_request(self):
        revisions = self.page.revisions.count()
        pairs = browser_form(self.client.get(edit_url(self.page)))
        for missing in ("body-count", "region_links-TOTAL_FORMS", "region_links-INITIAL_FORMS"):
            with self.subTest(missing=missing):
                response = self.client.post(
                    edit_url(self.page), as_post_data(with_values(pairs, **{missing: None}))
                )
                self.assertEqual(response.status_code, 400)
                self.assertIn("Verwaltungsdaten", response.content.decode())
        broken = self.client.post(
            edit_url(self.page), as_post_data(with_values(pairs, **{"body-count": "x"}))
        )
        self.assertEqual(broken.status_code, 400)
        self.assertEqual(self.page.revisions.count(), revisions)

    def test_an_autosave_without_management_data_gets_a_json_error(self):
        pairs = browser_form(self.client.get(edit_url(self.page)))
        response = self.client.post(
            edit_url(self.page),
            as_post_data(with_values(pairs, **{"body-count": None})),
            headers={"accept": "application/json"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(response.json()["success"])
        self.assertIn("Verwaltungsdaten für „body“ fehlen", response.json()["error_message"])

    def test_a_create_without_management_data_is_a_bad_request(self):
        url = reverse("wagtailadmin_pages:add", args=("news", "newspage", self.tree.news.pk))
        pairs = browser_form(self.client.get(url))
        pairs = with_values(pairs, title="Neue Meldung", slug="neue-meldung", teaser="Kurz.")
        response = self.client.post(url, as_post_data(with_values(pairs, **{"body-count": None})))
        self.assertEqual(response.status_code, 400)
        self.assertFalse(NewsPage.objects.filter(slug="neue-meldung").exists())
        complete = self.client.post(url, as_post_data(pairs))
        self.assertEqual(complete.status_code, 302)
        self.assertTrue(NewsPage.objects.filter(slug="neue-meldung").exists())
