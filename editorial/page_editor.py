"""Decisions and saves in Wagtail's page editor.

- A moderator's "Freigeben" / "Zurückweisen" in the editor decides on the
  revision the moderator saw. Wagtail saves a new revision first whenever the
  form reports a change, and Django reports one for every field with a callable
  default (the news date) and for rich text without block keys; with
  ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` that restarted the workflow at
  its first step on every approval. Here a revision is saved only for a real
  edit, and the decision is recorded on the revision shown in the editor. An
  edit still counts: a step that approved an older revision is asked again.
- A page form POST without the management data of a StreamField or inline
  panel (``body-count``, ``…-TOTAL_FORMS``) is answered with 400, not a 500.

Hooked in through ``before_edit_page`` / ``before_create_page``; imported by
editorial/concurrency.py, whose stale-save guard runs before the decision."""

from __future__ import annotations

import json
import re
from typing import Any

from django import forms
from django.db import transaction
from django.forms.formsets import ManagementForm
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.blocks.base import BlockField
from wagtail.models import Page

from .decisions import decision_message, outcome

# Draftail's block keys change when rich text without them is loaded; not content.
BLOCK_KEY = re.compile(r' data-block-key=\\?"[^"\\]*\\?"')


def edited_fields(form: forms.Form) -> list[str]:
    """The fields and inline panels whose submitted value differs from the
    revision the form was built from (``form.changed_data`` is too eager)."""
    changed = []
    for name in form.changed_data:
        field = form.fields[name]
        bound = form[name]
        if isinstance(field, BlockField):
            before = json.dumps(field.block.get_prep_value(bound.initial), sort_keys=True)
            after = json.dumps(field.block.get_prep_value(bound.data), sort_keys=True)
            if BLOCK_KEY.sub("", before) != BLOCK_KEY.sub("", after):
                changed.append(name)
        elif field.has_changed(bound.initial, bound.data):
            # Compared without Django's hidden "initial-…" input, which Wagtail's
            # panels never render (so fields with a callable default always differ).
            changed.append(name)
    changed += [name for name, formset in form.formsets.items() if formset.has_changed()]
    return changed


def missing_management_data(form_class: type[forms.Form], data, files) -> str | None:
    """The name of a StreamField or inline panel whose counters ``data`` lacks.
    Reads the counters the way the form would, without building it (no queries)."""
    for name, field in form_class.base_fields.items():
        if isinstance(field, BlockField):
            try:
                field.widget.value_from_datadict(data, files, name)  # "<name>-count" etc.
            except (KeyError, ValueError, TypeError):
                return name
    for prefix in form_class.formsets:
        # Wagtail's comments JS adds its formset only where comments are enabled;
        # without it Wagtail saves no comments, which is harmless.
        if prefix != "comments" and not ManagementForm(data, prefix=prefix).is_valid():
            return prefix
    return None


def incomplete_form_response(request: HttpRequest, name: str) -> HttpResponse:
    message = _(
        "Das Formular ist unvollständig: die Verwaltungsdaten für „%(name)s“ fehlen. "
        "Bitte laden Sie die Seite neu und speichern Sie erneut."
    ) % {"name": name}
    if not request.accepts("text/html"):  # autosave
        return JsonResponse(
            {"success": False, "error_code": "validation_error", "error_message": message},
            status=400,
        )
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


class ReviewEditView(EditView):
    """Wagtail's page editor, deciding a workflow step on what the moderator saw."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        raw = request.POST.get("workflow-action-extra-data", "{}")
        try:
            self.action_data = json.loads(raw)
        except ValueError:
            self.action_data = None
        if not isinstance(self.action_data, dict):
            return HttpResponseBadRequest(
                _("Ungültige Angaben zur Entscheidung."), content_type="text/plain; charset=utf-8"
            )
        return super().post(request, *args, **kwargs)

    def add_save_confirmation_message(self) -> None:
        """Say what the decision did ("freigegeben, nächster Schritt …",
        "zurückgewiesen"), not Wagtail's "wurde aktualisiert"."""
        decision = getattr(self, "decision", None)
        if decision is None:
            super().add_save_confirmation_message()
            return
        messages.success(
            self.request, decision_message(decision), buttons=[self.get_edit_message_button()]
        )

    def perform_workflow_action(self) -> HttpResponse:
        task = self.page.current_workflow_task
        task_state = self.page.current_workflow_task_state
        form_class = task.get_form_for_action(self.workflow_action)
        if form_class is not None:
            action_form = form_class(self.action_data)
            if not action_form.is_valid():
                # e.g. a rejection without the comment the author needs (today
                # enforce_moderation_on_edit answers that one first): nothing is saved
                # or decided; the editor shows why, with the moderator's text.
                for errors in action_form.errors.values():
                    for error in errors:
                        messages.error(self.request, error)
                self.has_unsaved_changes = True
                return self.render_to_response(self.get_context_data())
            self.action_data = action_form.cleaned_data

        self.has_content_changes = bool(edited_fields(self.form))
        with transaction.atomic():
            self.page = self.form.save(commit=not self.page.live)
            self.subscription.save()
            revision = self.latest_revision
            if self.has_content_changes:
                revision = self.page.save_revision(
                    user=self.request.user,
                    log_action=True,
                    previous_revision=self.previous_revision if self.is_reverting else None,
                )
                if "comments" in self.form.formsets:
                    changes = self.get_commenting_changes()
                    self.log_commenting_changes(changes, revision)
                    self.send_commenting_notifications(changes)
            if revision is not None and task_state.revision_id != revision.pk:
                # The moderator decides on the revision in front of them (an edit by
                # the author or their own autosave since the step began).
                task_state.revision = revision
                task_state.save(update_fields=["revision"])
            task.on_action(task_state, self.request.user, self.workflow_action, **self.action_data)
        self.decision = outcome(self.page, task_state.workflow_state, self.workflow_action)

        self.add_save_confirmation_message()
        response = self.run_hook("after_edit_page", self.request, self.page)
        if response:
            return response
        return self.redirect_away()


@hooks.register("before_create_page")
def refuse_incomplete_create(request: HttpRequest, parent_page: Page, page_class) -> Any:
    if request.method != "POST":
        return None
    form_class = page_class.get_edit_handler().get_form_class()
    name = missing_management_data(form_class, request.POST, request.FILES)
    return incomplete_form_response(request, name) if name else None


@hooks.register("before_edit_page", order=1)
def refuse_incomplete_edit(request: HttpRequest, page: Page) -> HttpResponse | None:
    """After wagtail-localize's hook (order 0), which answers the POSTs of its own
    translation editor; before the stale-save guard, which re-renders the form."""
    if request.method != "POST":
        return None
    form_class = page.specific_class.get_edit_handler().get_form_class()
    name = missing_management_data(form_class, request.POST, request.FILES)
    return incomplete_form_response(request, name) if name else None


@hooks.register("before_edit_page", order=10)
def decide_in_editor(request: HttpRequest, page: Page) -> HttpResponse | None:
    """Runs after the stale-save guard (editorial/concurrency.py, order 2)."""
    if (
        request.method != "POST"
        or not request.POST.get("action-workflow-action")
        or getattr(request, "_editorial_review_view", False)
    ):
        return None
    request._editorial_review_view = True
    return ReviewEditView.as_view()(request, **request.resolver_match.kwargs)
