"""Keeping the date of the materials an event page lists true
(materials.models.Material.effective_date: the entered date, else the start day
of the earliest live event page that lists the material, else the upload day).

Recomputed for the materials of an event page
- on every full save of the page: Wagtail's publish and unpublish (also the
  scheduled expiry) save the whole page, as do code and data loaders; draft
  saves and autosaves write only the draft fields and are skipped;
- when a link between a page and a material is saved or deleted: a publish
  writes the page's links after the page row (new links count then), and a
  link removed by a publish or by deleting the page is deleted row by row.

A material whose date changes is saved (``update_fields``), so the search index
and the page cache learn of it through their own signals."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models.signals import post_delete, post_save

# Page fields a change of which may change a material's date; Wagtail's
# draft saves name none of them in ``update_fields``.
DATE_FIELDS = frozenset({"start", "live", "expire_at"})


def refresh_material_dates(material_ids: Iterable[int]) -> None:
    """Stores the recomputed date of each material in ``material_ids`` that changed."""
    from materials.models import Material

    for material in Material.objects.filter(pk__in=list(material_ids)):
        stored = material.effective_date
        if material.compute_effective_date() != stored:
            material.save(update_fields=["effective_date"])


def event_saved(sender, instance, update_fields=None, raw=False, **kwargs) -> None:
    if raw or (update_fields is not None and not DATE_FIELDS & set(update_fields)):
        return
    from .models import EventMaterial

    refresh_material_dates(
        EventMaterial.objects.filter(page_id=instance.pk).values_list("document_id", flat=True)
    )


def link_changed(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        refresh_material_dates([instance.document_id])


def connect() -> None:
    from .models import EventMaterial, EventPage

    post_save.connect(event_saved, sender=EventPage, dispatch_uid="events_material_dates_page")
    post_save.connect(link_changed, sender=EventMaterial, dispatch_uid="events_material_dates_add")
    post_delete.connect(
        link_changed, sender=EventMaterial, dispatch_uid="events_material_dates_delete"
    )
