"""Moderation of materials: who decides, what waits, approve and reject.

A new or replaced file is "zur Prüfung" (materials/forms.py) unless a moderator
(Moderation, Administration, superuser) uploaded it. A moderator approves it,
or rejects it with a reason; the person who submitted it gets an e-mail. A
moderator who approves a page in the workflow also approves the pending
materials the page links (:func:`approve_linked_materials`): they were reviewed
with the page."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils.translation import gettext as _

from editorial.roles import REVIEWER_GROUP_NAMES

from .models import Material, ReviewState

logger = logging.getLogger(__name__)


def can_moderate_materials(user) -> bool:
    """Superusers and members of the reviewing groups (Moderation, Administration)."""
    if user is None or not user.is_active or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=REVIEWER_GROUP_NAMES).exists()


def can_see_unapproved(user, material: Material) -> bool:
    """Whether ``user`` may download ``material`` before it is approved: moderators,
    the person who uploaded or submitted it, and editors who may change it."""
    from wagtail.permissions import policy_registry

    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if can_moderate_materials(user):
        return True
    if user.pk in (material.uploaded_by_user_id, material.submitted_by_id):
        return True
    policy = policy_registry.get_by_type(Material)
    return policy.user_has_permission_for_instance(user, "change", material)


def pending_materials(user) -> models.QuerySet[Material]:
    """The materials ``user`` may decide on, oldest submission first (none for
    non-moderators)."""
    if not can_moderate_materials(user):
        return Material.objects.none()
    return (
        Material.objects.pending()
        .select_related("collection", "submitted_by", "uploaded_by_user")
        .order_by(models.F("submitted_at").asc(nulls_first=True), "created_at", "pk")
    )


def _decide(material: Material, user, state: str, comment: str = "") -> Material:
    if not can_moderate_materials(user):
        raise PermissionDenied(_("Nur die Moderation gibt Materialien frei."))
    with transaction.atomic():
        # Lock the row: of two moderators deciding the same at once, one decides.
        locked = Material.objects.select_for_update().get(pk=material.pk)
        if locked.review_state == state and locked.review_comment == comment:
            material.refresh_from_db()
            return material  # decided already: no second decision, no second mail
        locked.mark_reviewed(user, state, comment)
        locked.save()
    material.refresh_from_db()
    notify_submitter(material)
    return material


def approve_material(material: Material, user) -> Material:
    """Make ``material`` public (if no collection restriction hides it)."""
    return _decide(material, user, ReviewState.APPROVED)


def reject_material(material: Material, user, comment: str) -> Material:
    """Keep ``material`` private and tell its submitter why; ``comment`` is required."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Bitte begründen Sie die Zurückweisung."), code="required")
    return _decide(material, user, ReviewState.REJECTED, comment)


def notify_submitter(material: Material) -> bool:
    """E-mail the person who submitted the file about the decision. Never raises:
    a mail server that is down must not undo a decision (it is logged)."""
    recipient = material.submitted_by or material.uploaded_by_user
    if recipient is None or not recipient.email or recipient == material.reviewed_by:
        return False
    if material.review_state == ReviewState.APPROVED:
        subject = _("Material „%(title)s“ wurde freigegeben") % {"title": material.title}
        body = _("Ihr Material „%(title)s“ ist jetzt öffentlich.") % {"title": material.title}
    else:
        subject = _("Material „%(title)s“ wurde zurückgewiesen") % {"title": material.title}
        body = _("Ihr Material „%(title)s“ wurde nicht freigegeben.\n\nBegründung: %(comment)s") % {
            "title": material.title,
            "comment": material.review_comment,
        }
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])
    except Exception:
        # The decision is saved; a lost mail is logged, never a server error.
        logger.exception(
            "Benachrichtigung zu Material %s konnte nicht versendet werden", material.pk
        )
        return False
    return True


def linked_material_ids(page) -> set[int]:
    """The materials a page links through a foreign key: its own fields and its
    inline rows (EventPage and RegionPage ``material_links``, any other)."""
    found: set[int] = set()
    for field in page._meta.concrete_fields:
        value = getattr(page, field.attname)
        if field.is_relation and field.related_model is Material and value is not None:
            found.add(value)
    for relation in page._meta.related_objects:
        if not relation.one_to_many:
            continue
        link_model = relation.related_model
        targets = [
            f.name
            for f in link_model._meta.concrete_fields
            if f.is_relation and f.related_model is Material
        ]
        for name in targets:
            ids = link_model.objects.filter(**{relation.field.name: page.pk}).values_list(
                name, flat=True
            )
            found.update(pk for pk in ids if pk is not None)
    return found


def approve_linked_materials(page, user) -> list[Material]:
    """Approve the pending materials ``page`` links (after a moderator approved the
    page in the workflow); returns them."""
    if not can_moderate_materials(user):
        return []
    ids = linked_material_ids(page)
    approved = []
    for material in Material.objects.pending().filter(pk__in=ids).order_by("pk"):
        approved.append(approve_material(material, user))
    return approved
