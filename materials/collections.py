"""The collections materials live in: "Materialien" (the default for uploads)
and one per region under "Regionen" (named after the region's German title).

editorial/setup.py (apply_editorial) creates them and grants the regional
editors their region's collection; the upload forms start in the collection
:func:`default_collection` picks, never in the root collection."""

from __future__ import annotations

from wagtail.models import Collection
from wagtail.permissions import policy_registry

MATERIALS_COLLECTION = "Materialien"
REGIONS_COLLECTION = "Regionen"


def child_collection(parent: Collection, name: str, create: bool = True) -> Collection | None:
    """The child ``name`` of ``parent`` (created if missing and ``create``)."""
    existing = parent.get_children().filter(name=name).first()
    if existing is not None or not create:
        return existing
    return parent.add_child(name=name)


def materials_collection(create: bool = True) -> Collection | None:
    return child_collection(Collection.get_first_root_node(), MATERIALS_COLLECTION, create)


def region_collection(region_title: str, create: bool = True) -> Collection | None:
    """The collection of the region whose German title is ``region_title``."""
    regions = child_collection(Collection.get_first_root_node(), REGIONS_COLLECTION, create)
    return child_collection(regions, region_title, create) if regions is not None else None


def default_collection(user) -> Collection | None:
    """Where ``user``'s uploads go unless they choose otherwise: "Materialien" if
    they may add there, else the first collection below the root they may add to
    (a regional editor's region). None if there is none."""
    from .models import Material

    policy = policy_registry.get_by_type(Material)
    allowed = policy.collections_user_has_permission_for(user, "add").filter(depth__gt=1)
    materials = materials_collection(create=False)
    if materials is not None and allowed.filter(pk=materials.pk).exists():
        return materials
    return allowed.order_by("path").first()
