"""Translations under moderation: the actions of wagtail-localize's translation editor.

wagtail-localize takes over the page editor of every synced translation and draws
its own footer (React), whose last action is the primary button: for an editor who
cannot publish that is "Löschen" or "Synchronisierte Übersetzung stoppen", and
there is no way to submit. The project hides that footer and renders this one
(editorial/templates/wagtail_localize/admin/edit_translation.html): "Zur Prüfung
einreichen" is the primary action, a moderator deciding a translation in review
gets "Freigeben" and "Zurückweisen", destructive actions only sit in the menu.
The editor's POSTs are handled here (called from the before_edit_page hook in
editorial/wagtail_hooks_permissions.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin import messages
from wagtail.models import Page, Revision, TaskState, Workflow, WorkflowState
from wagtail_localize.models import Translation

PUBLISH_TRANSLATION_DENIED = gettext_lazy(
    "Übersetzungen veröffentlicht die Moderation. Reichen Sie die Übersetzung "
    "stattdessen zur Prüfung ein."
)
TRANSLATION_ERRORS = gettext_lazy(
    "Die Übersetzung enthält noch Fehler; bitte korrigieren Sie sie vor dem Einreichen."
)
REJECT_DIALOG_ID = "editorial-reject-translation"


def synced_translation(page: Page) -> Translation | None:
    """The wagtail-localize translation record whose target is ``page``, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


# -- saving a draft -------------------------------------------------------------------


def save_translation_draft(translation: Translation, user: AbstractBaseUser | None) -> Page:
    """wagtail-localize's ``save_target(publish=False)``, without touching the live page.

    wagtail-localize writes the translated fields into the page's row before saving
    the revision. For a live page that row is what the public sees, so its "draft"
    would be public at once. The live content is put back from the live revision;
    the new revision stays the latest, unpublished one. Returns the page, fresh."""
    page = translation.get_target_instance()
    live_revision: Revision | None = None
    if isinstance(page, Page) and page.live:
        page = page.specific
        live_revision = page.live_revision or page.save_revision(log_action=False, clean=False)
    with transaction.atomic():
        translation.save_target(user=user, publish=False)
        page = Page.objects.get(pk=page.pk).specific
        if live_revision is not None:
            draft = page.get_latest_revision()
            live = live_revision.as_object()
            live.latest_revision = draft
            live.draft_title = draft.object_str
            live.has_unpublished_changes = True
            live.save(clean=False)
            page = Page.objects.get(pk=page.pk).specific
    return page


def start_or_resume_workflow(page: Page, workflow: Workflow, user: AbstractBaseUser) -> None:
    """Submit ``page``: resume the workflow that sent it back, or start ``workflow``
    (Wagtail allows one unfinished workflow per page)."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        workflow.start(page, user)


# -- the editor's POST actions --------------------------------------------------------


def _back_to_editor(page: Page) -> HttpResponse:
    return redirect("wagtailadmin_pages:edit", page.pk)


def _label(page: Page) -> dict[str, str]:
    return {"title": page.get_admin_display_title(), "locale": page.locale.get_display_name()}


def submit_translation_for_review(
    request: HttpRequest, page: Page, translation: Translation
) -> HttpResponse:
    """Save the translator's strings as a draft revision and start (or resume, after a
    rejection) the page's workflow."""
    page = page.specific
    if page.workflow_in_progress:
        messages.warning(request, _("Diese Übersetzung ist bereits in Prüfung."))
        return _back_to_editor(page)
    workflow = page.get_workflow()
    if workflow is None:
        messages.error(request, _("Für diese Seite ist kein Freigabe-Workflow eingerichtet."))
        return _back_to_editor(page)
    try:
        with transaction.atomic():
            page = save_translation_draft(translation, request.user)
            start_or_resume_workflow(page, workflow, request.user)
    except ValidationError:
        messages.error(request, TRANSLATION_ERRORS)
        return _back_to_editor(page)
    messages.success(
        request, _("„%(title)s“ (%(locale)s) wurde zur Prüfung eingereicht.") % _label(page)
    )
    return _back_to_editor(page)


def save_draft(request: HttpRequest, page: Page, translation: Translation) -> HttpResponse:
    """ "Entwurf speichern": the strings become the latest revision, nothing goes live."""
    if page.workflow_in_progress:
        # A new revision would restart the review (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT)
        # or slip into what the moderator approves.
        messages.error(
            request, _("Diese Übersetzung ist in Prüfung und kann jetzt nicht gespeichert werden.")
        )
        return _back_to_editor(page)
    try:
        page = save_translation_draft(translation, request.user)
    except ValidationError:
        messages.error(request, TRANSLATION_ERRORS)
        return _back_to_editor(page)
    messages.success(request, _("Entwurf von „%(title)s“ (%(locale)s) gespeichert.") % _label(page))
    return _back_to_editor(page)


def decide(request: HttpRequest, page: Page, action: str) -> HttpResponse:
    """ "Freigeben" or "Zurückweisen" in the translation editor: the current workflow
    step, through its task (the same as Wagtail's workflow action URL)."""
    page = page.specific
    task_state = page.current_workflow_task_state
    if not page.workflow_in_progress or task_state is None:
        messages.error(request, _("Diese Übersetzung ist nicht in Prüfung."))
        return _back_to_editor(page)
    task = task_state.task.specific
    if action not in {name for name, _label, _modal in task.get_actions(page, request.user)}:
        messages.error(request, _("Sie dürfen über diese Übersetzung nicht entscheiden."))
        return _back_to_editor(page)
    data = {}
    form_class = task.get_form_for_action(action)
    if form_class is not None:
        form = form_class({"comment": request.POST.get("comment", "")})
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return _back_to_editor(page)
        data = form.cleaned_data
    try:
        task.on_action(task_state, request.user, action, **data)
    except PermissionDenied:
        messages.error(request, _("Über diesen Prüfschritt wurde bereits entschieden."))
        return _back_to_editor(page)
    page = Page.objects.get(pk=page.pk).specific
    if action == "reject":
        text = _("„%(title)s“ (%(locale)s) wurde zurückgewiesen.")
    elif page.workflow_in_progress:
        text = _("„%(title)s“ (%(locale)s) wurde freigegeben; der nächste Prüfschritt folgt.")
    else:
        text = _("„%(title)s“ (%(locale)s) wurde freigegeben und veröffentlicht.")
    messages.success(request, text % _label(page))
    return _back_to_editor(page)


