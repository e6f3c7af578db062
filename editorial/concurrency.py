"""Concurrent editing: the later of two saves never silently overwrites the earlier.

A save from a page form that was opened before the page's latest revision is
refused; the editor sees who changed the page and when, and the form again with
their own text. Imported from EditorialConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page, Revision

from . import page_editor  # noqa: F401 - its hooks decide workflow steps after this guard
from .views import user_label


class ConflictEditView(EditView):
    """Wagtail's page editor, re-rendered with the data the editor just sent and
    nothing saved: used when the page changed after the editor opened it
    (see ``refuse_stale_edit`` below)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.form = self.form_class(
            request.POST,
            request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=request.user,
        )
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data())


def newer_revision(request: HttpRequest, page: Page) -> Revision | None:
    """Someone else's revision saved after the one the editor loaded, if any.

    Agrees with Wagtail's ``EditView.is_out_of_date`` (which Wagtail 8 applies only
    to autosave requests): an autosave names the revision it overwrites
    (``overwrite_revision_id``), which must still be the latest. A normal save
    names the revision the form was loaded from (``loaded_revision_id`` and
    ``…_created_at``, which Wagtail's autosave leaves as they were), so revisions
    saved since then by the same person, i.e. the editor's own autosaves, are no
    conflict; the same person in a second tab is warned by Wagtail's
    editing-sessions dialog before saving."""
    revisions = (
        Revision.objects.page_revisions()
        .filter(object_id=str(page.pk))
        .select_related("user")
        .order_by("-created_at", "-id")
    )
    latest = revisions.first()
    if latest is None:
        return None
    if overwrite_id := request.POST.get("overwrite_revision_id"):
        return latest if overwrite_id != str(latest.pk) else None
    loaded_id = request.POST.get("loaded_revision_id")
    if not loaded_id:
        return None
    loaded_at = parse_datetime(request.POST.get("loaded_revision_created_at") or "")
    if loaded_id == str(latest.pk) and loaded_at in (None, latest.created_at):
        return None
    if loaded_at is None:
        loaded = revisions.filter(pk=loaded_id if loaded_id.isdigit() else None).first()
        if loaded is None:
            return latest
        loaded_at = loaded.created_at
    # Newer than the loaded state: later revisions, or the loaded one overwritten
    # by an autosave. A revision without a user counts as someone else's.
    return revisions.filter(created_at__gt=loaded_at).exclude(user=request.user).first()


# After wagtail-localize's hook (order 0) and the form check in page_editor.py (1).
@hooks.register("before_edit_page", order=2)
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
