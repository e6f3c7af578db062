"""A moderator's workflow approval of a page also approves the pending materials
that page links (materials.moderation.approve_linked_materials)."""

from __future__ import annotations

from wagtail.models import Page
from wagtail.signals import workflow_approved


def approve_materials_of_page(sender, instance, user=None, **kwargs) -> None:
    obj = instance.content_object
    if isinstance(obj, Page):
        from .moderation import approve_linked_materials

        approve_linked_materials(obj.specific, user)


def connect() -> None:
    workflow_approved.connect(approve_materials_of_page, dispatch_uid="materials_page_approved")
