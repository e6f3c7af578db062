"""Closes the ways around moderation that page permissions alone leave open.

Without the ``publish_page`` right, Wagtail's own views already refuse to
publish, schedule, unpublish, set privacy, copy-and-publish or alias a page
(tests/editorial/test_permission_matrix.py checks every path). What is left is
in wagtail-localize and in the page editor's workflow buttons:

* the translation editor: its POSTs go to editorial/translations.py (submit,
  save a draft, approve or reject; publishing needs the publish right), so a
  translation goes through the same workflow as any page;
* "Übersetzungen synchronisieren" with "Sofort veröffentlichen" and
  "In Alias umwandeln" publish without asking for the publish right: both now
  require it;
* rejecting from the page editor passes the comment past the task's form: the
  decision's own form in editorial/page_editor.py refuses a rejection without a
  comment (the editor's text kept), and ModerationTask.on_action backs it up;
* deleting and moving ignore the review lock: a page in review cannot be
  deleted or moved by anyone it is locked for, and deleting live content (which
  takes it offline without a trace) is left to the Administration.

Imported from EditorialConfig.ready() (Wagtail auto-loads only ``wagtail_hooks``).
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views import convert
from wagtail_localize.views.update_translations import UpdateTranslationsView

from . import translations
from .roles import ADMINISTRATION
from .translations import PUBLISH_TRANSLATION_DENIED, synced_translation

# Runs before wagtail-localize's before_edit_page hook, which takes over the
# editor of every synced translation.
BEFORE_LOCALIZE = -10


def _edit_url_redirect(page: Page) -> HttpResponse:
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_edit_page", order=BEFORE_LOCALIZE)
def enforce_moderation_on_edit(request: HttpRequest, page: Page) -> HttpResponse | None:
    """Translations are submitted, not published, by editors (editorial/translations.py)."""
    if request.method != "POST":
        return None

    translation = synced_translation(page)
    if translation is not None:
        return translations.handle_editor_post(request, page, translation)
    # A rejection without a comment from the page editor is refused by the
    # decision's own form in editorial/page_editor.py, which keeps the text.
    return None


def user_can_publish_target(user, translation: Translation) -> bool:
    """Whether ``user`` may publish the target of one translation record."""
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:  # not created yet: publishing would create it live
        instance = translation.source.get_source_instance()
        if isinstance(instance, Page):
            parent = instance.get_parent()
            return parent.permissions_for_user(user).can_publish_subpage()
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))
    return True  # snippets without drafts are always saved live


class ModeratedUpdateTranslationsView(UpdateTranslationsView):
    """ "Übersetzungen synchronisieren": publishing at once needs the publish right."""

    def post(self, request: HttpRequest, **kwargs) -> HttpResponse:
        if request.POST.get("publish_translations"):
            translations = self.object.translations.filter(enabled=True)
            if not all(user_can_publish_target(request.user, t) for t in translations):
                messages.error(request, PUBLISH_TRANSLATION_DENIED)
                return redirect(request.get_full_path())
        return super().post(request, **kwargs)


def moderated_convert_to_alias(request: HttpRequest, page_id: int) -> HttpResponse:
    """An alias mirrors its source's live state, so converting one publishes it."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        messages.error(
            request,
            _("Nur die Moderation kann eine Übersetzung in einen Alias umwandeln."),
        )
        return _edit_url_redirect(page)
    return convert.convert_to_alias(request, page_id)


@hooks.register("register_admin_urls", order=BEFORE_LOCALIZE)
def moderated_localize_urls():
    # Same paths as wagtail-localize's views, listed earlier, so these win.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ModeratedUpdateTranslationsView.as_view(),
        ),
        path("localize/page/<int:page_id>/convert_to_alias/", moderated_convert_to_alias),
    ]


def _locked_message(page: Page) -> str:
    return _("„%(title)s“ ist in Prüfung und für Sie gesperrt.") % {
        "title": page.get_admin_display_title()
    }


def deletion_refusal(user, page: Page) -> str | None:
    """Why ``user`` may not delete ``page`` beyond Wagtail's own checks, or None."""
    if page.permissions_for_user(user).page_locked():
        return _locked_message(page)
    if user.is_superuser or user.groups.filter(name=ADMINISTRATION).exists():
        return None
    if page.get_descendants(inclusive=True).live().exists():
        return _(
            "„%(title)s“ ist veröffentlicht. Veröffentlichte Seiten löscht nur die "
            "Administration; die Moderation kann sie zurückziehen."
        ) % {"title": page.get_admin_display_title()}
    return None


def move_refusal(user, page: Page) -> str | None:
    """Why ``user`` may not move ``page`` beyond Wagtail's own checks, or None."""
    if page.permissions_for_user(user).page_locked():
        return _locked_message(page)
    return None


def _back_to_parent(page: Page) -> HttpResponse:
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_delete_page")
def protect_page_deletion(request: HttpRequest, page: Page) -> HttpResponse | None:
    if refusal := deletion_refusal(request.user, page):
        messages.error(request, refusal)
        return _back_to_parent(page)
    return None


@hooks.register("before_move_page")
def protect_page_move(request: HttpRequest, page: Page, destination: Page) -> HttpResponse | None:
    if refusal := move_refusal(request.user, page):
        messages.error(request, refusal)
        return _back_to_parent(page)
    return None


@hooks.register("before_bulk_action")
def protect_bulk_page_actions(
    request: HttpRequest, action_type: str, objects, action_class_instance
) -> HttpResponse | None:
    """Bulk delete and bulk move follow the same rules as the single-page views."""
    checks = {"delete": deletion_refusal, "move": move_refusal}
    if action_type not in checks:
        return None
    pages = [obj for obj in objects if isinstance(obj, Page)]
    refusals = [r for page in pages if (r := checks[action_type](request.user, page))]
    if refusals:
        for refusal in refusals:
            messages.error(request, refusal)
        return _back_to_parent(pages[0])
    return None
