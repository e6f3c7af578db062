"""Helpers for the editorial UI tests (states, review list, notifications,
concurrency, scheduling). Kept out of conftest.py, which the roles tests own."""

from __future__ import annotations

from smtplib import SMTPException

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from wagtail import hooks
from wagtail.models import Page, TaskState

from editorial.roles import ADMINISTRATION, MODERATION, REDAKTION
from editorial.setup import apply_editorial_setup
from tests.factories import SiteTree, build_tree

PASSWORD = "ui-test-passwort"


def ui_site() -> SiteTree:
    """The smallest tree plus the declared groups, rights and workflows."""
    tree = build_tree()
    apply_editorial_setup()
    # The admin loads wagtail_hooks modules on its first request; tests that act
    # on models directly need the same receivers (editorial/notifications.py).
    hooks.search_for_hooks()
    return tree


def ui_user(username: str, *group_names: str, superuser: bool = False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        first_name=username.capitalize(),
        is_superuser=superuser,
    )
    for name in group_names:
        user.groups.add(Group.objects.get(name=name))
    return user


def ui_team() -> dict[str, object]:
    return {
        "redaktion": ui_user("redakteurin", REDAKTION),
        "moderation": ui_user("moderator", MODERATION),
        "moderation2": ui_user("moderatorin", MODERATION),
        "administration": ui_user("admina", ADMINISTRATION),
    }


def ui_submit(page: Page, user) -> TaskState:
    """Submit ``page`` for approval as ``user``; returns the current task state."""
    page.save_revision(user=user)
    workflow = page.get_workflow()
    assert workflow is not None, "apply_editorial_setup assigns the workflows"
    state = workflow.start(page, user)
    return state.current_task_state


def workflow_action_url(page: Page, action: str, task_state: TaskState) -> str:
    """The admin URL that takes ``action`` ("approve", "reject") on ``page``'s task."""
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


class FailingOpenBackend(BaseEmailBackend):
    """A mail server that refuses the login: open() raises."""

    def open(self):
        raise SMTPException("535 Authentication failed")

    def send_messages(self, email_messages):
        self.open()
        return 0


class FailingSendBackend(BaseEmailBackend):
    """A mail server that accepts the connection but fails every message."""

    def send_messages(self, email_messages):
        raise SMTPException("451 Temporary local problem")
