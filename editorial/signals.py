"""Privacy follows a page into every language.

When a German page is restricted (login, password or groups), each translation
gets the same restriction, whether the restriction is set after translating or the
translation is created later (Wagtail's copy_for_translation, wagtail-localize).
Removing a restriction is not mirrored: a translation stays private until a
moderator lifts its restriction too, so nothing becomes public by accident."""

from __future__ import annotations

import threading

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import copy_for_translation_done

_state = threading.local()


def copy_restrictions(source: Page, target: Page) -> bool:
    """Give ``target`` the view restrictions set directly on ``source``; True if changed."""
    changed = False
    targets = list(target.view_restrictions.order_by("pk"))
    for index, restriction in enumerate(source.view_restrictions.order_by("pk")):
        if index < len(targets):
            copy = targets[index]
            if (copy.restriction_type, copy.password) != (
                restriction.restriction_type,
                restriction.password,
            ):
                copy.restriction_type = restriction.restriction_type
                copy.password = restriction.password
                copy.save()
                changed = True
        else:
            copy = PageViewRestriction.objects.create(
                page=target,
                restriction_type=restriction.restriction_type,
                password=restriction.password,
            )
            changed = True
        wanted = set(restriction.groups.values_list("pk", flat=True))
        if set(copy.groups.values_list("pk", flat=True)) != wanted:
            copy.groups.set(wanted)
            changed = True
    return changed


def _copy_once(source: Page, targets: list[Page]) -> None:
    # Copying saves restrictions, which fires the handlers below again; one pass only.
    if getattr(_state, "active", False):
        return
    _state.active = True
    try:
        for target in targets:
            copy_restrictions(source, target)
    finally:
        _state.active = False


def sync_restrictions_to_translations(page: Page) -> None:
    """Copy a German page's own restrictions to all its translations.

    Only the source language is copied from: restrictions on a translation are
    never copied back (a half-built copy must not overwrite the original)."""
    if page.locale_id != Locale.get_default().pk:
        return
    translations = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    _copy_once(page, list(translations))


@receiver(post_save, sender=PageViewRestriction)
def restriction_saved(sender, instance: PageViewRestriction, **kwargs) -> None:
    sync_restrictions_to_translations(instance.page)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action: str, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(
        instance, PageViewRestriction
    ):
        sync_restrictions_to_translations(instance.page)


@receiver(copy_for_translation_done)
def translation_created(sender, source_obj, target_obj, **kwargs) -> None:
    if isinstance(source_obj, Page) and isinstance(target_obj, Page):
        _copy_once(source_obj, [target_obj])
