"""The moderation task used by every editorial workflow."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask, TaskState


class RejectionCommentForm(TaskStateCommentForm):
    """Asks the moderator why the page goes back to its author."""

    comment = forms.CharField(
        label=_("Begründung für die Autorin oder den Autor"),
        required=True,
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": _("Bitte begründen Sie die Zurückweisung.")},
    )

    def clean_comment(self) -> str:
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(_("Bitte begründen Sie die Zurückweisung."))
        return comment


class RejectionWithoutCommentError(ValueError):
    """A rejection reached the task without the comment the author needs."""


class ModerationTask(AbstractGroupApprovalTask):
    """One review step: members of the chosen groups approve (the page goes live)
    or send it back to the author with a required comment ("zurückweisen")."""

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("Zurückweisen"), True),
                ("approve", _("Freigeben"), False),
                ("approve", _("Freigeben mit Kommentar"), True),
            ]
        return []

    def get_form_for_action(self, action):
        if action == "reject":
            return RejectionCommentForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The page editor passes the modal's data straight through, without the
        # form; refuse a rejection the author could not learn anything from.
        if action_name == "reject" and not str(kwargs.get("comment") or "").strip():
            raise RejectionWithoutCommentError("A rejection needs a comment.")
        with transaction.atomic():
            # Two moderators deciding at once: the row lock makes the second wait
            # (PostgreSQL); it then finds the step decided and is refused as Wagtail
            # refuses a stale step, so there is exactly one decision and at most
            # one published revision.
            still_open = (
                TaskState.objects.select_for_update()
                .filter(pk=task_state.pk, status=TaskState.STATUS_IN_PROGRESS)
                .exists()
            )
            if not still_open:
                raise PermissionDenied
            return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Mitglieder der gewählten Gruppen geben frei oder weisen mit Begründung zurück.")

    class Meta:
        verbose_name = _("Redaktionelle Prüfung")
        verbose_name_plural = _("Redaktionelle Prüfungen")
