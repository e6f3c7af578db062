"""Admin registrations of the shared vocabularies (Bundesland, Schlagwort, the
Praxisdatenbank's Handlungsfeld, Lebensphase and Zielgruppe; the event categories
register the same viewset in events/models.py), the keyword moderation endpoints,
and the request-time expiry guard: an expired page is not served (404), even
before ``publish_scheduled`` has withdrawn it.

Only Moderation and Administration change vocabularies (editorial/roles.py); a
stale save is refused with the editor's text kept (``GuardedEditView``)."""

from __future__ import annotations

from django.http import Http404
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.models import Revision
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from . import admin_views
from .models import Bundesland, Handlungsfeld, Lebensphase, Schlagwort, Zielgruppe
from .models.base import is_expired
from .moderation import (
    APPROVE_ACTION,
    REJECT_ACTION,
    approve_keywords,
    can_moderate_keywords,
    page_keywords,
)


@hooks.register("before_serve_page")
def expired_page_is_gone(page, request, serve_args, serve_kwargs) -> None:
    """Answer an expired page and every sub-route of it (``ics/``, ``feed/``,
    ``feed.ics``, ``schlagwort/…``) as Wagtail answers an unpublished one: 404, for
    everyone. before_serve_page hooks run before Wagtail's privacy check (an
    on_serve_page hook), so a restricted expired page does not ask for a login
    first. Editors see the page in the admin and its preview."""
    if is_expired(page):
        raise Http404


def _user_label(user) -> str:
    if user is None:
        return _("unbekannt")
    return user.get_full_name() or user.get_username()


class GuardedEditView(EditView):
    """The snippet editor, refusing a save from a form opened before the latest
    revision: nothing is saved, the form comes back with the editor's text and a
    message who changed the entry when; saving again overwrites deliberately (the
    re-rendered form names the latest revision). Wagtail itself checks this only
    for autosave, which is switched off here: these snippets have no draft state,
    so every autosave would go live."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.autosave_enabled = False

    def newer_revision(self) -> Revision | None:
        latest = self.latest_revision
        if not latest:
            return None
        posted = self.request.POST
        if not (posted.get("loaded_revision_id") or posted.get("overwrite_revision_id")):
            return latest  # the form was opened before the entry's first revision
        return latest if self.is_out_of_date else None

    def is_valid(self, form):
        if self.request.method == "POST" and not self.expects_json_response:
            newer = self.newer_revision()
            if newer is not None:
                self.produced_error_message = _(
                    "%(name)s wurde geändert, seit Sie das Formular geöffnet haben "
                    "(von %(user)s am %(when)s). Ihre Eingaben wurden nicht gespeichert "
                    "und stehen weiter im Formular; erneutes Speichern überschreibt die "
                    "neue Fassung."
                ) % {
                    "name": self.model._meta.verbose_name,
                    "user": _user_label(newer.user),
                    "when": date_format(localtime(newer.created_at), "DATETIME_FORMAT"),
                }
                return False
        return super().is_valid(form)


class VocabularyViewSet(SnippetViewSet):
    """Bundesländer, event categories and the Praxisdatenbank's vocabularies."""

    edit_view_class = GuardedEditView
    add_to_admin_menu = False


class SchlagwortCreateView(CreateView):
    def save_instance(self):
        # Typed by an editor: a proposal; by a moderator: approved at once.
        self.form.instance.approved = can_moderate_keywords(self.request.user)
        return super().save_instance()


class SchlagwortEditView(GuardedEditView):
    def save_instance(self):
        # Only moderators may change keywords; their change is the approval.
        self.form.instance.approved = True
        return super().save_instance()


class SchlagwortViewSet(VocabularyViewSet):
    model = Schlagwort
    icon = "tag"
    menu_label = gettext_lazy("Schlagwörter")
    add_view_class = SchlagwortCreateView
    edit_view_class = SchlagwortEditView
    list_display = ["name", "slug", BooleanColumn("approved", label=gettext_lazy("freigegeben"))]
    list_filter = ["approved"]
    search_fields = ["name"]
    # The German name and slug, then the other languages' (home/models/vocabularies.py).
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        InlinePanel("translations", label=gettext_lazy("Übersetzungen")),
    ]


register_snippet(Bundesland, viewset=VocabularyViewSet)
for _term_model in (Handlungsfeld, Lebensphase, Zielgruppe):
    register_snippet(_term_model, viewset=VocabularyViewSet)
register_snippet(SchlagwortViewSet)


@hooks.register("register_admin_urls")
def keyword_moderation_urls():
    return [
        path(
            "schlagwoerter/<int:pk>/freigeben/",
            admin_views.approve,
            name="home_keyword_approve",
        ),
        path(
            "schlagwoerter/<int:pk>/zurueckweisen/",
            admin_views.reject,
            name="home_keyword_reject",
        ),
    ]


@hooks.register("register_log_actions")
def keyword_log_actions(actions):
    actions.register_action(APPROVE_ACTION, _("Schlagwort freigegeben"), _("Freigegeben"))
    actions.register_action(REJECT_ACTION, _("Schlagwort zurückgewiesen"), _("Zurückgewiesen"))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def approve_keywords_typed_by_moderators(request, page) -> None:
    """Keywords a moderator types into a page are approved at once."""
    if can_moderate_keywords(request.user):
        approve_keywords(page_keywords(page), request.user)


def keyword_moderation_url(action: str, keyword: Schlagwort) -> str:
    """The POST endpoint ("approve" or "reject") for one keyword (for the Prüfliste)."""
    return reverse(f"home_keyword_{action}", args=[keyword.pk])
