"""Admin integration of the editorial workflow (issue #3):

- the "Prüfliste" (``/admin/pruefliste/``, menu item for moderators) and a
  dashboard panel: "Zur Prüfung" for moderators, "Meine Einreichungen" for editors;
- "Zur Prüfung einreichen" (``/admin/pruefliste/einreichen/<page_id>/``) in the
  page header and listing menus, for translations edited in wagtail-localize;
- (failure-safe workflow mails are installed in EditorialConfig.ready()).

The editorial state of each page (editorial/states.py) is shown by template
overrides in editorial/templates/wagtailadmin/ (page listings, edit header)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button
from wagtail.models import Page

from .overview import RolesOverviewView, may_view_overview
from .views import (
    DecideView,
    ReviewListView,
    SubmitForReviewView,
    awaiting_review,
    can_submit_for_review,
    is_reviewer,
    keyword_rows,
    material_rows,
    my_submissions,
)

PANEL_LIMIT = 10


@hooks.register("register_admin_urls")
def register_review_list_url() -> list[Any]:
    return [
        path("pruefliste/", ReviewListView.as_view(), name="editorial_review_list"),
        path("pruefliste/entscheiden/", DecideView.as_view(), name="editorial_decide"),
        path(
            "rollen-und-workflows/",
            RolesOverviewView.as_view(),
            name="editorial_roles_overview",
        ),
        path(
            "pruefliste/einreichen/<int:page_id>/",
            SubmitForReviewView.as_view(),
            name="editorial_submit_for_review",
        ),
    ]


def submit_for_review_buttons(
    page: Page, user: Any, view_name: str | None = None, next_url: str | None = None
) -> Iterator[Button]:
    """ "Zur Prüfung einreichen" in a page's header and listing menus, for a page with
    unpublished changes that is not in review: the way to submit a translation,
    whose editor (wagtail-localize) has no submit action."""
    if can_submit_for_review(page, user):
        url = reverse("editorial_submit_for_review", args=(page.pk,))
        if next_url:
            url += "?" + urlencode({"next": next_url})
        yield Button(_("Zur Prüfung einreichen"), url, icon_name="resubmit", priority=55)


hooks.register("register_page_header_buttons", submit_for_review_buttons)
hooks.register("register_page_listing_more_buttons", submit_for_review_buttons)


class ReviewListMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return is_reviewer(request.user)


@hooks.register("register_admin_menu_item")
def register_review_list_menu_item() -> MenuItem:
    return ReviewListMenuItem(
        gettext_lazy("Prüfliste"),
        reverse("editorial_review_list"),
        name="pruefliste",
        icon_name="tasks",
        order=250,
    )


class RolesOverviewMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return may_view_overview(request.user)


@hooks.register("register_settings_menu_item")
def register_roles_overview_menu_item() -> MenuItem:
    return RolesOverviewMenuItem(
        gettext_lazy("Rollen und Workflows"),
        reverse("editorial_roles_overview"),
        name="rollen-und-workflows",
        icon_name="group",
        order=90,
    )


class ReviewPanel(Component):
    """Dashboard: what waits for this moderator, or what this editor submitted."""

    name = "editorial_review"
    template_name = "editorial/review_panel.html"
    order = 210  # where Wagtail's own review panels were

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        user = parent_context["request"].user
        reviewer = is_reviewer(user)
        home = reverse("wagtailadmin_home")
        materials: list = []
        keywords: list = []
        if reviewer:
            rows = awaiting_review(user, limit=PANEL_LIMIT + 1)
            materials = material_rows(user, home)
            keywords = keyword_rows(user)
            heading = _("Zur Prüfung")
        else:
            rows = my_submissions(user, limit=PANEL_LIMIT + 1)
            heading = _("Meine Einreichungen")
        return {
            "heading": heading,
            "rows": rows[:PANEL_LIMIT],
            "material_rows": materials[:PANEL_LIMIT],
            "keyword_rows": keywords[:PANEL_LIMIT],
            "more": max(len(rows), len(materials), len(keywords)) > PANEL_LIMIT,
            "is_reviewer": reviewer,
            "not_reviewer": not reviewer,
            "list_url": reverse("editorial_review_list"),
            "decide_url": reverse("editorial_decide"),
            "next": home,
        }


# Wagtail's own review panels repeat ours ("Awaiting your review", "Your pages and
# snippets in a workflow"): the dashboard shows one review list.
WAGTAIL_REVIEW_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}


@hooks.register("construct_homepage_panels")
def add_review_panel(request: HttpRequest, panels: list[Component]) -> None:
    panels[:] = [panel for panel in panels if panel.name not in WAGTAIL_REVIEW_PANELS]
    panels.append(ReviewPanel())
