"""Concurrent work loses nothing: a stale save is refused with the editor's text
kept; a task is approved once; an interrupted transition changes nothing."""

import threading
import time
from unittest import mock

import pytest

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import TestCase
from django.urls import reverse

from wagtail.models import PageLogEntry, TaskState, WorkflowState
from wagtail.signals import task_approved
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.factories import NewsPageFactory, StandardPageFactory

from .ui_support import (
    as_post_data,
    browser_form,
    ui_site,
    ui_submit,
    ui_team,
    with_values,
    workflow_action_url,
)


def news_form(page, teaser: str, loaded_revision) -> dict:
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": page.date.isoformat(),
            "author": page.author,
            "teaser": teaser,
            "body": streamfield([]),
            "tags": "",
            "region_links": inline_formset([]),
            "comments": inline_formset([]),
            "loaded_revision_id": loaded_revision.pk,
            "loaded_revision_created_at": loaded_revision.created_at.isoformat(),
        }
    )


class TwoEditorsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()
        cls.second_editor = cls.team["administration"]

    def test_second_save_with_a_stale_form_is_refused_and_keeps_the_text(self):
        page = NewsPageFactory(parent=self.tree.news, title="Fachtag", teaser="Alt.")
        opened = page.get_latest_revision()  # both editors open the same revision
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))

        self.client.force_login(self.team["redaktion"])
        first = self.client.post(url, news_form(page, "Text der ersten Redakteurin.", opened))
        self.assertEqual(first.status_code, 302)
        page.refresh_from_db()
        first_revision = page.get_latest_revision()
        self.assertNotEqual(first_revision.pk, opened.pk)

        self.client.force_login(self.second_editor)
        second = self.client.post(url, news_form(page, "Text der zweiten Person.", opened))
        self.assertEqual(second.status_code, 200)
        html = second.content.decode()
        self.assertIn("Die Seite wurde geändert, seit Sie sie geöffnet haben", html)
        self.assertIn("Text der zweiten Person.", html)  # kept in the form
        page.refresh_from_db()
        self.assertEqual(page.get_latest_revision().pk, first_revision.pk)
        self.assertEqual(
            page.get_latest_revision().as_object().teaser, "Text der ersten Redakteurin."
        )

        # The re-rendered form names the latest revision: saving again is deliberate.
        self.assertIn(f'name="loaded_revision_id" value="{first_revision.pk}"', html)
        third = self.client.post(url, news_form(page, "Text der zweiten Person.", first_revision))
        self.assertEqual(third.status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.get_latest_revision().as_object().teaser, "Text der zweiten Person.")

    def test_up_to_date_save_passes(self):
        page = NewsPageFactory(parent=self.tree.news, title="Werkstatt", teaser="Alt.")
        self.client.force_login(self.team["redaktion"])
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        response = self.client.post(url, news_form(page, "Neu.", page.get_latest_revision()))
        self.assertEqual(response.status_code, 302)


class TwoModeratorsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()

    def approve(self, moderator, page, task_state):
        self.client.force_login(moderator)
        url = workflow_action_url(page, "approve", task_state)
        return self.client.post(url, follow=True)

    def publish_count(self, page):
        return PageLogEntry.objects.filter(page=page, action="wagtail.publish").count()

    def test_the_same_task_is_approved_once(self):
        page = StandardPageFactory(parent=self.tree.home, title="Unterstützung", live=False)
        task_state = ui_submit(page, self.team["redaktion"])

        first = self.approve(self.team["moderation"], page, task_state)
        self.assertEqual(first.status_code, 200)
        second = self.approve(self.team["moderation2"], page, task_state)
        self.assertEqual(second.status_code, 200)
        self.assertContains(second, "wartet derzeit nicht auf")  # Wagtail's message

        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(self.publish_count(page), 1)
        task_state.refresh_from_db()
        self.assertEqual(task_state.finished_by, self.team["moderation"])

    def test_a_stale_step_of_the_news_workflow_is_not_approved_twice(self):
        page = NewsPageFactory(parent=self.tree.news, title="Meldung", live=False)
        first_step = ui_submit(page, self.team["redaktion"])
        self.approve(self.team["moderation"], page, first_step)
        workflow_state = WorkflowState.objects.get(pk=first_step.workflow_state_id)
        second_step = workflow_state.current_task_state
        self.assertNotEqual(second_step.pk, first_step.pk)

        # The other moderator still has the first step open and approves it too.
        response = self.approve(self.team["moderation2"], page, first_step)
        # Wagtail refuses it (TaskState.approve raises PermissionDenied, which the
        # admin turns into a redirect with its generic "no access" message).
        self.assertEqual(response.redirect_chain, [("/admin/", 302)])
        self.assertContains(response, "keinen Zugang")
        second_step.refresh_from_db()
        self.assertEqual(second_step.status, TaskState.STATUS_IN_PROGRESS)
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertEqual(self.publish_count(page), 0)


class InterruptedTransitionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()

    def test_failure_while_publishing_leaves_task_and_page_unchanged(self):
        page = StandardPageFactory(parent=self.tree.home, title="Vision", live=False)
        task_state = ui_submit(page, self.team["redaktion"])
        task = task_state.task.specific

        with (
            mock.patch(
                "wagtail.actions.publish_revision.PublishRevisionAction.execute",
                side_effect=RuntimeError("Festplatte voll"),
            ),
            self.assertRaises(RuntimeError),
        ):
            task.on_action(task_state, self.team["moderation"], "approve")

        task_state.refresh_from_db()
        self.assertEqual(task_state.status, TaskState.STATUS_IN_PROGRESS)
        self.assertIsNone(task_state.finished_by)
        workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
        self.assertEqual(workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertIsNone(page.live_revision)
        self.assertTrue(page.workflow_in_progress)

        # After the failure the moderator can simply approve again.
        task_state = TaskState.objects.get(pk=task_state.pk).specific
        task.on_action(task_state, self.team["moderation"], "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)


def autosave(client, url: str, pairs, revision_id=None):
    """One autosave as Wagtail's w-autosave controller sends it: the whole form as
    FormData, ``overwrite_revision_id`` once it has a revision, JSON accepted."""
    if revision_id is not None:
        pairs = with_values(pairs, overwrite_revision_id=str(revision_id))
    return client.post(url, as_post_data(pairs), headers={"accept": "application/json"})


class AutosaveThenSaveTests(TestCase):
    """Wagtail 8 autosaves the editor; the project's stale-save guard must not take
    the editor's own autosaves for someone else's change."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()

    def setUp(self):
        self.page = NewsPageFactory(parent=self.tree.news, title="Fachtag", teaser="Alt.")
        self.url = reverse("wagtailadmin_pages:edit", args=(self.page.pk,))

    def open_editor(self, user):
        self.client.force_login(user)
        return browser_form(self.client.get(self.url))

    def test_save_after_own_autosaves_is_no_conflict(self):
        form = self.open_editor(self.team["redaktion"])
        first = autosave(self.client, self.url, with_values(form, teaser="Entwurf eins."))
        self.assertEqual(first.status_code, 200, first.content[:300])
        revision_id = first.json()["revision_id"]
        second = autosave(
            self.client, self.url, with_values(form, teaser="Entwurf zwei."), revision_id
        )
        self.assertEqual(second.json()["revision_id"], revision_id)  # overwritten, not added

        saved = self.client.post(self.url, as_post_data(with_values(form, teaser="Endfassung.")))
        self.assertEqual(saved.status_code, 302)
        response = self.client.get(saved["Location"])
        self.assertNotContains(response, "Die Seite wurde geändert")
        self.page.refresh_from_db()
        self.assertEqual(self.page.get_latest_revision().as_object().teaser, "Endfassung.")

    def test_someone_elses_save_in_between_is_still_a_conflict(self):
        form = self.open_editor(self.team["redaktion"])
        first = autosave(self.client, self.url, with_values(form, teaser="Entwurf eins."))
        revision_id = first.json()["revision_id"]

        other_form = self.open_editor(self.second_editor)
        other = self.client.post(
            self.url, as_post_data(with_values(other_form, teaser="Text der Admina."))
        )
        self.assertEqual(other.status_code, 302)

        self.client.force_login(self.team["redaktion"])
        # Wagtail refuses the next autosave itself …
        refused = autosave(
            self.client, self.url, with_values(form, teaser="Entwurf zwei."), revision_id
        )
        self.assertEqual(refused.status_code, 400)
        self.assertEqual(refused.json()["error_code"], "invalid_revision")
        # … and the guard the editor's "Entwurf speichern".
        mine = "Entwurf zwei, von Hand gespeichert."
        saved = self.client.post(self.url, as_post_data(with_values(form, teaser=mine)))
        self.assertEqual(saved.status_code, 200)
        self.assertContains(saved, "Die Seite wurde geändert, seit Sie sie geöffnet haben")
        self.assertContains(saved, "Admina")
        self.assertContains(saved, mine)  # kept in the form
        self.page.refresh_from_db()
        self.assertEqual(self.page.get_latest_revision().as_object().teaser, "Text der Admina.")

    def test_someone_elses_autosave_in_between_is_a_conflict(self):
        form = self.open_editor(self.team["redaktion"])
        other_form = self.open_editor(self.second_editor)
        other = autosave(self.client, self.url, with_values(other_form, teaser="Admina tippt."))
        self.assertEqual(other.status_code, 200)

        self.client.force_login(self.team["redaktion"])
        saved = self.client.post(self.url, as_post_data(with_values(form, teaser="Meins.")))
        self.assertEqual(saved.status_code, 200)
        self.assertContains(saved, "Die Seite wurde geändert, seit Sie sie geöffnet haben")

    def test_someone_elses_autosave_over_the_loaded_revision_is_a_conflict(self):
        """The editor loads a revision that another person's open editor keeps
        autosaving into (same id, later time): saving is refused."""
        other_form = self.open_editor(self.second_editor)
        first = autosave(self.client, self.url, with_values(other_form, teaser="Admina eins."))
        revision_id = first.json()["revision_id"]

        form = self.open_editor(self.team["redaktion"])
        self.assertIn(("loaded_revision_id", str(revision_id)), form)
        self.client.force_login(self.second_editor)
        again = autosave(
            self.client, self.url, with_values(other_form, teaser="Admina zwei."), revision_id
        )
        self.assertEqual(again.json()["revision_id"], revision_id)  # overwritten in place

        self.client.force_login(self.team["redaktion"])
        saved = self.client.post(self.url, as_post_data(with_values(form, teaser="Meins.")))
        self.assertEqual(saved.status_code, 200)
        self.assertContains(saved, "Die Seite wurde geändert, seit Sie sie geöffnet haben")
        self.page.refresh_from_db()
        self.assertEqual(self.page.get_latest_revision().as_object().teaser, "Admina zwei.")

    @property
    def second_editor(self):
        return self.team["administration"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_moderators_approving_the_same_step_at_once_decide_once():
    """The row lock in ModerationTask.on_action under real concurrency: two
    threads, two database connections, the same task state. A receiver keeps the
    first approval's transaction open for a moment, so without the lock the
    second would read the step as still open and approve it a second time."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks: its writers are serialised (IMMEDIATE transactions)")
    tree = ui_site()
    team = ui_team()
    page = StandardPageFactory(parent=tree.home, title="Unterstützung", live=False)
    task_state_id = ui_submit(page, team["redaktion"]).pk
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def hold_the_transaction(**kwargs):
        time.sleep(0.5)

    def approve(moderator):
        try:
            task_state = TaskState.objects.get(pk=task_state_id).specific
            task = task_state.task.specific
            start.wait(timeout=10)
            task.on_action(task_state, moderator, "approve")
            outcomes.append("approved")
        except PermissionDenied:
            outcomes.append("refused")
        finally:
            connection.close()

    task_approved.connect(hold_the_transaction)
    try:
        threads = [
            threading.Thread(target=approve, args=(team[name],))
            for name in ("moderation", "moderation2")
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        task_approved.disconnect(hold_the_transaction)

    assert sorted(outcomes) == ["approved", "refused"]
    decisions = PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve")
    assert decisions.count() == 1
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1
    page.refresh_from_db()
    assert page.live
    assert TaskState.objects.filter(workflow_state__object_id=str(page.pk)).count() == 1
