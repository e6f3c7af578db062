"""Admin integration of the editorial workflow (issue #3):

- the "Prüfliste" (``/admin/pruefliste/``, menu item for moderators) and a
  dashboard panel: "Zur Prüfung" for moderators, "Meine Einreichungen" for editors;
- "Zur Prüfung einreichen" (``/admin/pruefliste/einreichen/<page_id>/``) in the
  page header and listing menus, for translations edited in wagtail-localize;
- concurrent editing: a save from a form that was opened before the page's
  latest revision is refused and the editor's text is kept in the form;
- (failure-safe workflow mails are installed in EditorialConfig.ready()).

The editorial state of each page (editorial/states.py) is shown by template
overrides in editorial/templates/wagtailadmin/ (page listings, edit header)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button
from wagtail.models import Page

from .views import (
    ConflictEditView,
    ReviewListView,
    SubmitForReviewView,
    awaiting_review,
    can_submit_for_review,
    is_reviewer,
    my_submissions,
    newer_revision,
    user_label,
)

PANEL_LIMIT = 10


@hooks.register("register_admin_urls")
def register_review_list_url() -> list[Any]:
    return [
        path("pruefliste/", ReviewListView.as_view(), name="editorial_review_list"),
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


class ReviewPanel(Component):
    """Dashboard: what waits for this moderator, or what this editor submitted."""

    name = "editorial_review"
    template_name = "editorial/review_panel.html"
    order = 210  # just above Wagtail's own "Awaiting your review" (220)

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        user = parent_context["request"].user
        reviewer = is_reviewer(user)
        if reviewer:
            rows = awaiting_review(user, limit=PANEL_LIMIT + 1)
            heading = _("Zur Prüfung")
        else:
            rows = my_submissions(user, limit=PANEL_LIMIT + 1)
            heading = _("Meine Einreichungen")
        return {
            "heading": heading,
            "rows": rows[:PANEL_LIMIT],
            "more": len(rows) > PANEL_LIMIT,
            "is_reviewer": reviewer,
            "not_reviewer": not reviewer,
            "list_url": reverse("editorial_review_list"),
        }


@hooks.register("construct_homepage_panels")
def add_review_panel(request: HttpRequest, panels: list[Component]) -> None:
    panels.append(ReviewPanel())


@hooks.register("before_edit_page")
def refuse_stale_edit(request: HttpRequest, page: Page) -> HttpResponse | None:
    """Two editors, one page: the later save must not silently overwrite the earlier.

    If the page got a newer revision after this editor opened the form, nothing is
    saved; the editor sees who changed it and when, and the form again with their
    own text. Saving once more (the form now names the latest revision) is a
    deliberate overwrite. Autosave requests are left to Wagtail, which already
    refuses stale ones with a JSON error."""
    if request.method != "POST" or not request.accepts("text/html"):
        return None
    if getattr(request, "_editorial_conflict", False):
        return None  # the re-render below runs this hook again
    newer = newer_revision(request, page)
    if newer is None:
        return None
    messages.error(
        request,
        _(
            "Die Seite wurde geändert, seit Sie sie geöffnet haben (von %(user)s am %(when)s). "
            "Ihre Änderungen wurden nicht gespeichert und stehen unten weiter im Formular. "
            "Vergleichen Sie sie mit der neuen Fassung; erneutes Speichern überschreibt sie."
        )
        % {
            "user": user_label(newer.user),
            "when": date_format(localtime(newer.created_at), "DATETIME_FORMAT"),
        },
        buttons=[
            messages.button(
                reverse("wagtailadmin_pages:revisions_view", args=(page.pk, newer.pk)),
                _("Neue Fassung ansehen"),
                new_window=True,
            )
        ],
    )
    request._editorial_conflict = True
    return ConflictEditView.as_view()(request, page_id=page.pk)
