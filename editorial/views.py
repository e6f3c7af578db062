"""The review list ("Prüfliste"): what waits for a moderator, and what an editor
has submitted. Used by the admin view and by the dashboard panel
(editorial/wagtail_hooks.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import (
    AbstractGroupApprovalTask,
    Page,
    Task,
    TaskState,
    WorkflowState,
)

from .decisions import ACTIONS, KINDS, DecisionRefused, decide_item
from .states import PageState, page_state
from .translations import save_translation_draft, start_or_resume_workflow
from .wagtail_hooks_permissions import synced_translation

# Depth of a section page: root (1) → a locale's HomePage (2) → section (3).
SECTION_DEPTH = 3


def is_reviewer(user: AbstractBaseUser) -> bool:
    """Superusers and members of a group that approves in an active review step."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    group_ids = set(user.groups.values_list("pk", flat=True))
    if not group_ids:
        return False
    for task in Task.objects.filter(active=True).specific():
        if (
            isinstance(task, AbstractGroupApprovalTask)
            and task.groups.filter(pk__in=group_ids).exists()
        ):
            return True
    return False


def age_label(since: dt.datetime, now: dt.datetime | None = None) -> str:
    """ "seit heute", "seit 1 Tag", "seit 3 Tagen" (calendar days in the site's time zone)."""
    now = now or timezone.now()
    days = (timezone.localdate(now) - timezone.localdate(since)).days
    if days <= 0:
        return _("seit heute")
    return ngettext("seit %(count)d Tag", "seit %(count)d Tagen", days) % {"count": days}


def user_label(user: AbstractBaseUser | None) -> str:
    if user is None:
        return _("unbekannt")
    return user.get_full_name().strip() or user.get_username()


def publicly_submitted(page_ids: Iterable[int]) -> set[int]:
    """The ids among ``page_ids`` of pages created from a public submission to the
    Praxisdatenbank (practice.Submission, without an account): one query."""
    submission = apps.get_model("practice", "Submission")
    return set(
        submission.objects.filter(page_id__in=list(page_ids)).values_list("page_id", flat=True)
    )


def sections_for(pages: Iterable[Page]) -> dict[int, str]:
    """The top-level section under the locale's home page (e.g. "Aktuelles") per page id."""
    steplen = Page.steplen
    paths = {page.pk: page.path[: steplen * SECTION_DEPTH] for page in pages}
    wanted = {path for path in paths.values() if len(path) == steplen * SECTION_DEPTH}
    titles = dict(Page.objects.filter(path__in=wanted).values_list("path", "title"))
    home = _("Startseite")
    return {pk: titles.get(path, home) for pk, path in paths.items()}


@dataclass
class ReviewRow:
    page: Page
    state: PageState
    section: str
    author: str
    submitted_at: dt.datetime
    age: str
    workflow: str
    task: str
    status: str
    comment: str
    edit_url: str
    task_state_id: int | None
    can_decide: bool
    locale: str

    @property
    def decision_item(self) -> str:
        return f"page:{self.task_state_id}"

    @property
    def decision_key(self) -> str:
        return f"page-{self.task_state_id}"


def _page_content_type() -> ContentType:
    return ContentType.objects.get_for_model(Page)


def _pages_by_id(workflow_states: Iterable[WorkflowState]) -> dict[int, Page]:
    ids = {int(state.object_id) for state in workflow_states}
    pages = (
        Page.objects.filter(pk__in=ids)
        .select_related("locale")
        .prefetch_workflow_states()
        .annotate_approved_schedule()
    )
    return {page.pk: page for page in pages}


def _rows(
    items: list[tuple[WorkflowState, TaskState | None]],
    user: AbstractBaseUser,
    with_actions: bool,
) -> list[ReviewRow]:
    pages = _pages_by_id(state for state, _task_state in items)
    sections = sections_for(pages.values())
    # Asked only for rows without a requesting account (a public submission's).
    public = publicly_submitted(
        int(state.object_id) for state, _task_state in items if state.requested_by_id is None
    )
    now = timezone.now()
    rows = []
    for workflow_state, task_state in items:
        page = pages.get(int(workflow_state.object_id))
        if page is None:
            continue
        can_decide = with_actions and task_state is not None
        comment = ""
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES and task_state is not None:
            comment = task_state.comment or ""
        rows.append(
            ReviewRow(
                page=page,
                state=page_state(page),
                section=sections[page.pk],
                author=_("Öffentliche Einreichung")
                if page.pk in public
                else user_label(workflow_state.requested_by),
                submitted_at=workflow_state.created_at,
                age=age_label(workflow_state.created_at, now),
                workflow=workflow_state.workflow.name,
                task=task_state.task.name if task_state is not None else "",
                status=str(workflow_state.get_status_display()),
                comment=comment,
                edit_url=reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                task_state_id=task_state.pk if task_state is not None else None,
                can_decide=can_decide,
                locale=page.locale.get_display_name(),
            )
        )
    return rows


