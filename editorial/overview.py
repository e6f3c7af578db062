"""`/admin/rollen-und-workflows/`: the roles and workflows of editorial/roles.py as
the database holds them, read-only, for the Administration.

Wagtail's own group and workflow editors would let an administrator change what
`apply_editorial` owns (and resets on its next run), so they stay closed; this
page shows the same facts and says where they are changed. Memberships are data,
not code: the Administration manages them in Wagtail's user admin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, Group
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Workflow

from .roles import ADMINISTRATION, ROLES, is_regional_group_name
from .setup import editorial_drift


def may_view_overview(user: AbstractBaseUser) -> bool:
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=ADMINISTRATION).exists()
    )


@dataclass
class GroupRow:
    name: str
    description: str
    members: int
    members_url: str
    model_rights: list[str]
    page_rights: list[str]
    collection_rights: list[str]


@dataclass
class WorkflowRow:
    name: str
    active: bool
    steps: list[tuple[str, list[str]]]
    pages: list[str]


def _group_rows() -> list[GroupRow]:
    descriptions = {role.name: role.description for role in ROLES}
    groups = Group.objects.annotate(members=Count("user")).prefetch_related(
        "permissions__content_type"
    )
    page_rights: dict[int, set[str]] = {}
    for gpp in GroupPagePermission.objects.select_related("page__locale", "permission"):
        page_rights.setdefault(gpp.group_id, set()).add(
            f"{gpp.permission.codename} – {gpp.page.title} ({gpp.page.locale.language_code})"
        )
    collection_rights: dict[int, set[str]] = {}
    for gcp in GroupCollectionPermission.objects.select_related("collection", "permission"):
        collection_rights.setdefault(gcp.group_id, set()).add(
            f"{gcp.permission.codename} – {gcp.collection.name}"
        )
    rows = []
    for group in groups.order_by("name"):
        description = descriptions.get(group.name, "")
        if not description and is_regional_group_name(group.name):
            description = str(
                gettext_lazy("Wie die Redaktion, aber nur im Teilbaum der eigenen Region.")
            )
        rows.append(
            GroupRow(
                name=group.name,
                description=description,
                members=group.members,
                members_url=reverse("wagtailusers_users:index") + f"?group={group.pk}",
                model_rights=sorted(
                    f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
                ),
                page_rights=sorted(page_rights.get(group.pk, ())),
                collection_rights=sorted(collection_rights.get(group.pk, ())),
            )
        )
    return rows


def _workflow_rows() -> list[WorkflowRow]:
    rows = []
    workflows = Workflow.objects.prefetch_related(
        "workflow_tasks__task", "workflow_pages__page__locale"
    ).order_by("-active", "name")
    for workflow in workflows:
        steps = []
        for workflow_task in workflow.workflow_tasks.order_by("sort_order"):
            task = workflow_task.task.specific
            groups = sorted(
                group.name for group in getattr(task, "groups", Group.objects.none()).all()
            )
            steps.append((task.name, groups))
        pages = sorted(
            f"{link.page.title} ({link.page.locale.language_code})"
            for link in workflow.workflow_pages.all()
        )
        rows.append(WorkflowRow(workflow.name, workflow.active, steps, pages))
    return rows


class RolesOverviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/roles_overview.html"
    page_title = gettext_lazy("Rollen und Workflows")
    header_icon = "group"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_view_overview(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            groups=_group_rows(),
            workflows=_workflow_rows(),
            drift=editorial_drift(),
            users_url=reverse("wagtailusers_users:index"),
        )
        return context
