"""Moderation of new keywords (Schlagwörter).

A keyword typed by an editor (page editor or snippet admin) is proposed: stored,
usable in drafts, but invisible to the public (``Schlagwort.objects.public()``).
It becomes public when a moderator approves it directly, types it themself, or
publishes (approves) a page that carries it. Rejecting removes the proposed
keyword: from the pages and from their drafts and revisions in review, then the
keyword itself; the comment is kept in the admin's history."""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import Page, Revision, TaskState

from .models import Schlagwort
from .models.pages import TAGGED_PAGE_MODELS  # the page types that carry Schlagwörter

APPROVE_ACTION = "home.schlagwort.approve"
REJECT_ACTION = "home.schlagwort.reject"


def can_moderate_keywords(user) -> bool:
    """Moderation and Administration: whoever may change the vocabulary."""
    return bool(user and user.is_active and user.has_perm("home.change_schlagwort"))


def _require_moderator(user) -> None:
    if not can_moderate_keywords(user):
        raise PermissionDenied(_("Nur die Moderation gibt Schlagwörter frei."))


def pending_keywords(user) -> QuerySet[Schlagwort]:
    """Proposed keywords waiting for this user's decision (none for non-moderators)."""
    if not can_moderate_keywords(user):
        return Schlagwort.objects.none()
    return Schlagwort.objects.proposed().order_by("name")


def approve_keywords(keywords: Iterable[Schlagwort], user=None) -> int:
    """Approves the proposed ones among ``keywords``; returns how many (no permission
    check: callers are the page publication and the moderator-only paths below)."""
    proposed = [k for k in keywords if not k.approved]
    for keyword in proposed:
        keyword.approved = True
        keyword.save(update_fields=["approved"])
        log(instance=keyword, action=APPROVE_ACTION, user=user)
    return len(proposed)


def approve_keyword(keyword: Schlagwort, user) -> None:
    """A moderator makes ``keyword`` public."""
    _require_moderator(user)
    approve_keywords([keyword], user)


def reject_keyword(keyword: Schlagwort, user, comment: str) -> int:
    """A moderator rejects the proposed ``keyword`` with a ``comment`` (required):
    it is removed from every page, draft and revision in review that carries it,
    then deleted. Returns how many stored revisions were changed. An approved
    keyword cannot be rejected (moderators edit or delete it in the snippet admin)."""
    _require_moderator(user)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Bitte begründen Sie die Zurückweisung."))
    if keyword.approved:
        raise ValidationError(_("Das Schlagwort ist bereits freigegeben."))
    with transaction.atomic():
        log(instance=keyword, action=REJECT_ACTION, user=user, data={"comment": comment})
        changed = _remove_from_revisions(keyword.pk)
        keyword.delete()  # the pages' through rows go with it (CASCADE)
    return changed


def page_keywords(page: Page) -> list[Schlagwort]:
    """The keywords of a tagged page instance (live or from a revision)."""
    items = getattr(page, "tagged_items", None)
    if items is None:
        return []
    ids = [item.tag_id for item in items.all()]
    return list(Schlagwort.objects.filter(pk__in=ids))


def _open_revisions() -> QuerySet[Revision]:
    """Revisions a page may still be published from: each tagged page's latest
    revision and the revisions of running review tasks."""
    pages = Page.objects.none()
    for label in TAGGED_PAGE_MODELS:
        pages |= Page.objects.type(apps.get_model(label))
    latest = pages.exclude(latest_revision=None).values("latest_revision_id")
    in_review = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).values("revision_id")
    return Revision.objects.filter(pk__in=latest) | Revision.objects.filter(pk__in=in_review)


def _remove_from_revisions(keyword_id: int) -> int:
    changed = 0
    for revision in _open_revisions().distinct():
        items = revision.content.get("tagged_items")
        if not items:
            continue
        kept = [item for item in items if item.get("tag") != keyword_id]
        if len(kept) != len(items):
            revision.content["tagged_items"] = kept
            revision.save(update_fields=["content"])
            changed += 1
    return changed


def approve_published_keywords(sender, instance: Page, revision=None, **kwargs) -> None:
    """``page_published``: publishing needs moderation rights (or a moderator's
    approval in a workflow), so the keywords of a published page are approved."""
    approve_keywords(page_keywords(instance))