def awaiting_review(user: AbstractBaseUser, limit: int | None = None) -> list[ReviewRow]:
    """Pages whose current review step ``user`` may decide, longest waiting first."""
    task_states = (
        TaskState.objects.reviewable_by(user)
        .filter(
            workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
            workflow_state__base_content_type=_page_content_type(),
        )
        .select_related("task", "workflow_state__workflow", "workflow_state__requested_by")
        .order_by("workflow_state__created_at", "pk")
    )
    if limit is not None:
        task_states = task_states[:limit]
    items = [(task_state.workflow_state, task_state) for task_state in task_states]
    return _rows(items, user, with_actions=True)


def my_submissions(user: AbstractBaseUser, limit: int = 50) -> list[ReviewRow]:
    """The pages ``user`` submitted, newest first: in review, sent back, approved."""
    workflow_states = (
        WorkflowState.objects.filter(
            requested_by=user,
            base_content_type=_page_content_type(),
        )
        .exclude(status=WorkflowState.STATUS_CANCELLED)
        .select_related(
            "workflow", "requested_by", "current_task_state", "current_task_state__task"
        )
        .order_by("-created_at", "-pk")[:limit]
    )
    items = [(state, state.current_task_state) for state in workflow_states]
    return _rows(items, user, with_actions=False)


@dataclass
class MaterialRow:
    material: Any
    author: str
    submitted_at: dt.datetime | None
    age: str
    review_url: str

    @property
    def decision_item(self) -> str:
        return f"material:{self.material.pk}"

    @property
    def decision_key(self) -> str:
        return f"material-{self.material.pk}"


def material_rows(user: AbstractBaseUser, next_url: str = "") -> list[MaterialRow]:
    """New or replaced materials ``user`` may decide, longest waiting first."""
    from materials.moderation import pending_materials

    now = timezone.now()
    query = "?" + urlencode({"next": next_url}) if next_url else ""
    rows = []
    for material in pending_materials(user):
        submitted_at = material.submitted_at or material.created_at
        rows.append(
            MaterialRow(
                material=material,
                author=user_label(material.submitted_by or material.uploaded_by_user),
                submitted_at=submitted_at,
                age=age_label(submitted_at, now) if submitted_at else "",
                review_url=reverse("materials_review", args=(material.pk,)) + query,
            )
        )
    return rows


@dataclass
class KeywordRow:
    keyword: Any
    pages: list[str]

    @property
    def decision_item(self) -> str:
        return f"keyword:{self.keyword.pk}"

    @property
    def decision_key(self) -> str:
        return f"keyword-{self.keyword.pk}"


def keyword_rows(user: AbstractBaseUser) -> list[KeywordRow]:
    """Proposed keywords ``user`` may decide, with the pages that use them (one
    query per tagged page type)."""
    from home.moderation import TAGGED_PAGE_MODELS, pending_keywords

    keywords = list(pending_keywords(user))
    pages: dict[int, list[str]] = {keyword.pk: [] for keyword in keywords}
    for label in TAGGED_PAGE_MODELS:
        model = apps.get_model(label)
        used = model.objects.filter(tagged_items__tag__in=keywords).values_list(
            "tagged_items__tag_id", "title"
        )
        for keyword_id, title in used:
            pages[keyword_id].append(title)
    return [KeywordRow(keyword, sorted(pages[keyword.pk])) for keyword in keywords]


class ReviewListView(WagtailAdminTemplateMixin, TemplateView):
    """`/admin/pruefliste/`: for moderators everything awaiting their review; for
    everyone their own submissions and what became of them."""

    template_name = "editorial/review_list.html"
    page_title = gettext_lazy("Prüfliste")
    header_icon = "tasks"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        reviewer = is_reviewer(user)
        context["is_reviewer"] = reviewer
        context["review_rows"] = awaiting_review(user) if reviewer else []
        context["keyword_rows"] = keyword_rows(user)
        context["material_rows"] = material_rows(user, self.request.get_full_path())
        context["submission_rows"] = my_submissions(user)
        context["decide_url"] = reverse("editorial_decide")
        context["next"] = self.request.get_full_path()
        return context


