"""Admin integration of materials:

- the permission policy: Wagtail's (collections, own uploads, delete = change),
  except that deleting an approved material is left to the Administration;
- the document serve view answers 404 for a material that is not approved,
  unless the user may review or edit it (materials.moderation.can_see_unapproved);
- the review page and the approve/reject endpoints
  (``/admin/materialien/<id>/pruefen/``, ``…/freigeben/``, ``…/zurueckweisen/``);
- Wagtail's document listing (column "Prüfstatus"), editor (its state as a
  message) and multiple upload (default collection) in place of the stock views."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.urls import path

from wagtail import hooks
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy

from editorial.roles import ADMINISTRATION

from . import views
from .models import Material
from .moderation import can_see_unapproved

# Runs before wagtail.documents' own admin URLs, so the views below win.
BEFORE_WAGTAILDOCS = -10


def may_delete(user, material: Material) -> bool:
    """Public (approved) materials are deleted by the Administration only."""
    if not material.is_approved:
        return True
    return user.is_superuser or user.groups.filter(name=ADMINISTRATION).exists()


class MaterialPermissionPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and not may_delete(user, instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        if "delete" in actions and not may_delete(user, instance):
            actions.discard("delete")
        return bool(actions) and super().user_has_any_permission_for_instance(
            user, actions, instance
        )


# exact_class: wins over the policy wagtail.documents registers in its ready(),
# which may run after this module is imported (hooks load during app set-up).
register_permission_policy(
    Material,
    MaterialPermissionPolicy(
        Material, auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
    ),
    exact_class=True,
)


@hooks.register("before_serve_document")
def hide_unapproved_material(document: Material, request: HttpRequest) -> None:
    if not document.is_approved and not can_see_unapproved(request.user, document):
        raise Http404


@hooks.register("register_admin_urls", order=BEFORE_WAGTAILDOCS)
def register_material_urls() -> list[Any]:
    return [
        path("materialien/<int:pk>/pruefen/", views.review, name="materials_review"),
        path("materialien/<int:pk>/freigeben/", views.approve, name="materials_approve"),
        path("materialien/<int:pk>/zurueckweisen/", views.reject, name="materials_reject"),
        # Same paths as wagtail.documents' admin views.
        path("documents/", views.MaterialIndexView.as_view()),
        path("documents/results/", views.MaterialIndexView.as_view(results_only=True)),
        path("documents/edit/<int:document_id>/", views.MaterialEditView.as_view()),
        path("documents/multiple/add/", views.MaterialMultipleAddView.as_view()),
    ]