def handle_editor_post(
    request: HttpRequest, page: Page, translation: Translation
) -> HttpResponse | None:
    """The translation editor's POST: None lets wagtail-localize handle it."""
    perms = page.permissions_for_user(request.user)
    if request.POST.get("action") == "publish" and not perms.can_publish():
        messages.error(request, PUBLISH_TRANSLATION_DENIED)
        return _back_to_editor(page)
    if request.POST.get("action-submit"):
        if not perms.can_submit_for_moderation():
            messages.error(request, _("Sie dürfen diese Übersetzung nicht einreichen."))
            return _back_to_editor(page)
        return submit_translation_for_review(request, page, translation)
    if request.POST.get("action-draft"):
        return save_draft(request, page, translation)
    if action := request.POST.get("workflow-action-name"):
        return decide(request, page, action)
    return None


# -- the editor's footer --------------------------------------------------------------


@dataclass(frozen=True)
class EditorAction:
    """One button or link of the translation editor's footer.

    A button with ``name`` posts the editor's form to the edit URL; with ``url`` and
    ``post`` it posts to that URL; ``url`` alone is a link; ``dialog`` opens a dialog."""

    label: str
    icon: str
    name: str = ""
    value: str = "1"
    url: str = ""
    post: bool = False
    dialog: str = ""
    destructive: bool = False


@dataclass
class EditorFooter:
    edit_url: str
    primary: EditorAction | None
    more: list[EditorAction] = field(default_factory=list)
    preview_url: str = ""
    status: str = ""
    reject_dialog_id: str = ""


def _deletion_refusal(user: AbstractBaseUser, page: Page) -> str | None:
    from .wagtail_hooks_permissions import deletion_refusal  # imports this module

    return deletion_refusal(user, page)


def _can_convert_to_alias(page: Page, translation: Translation) -> bool:
    """wagtail-localize offers it when the source page is the original of the tree."""
    try:
        source = translation.source.get_source_instance()
    except ObjectDoesNotExist:
        return False
    return page.alias_of_id is None and source.pk != page.pk


def editor_footer(user: AbstractBaseUser, page: Page, translation: Translation) -> EditorFooter:
    """The translation editor's actions for ``user``: primary first, the rest in the menu."""
    page = page.specific
    perms = page.permissions_for_user(user)
    locale = page.locale.get_display_name()
    footer = EditorFooter(
        edit_url=reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        primary=None,
        preview_url=reverse("wagtail_localize:preview_translation", args=(translation.pk,)),
    )
    task_state: TaskState | None = page.current_workflow_task_state
    if page.workflow_in_progress and task_state is not None:
        task = task_state.task.specific
        actions = {name for name, _label, _modal in task.get_actions(page, user)}
        if "approve" in actions:
            footer.primary = EditorAction(
                _("Freigeben"), "check", name="workflow-action-name", value="approve"
            )
        if "reject" in actions:
            footer.reject_dialog_id = REJECT_DIALOG_ID
            footer.more.append(EditorAction(_("Zurückweisen"), "cross", dialog=REJECT_DIALOG_ID))
        if not actions:
            footer.status = _("In Prüfung bei „%(task)s“: die Moderation entscheidet.") % {
                "task": task_state.task.name
            }
        return footer
    if perms.page_locked():
        footer.status = _("Diese Übersetzung ist gesperrt.")
        return footer

    submit = EditorAction(_("Zur Prüfung einreichen"), "resubmit", name="action-submit")
    draft = EditorAction(_("Entwurf speichern"), "draft", name="action-draft")
    publish = EditorAction(
        _("Veröffentlichen in %(locale)s") % {"locale": locale},
        "upload",
        name="action",
        value="publish",
    )
    secondary = [draft]
    if perms.can_submit_for_moderation():
        footer.primary = submit
    elif perms.can_publish():
        footer.primary, publish = publish, None
    else:
        footer.primary, secondary = draft, []
    if publish is not None and perms.can_publish():
        secondary.append(publish)
    if page.live and perms.can_unpublish():
        secondary.append(
            EditorAction(
                _("Zurückziehen"),
                "download",
                url=reverse("wagtailadmin_pages:unpublish", args=(page.pk,)),
                destructive=True,
            )
        )
    if perms.can_publish() and _can_convert_to_alias(page, translation):
        secondary.append(
            EditorAction(
                _("In Alias umwandeln"),
                "link",
                url=reverse("wagtail_localize:convert_to_alias", args=(page.pk,)),
                destructive=True,
            )
        )
    secondary.append(
        EditorAction(
            _("Synchronisierte Übersetzung stoppen"),
            "cross",
            url=reverse("wagtail_localize:stop_translation", args=(translation.pk,)),
            post=True,
            destructive=True,
        )
    )
    if perms.can_delete() and not _deletion_refusal(user, page):
        secondary.append(
            EditorAction(
                _("Löschen"),
                "bin",
                url=reverse("wagtailadmin_pages:delete", args=(page.pk,)),
                destructive=True,
            )
        )
    footer.more = secondary
    return footer