class DecideView(View):
    """`/admin/pruefliste/entscheiden/` (POST): the Prüfliste's and the dashboard's
    buttons. ``approve=<kind>:<id>`` or ``reject=<kind>:<id>`` (with
    ``comment-<kind>-<id>``) decide one waiting thing (a page's review step, a
    material, a keyword: editorial.decisions.KINDS); ``bulk_approve`` approves
    everything named in ``selected``. A refused decision is reported and the others
    still happen. Malformed input is a 400."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        decisions = self.requested_decisions(request)
        if decisions is None:
            return HttpResponseBadRequest(
                _("Ungültige Anfrage: „Freigeben“ oder „Zurückweisen“ für einen Eintrag wählen.")
            )
        if not decisions:
            messages.warning(request, _("Bitte wählen Sie mindestens einen Eintrag aus."))
        for kind, pk, action in decisions:
            comment = request.POST.get(f"comment-{kind}-{pk}", "")
            try:
                message = decide_item(kind, pk, request.user, action, comment)
            except DecisionRefused as refusal:
                messages.error(request, str(refusal))
                continue
            messages.success(request, message)
        return redirect(self.next_url(request))

    @staticmethod
    def parse_item(value: str) -> tuple[str, int]:
        """ "page:12" -> ("page", 12); ValueError for anything else."""
        kind, _sep, pk = value.partition(":")
        if kind not in KINDS:
            raise ValueError(value)
        return kind, int(pk)

    @classmethod
    def requested_decisions(cls, request: HttpRequest) -> list[tuple[str, int, str]] | None:
        """[(kind, id, action)], or None if the request names no valid decision."""
        try:
            if "bulk_approve" in request.POST:
                items = [cls.parse_item(value) for value in request.POST.getlist("selected")]
                return [(kind, pk, "approve") for kind, pk in dict.fromkeys(items)]
            for action in ACTIONS:
                if action in request.POST:
                    return [(*cls.parse_item(request.POST[action]), action)]
        except (TypeError, ValueError):
            return None
        return None

    @staticmethod
    def next_url(request: HttpRequest) -> str:
        return get_valid_next_url_from_request(request) or reverse("editorial_review_list")


# -- submitting a page (e.g. a translation) for review ------------------------------


def submit_refusal(page: Page, user: AbstractBaseUser) -> str:
    """Why ``page`` cannot be submitted for review now, or "" if it can.

    Raises nothing; a user without edit rights is refused by the view (403)."""
    if page.workflow_in_progress:
        return _("„%(title)s“ ist bereits in Prüfung.") % {"title": page.get_admin_display_title()}
    if page.get_workflow() is None:
        return _("Für „%(title)s“ ist keine Freigabe vorgesehen.") % {
            "title": page.get_admin_display_title()
        }
    if page.permissions_for_user(user).page_locked():
        return _("„%(title)s“ ist gesperrt und kann nicht eingereicht werden.") % {
            "title": page.get_admin_display_title()
        }
    if not page.has_unpublished_changes or page.get_latest_revision() is None:
        return _(
            "„%(title)s“ hat keine unveröffentlichten Änderungen, die geprüft werden könnten."
        ) % {"title": page.get_admin_display_title()}
    return ""


def can_submit_for_review(page: Page, user: AbstractBaseUser) -> bool:
    """Whether the "Zur Prüfung einreichen" button is shown for ``page``."""
    if not page.has_unpublished_changes or page.is_root():
        return False
    if not page.permissions_for_user(user).can_edit():
        return False
    return not submit_refusal(page, user)


class SubmitForReviewView(WagtailAdminTemplateMixin, TemplateView):
    """`/admin/pruefliste/einreichen/<page_id>/`: starts the page's workflow on its
    latest revision. Meant for translations, whose editor (wagtail-localize) offers
    only "save draft" and "publish"; works for any page with unpublished changes."""

    template_name = "editorial/submit_for_review.html"
    page_title = gettext_lazy("Zur Prüfung einreichen")
    header_icon = "resubmit"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        if not self.page.permissions_for_user(request.user).can_edit():
            # A real 403 (Wagtail would turn PermissionDenied into a redirect to the dashboard).
            refusal = _("Sie dürfen „%(title)s“ nicht bearbeiten und daher nicht einreichen.") % {
                "title": self.page.get_admin_display_title()
            }
            return self.render_to_response(
                self.get_context_data(refusal=refusal, forbidden=True), status=403
            )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def next_url(self) -> str:
        return get_valid_next_url_from_request(self.request) or reverse(
            "wagtailadmin_explore", args=(self.page.get_parent().pk,)
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        workflow = self.page.get_workflow()
        context.update(
            page=self.page,
            refusal=kwargs.get("refusal", submit_refusal(self.page, self.request.user)),
            workflow=workflow,
            locale_name=self.page.locale.get_display_name(),
            next=self.next_url(),
            edit_url=reverse("wagtailadmin_pages:edit", args=(self.page.pk,)),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            with transaction.atomic():
                # One submission at a time per page: a double click must not start two
                # workflows.
                page = Page.objects.select_for_update().get(pk=self.page.pk).specific
                refusal = submit_refusal(page, request.user)
                if not refusal:
                    translation = synced_translation(page)
                    if translation is not None:
                        # The translator's latest strings become the revision under review
                        # (a live translation's public content stays as approved).
                        page = save_translation_draft(translation, request.user)
                    workflow = page.get_workflow()
                    start_or_resume_workflow(page, workflow, request.user)
        except ValidationError:
            refusal = _(
                "Die Übersetzung enthält noch Fehler; bitte korrigieren Sie sie vor dem Einreichen."
            )
        if refusal:
            messages.error(request, refusal)
            return self.render_to_response(self.get_context_data(refusal=refusal), status=400)
        messages.success(
            request,
            _(
                "„%(title)s“ (%(locale)s) wurde zur Prüfung eingereicht (%(workflow)s). "
                "Veröffentlicht wird sie, sobald die Moderation sie freigibt."
            )
            % {
                "title": page.get_admin_display_title(),
                "locale": page.locale.get_display_name(),
                "workflow": workflow.name,
            },
            buttons=[
                messages.button(
                    reverse("wagtailadmin_pages:edit", args=(page.pk,)), _("Bearbeiten")
                )
            ],
        )
        return redirect(self.next_url())
