"""Workflow mails: moderators on submission, the author on approval and on
rejection (with the comment); a failing mail server never blocks a transition."""

from django.core import mail
from django.test import TestCase, override_settings

from wagtail.models import TaskState, WorkflowState

from tests.factories import StandardPageFactory

from .ui_support import ui_site, ui_submit, ui_team, workflow_action_url


class NotificationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()

    def setUp(self):
        self.page = StandardPageFactory(parent=self.tree.home, title="Unsere Vision", live=False)
        mail.outbox.clear()

    def act(self, task_state, user, action, **data):
        self.client.force_login(user)
        url = workflow_action_url(self.page, action, task_state)
        return self.client.post(url, data)

    def recipients(self):
        return sorted(address for message in mail.outbox for address in message.to)

    def test_submission_mails_the_moderators_not_the_author(self):
        ui_submit(self.page, self.team["redaktion"])
        recipients = self.recipients()
        self.assertIn("moderator@example.org", recipients)
        self.assertIn("moderatorin@example.org", recipients)
        self.assertIn("admina@example.org", recipients)  # Administration also approves
        self.assertNotIn("redakteurin@example.org", recipients)
        self.assertIn("Unsere Vision", mail.outbox[0].body)

    def test_approval_mails_the_author(self):
        task_state = ui_submit(self.page, self.team["redaktion"])
        mail.outbox.clear()
        response = self.act(task_state, self.team["moderation"], "approve")
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        self.assertTrue(self.page.live)
        self.assertEqual(self.recipients(), ["redakteurin@example.org"])
        self.assertIn("Unsere Vision", mail.outbox[0].subject)

    def test_rejection_mails_the_author_with_the_comment_in_german(self):
        task_state = ui_submit(self.page, self.team["redaktion"])
        mail.outbox.clear()
        comment = "Bitte die Quelle der Zahlen ergänzen."
        response = self.act(task_state, self.team["moderation"], "reject", comment=comment)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.recipients(), ["redakteurin@example.org"])
        message = mail.outbox[0]
        self.assertIn(comment, message.body)
        self.assertIn("Unsere Vision", message.subject)
        self.assertIn("abgelehnt", message.subject)  # Wagtail's German template
        self.assertIn("Hallo", message.body)


@override_settings(EMAIL_BACKEND="tests.editorial.ui_support.FailingOpenBackend")
class FailingMailServerTests(TestCase):
    """The SMTP login fails: Wagtail alone would raise out of the transition."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()

    def setUp(self):
        self.page = StandardPageFactory(parent=self.tree.home, title="Unsere Vision", live=False)

    def post(self, task_state, action, **data):
        self.client.force_login(self.team["moderation"])
        url = workflow_action_url(self.page, action, task_state)
        return self.client.post(url, data)

    def test_submit_completes_and_the_failure_is_logged(self):
        with self.assertLogs("editorial.notifications", level="ERROR") as logs:
            task_state = ui_submit(self.page, self.team["redaktion"])
        self.assertEqual(task_state.status, TaskState.STATUS_IN_PROGRESS)
        self.assertTrue(self.page.workflow_in_progress)
        self.assertIn("SMTPException", "\n".join(logs.output))

    def test_approve_completes_and_the_failure_is_logged(self):
        with self.assertLogs("editorial.notifications", level="ERROR"):
            task_state = ui_submit(self.page, self.team["redaktion"])
        with self.assertLogs("editorial.notifications", level="ERROR") as logs:
            response = self.post(task_state, "approve")
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        self.assertTrue(self.page.live)
        self.assertIn("approved", "\n".join(logs.output))

    def test_reject_completes_and_the_failure_is_logged(self):
        with self.assertLogs("editorial.notifications", level="ERROR"):
            task_state = ui_submit(self.page, self.team["redaktion"])
        with self.assertLogs("editorial.notifications", level="ERROR") as logs:
            response = self.post(task_state, "reject", comment="Zu lang.")
        self.assertEqual(response.status_code, 302)
        workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
        self.assertEqual(workflow_state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.assertIn("rejected", "\n".join(logs.output))


@override_settings(EMAIL_BACKEND="tests.editorial.ui_support.FailingSendBackend")
class FailingSendTests(TestCase):
    """The server accepts the connection but refuses the message: Wagtail logs it."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()

    def test_approve_completes(self):
        page = StandardPageFactory(parent=self.tree.home, title="Unsere Vision", live=False)
        with self.assertLogs("wagtail.admin", level="ERROR"):
            task_state = ui_submit(page, self.team["redaktion"])
        self.client.force_login(self.team["moderation"])
        url = workflow_action_url(page, "approve", task_state)
        with self.assertLogs("wagtail.admin", level="ERROR") as logs:
            response = self.client.post(url)
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertIn("Failed to send notification email", "\n".join(logs.output))
