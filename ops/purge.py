"""Purging the page cache: the one place that listens for changes the public can
see (STYLE.md, "Cache purging in one module"). Views never purge by hand.

Purged (ops.cache.purge_page_cache) on
- a page published, unpublished, moved or deleted (Wagtail's signals: it
  unpublishes a live page before deleting it), and a live page saved outside
  the revision workflow (code, data loaders);
- any change of a snippet (vocabularies: Bundesland, event categories, approved
  Schlagwörter), a material or image, a collection, a site, a locale, a
  redirect, a settings model, and of page or collection privacy.

Not purged: drafts and autosaves (a revision, or a page's draft fields), workflow
states, locks, log entries, proposed keywords. ``QuerySet.update()`` sends no
signal: code that changes public content that way purges itself."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import purge_page_cache

#: Models whose every change is public (besides pages, snippets and settings
#: models, which are found at run time).
CONTENT_MODELS = (
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.Collection",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailredirects.Redirect",
    settings.WAGTAILDOCS_DOCUMENT_MODEL,
    getattr(settings, "WAGTAILIMAGES_IMAGE_MODEL", "wagtailimages.Image"),
)

#: Apps of the project whose top-level models are public content (snippets,
#: vocabularies, materials); their deletions purge (see deletion_watched_models).
CONTENT_APPS = ("home", "events", "news", "regions", "criteria", "materials")

#: Fields a draft save, an autosave, a workflow step or a lock writes on a page:
#: a save of only these changes nothing the public sees.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
    }
)


def _content_models() -> set[type]:
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.snippets.models import get_snippet_models

    models = {apps.get_model(label) for label in CONTENT_MODELS}
    models.update(get_snippet_models())
    models.update(settings_registry)
    return models


_relevant: dict[type, bool] = {}


def is_content_model(model: type) -> bool:
    """Whether every save or delete of ``model`` may change a public page
    (pages have rules of their own, see :func:`page_saved`)."""
    if model not in _relevant:
        if not apps.ready:
            return True  # during start-up: purge rather than guess
        content = _content_models()
        _relevant[model] = any(issubclass(model, known) for known in content)
    return _relevant[model]


def _public_keyword(instance: Any) -> bool:
    """Schlagwörter: a proposed keyword is invisible (home/moderation.py); its
    approval (a save with approved=True) or the deletion of an approved one counts."""
    return getattr(instance, "approved", True)


def page_saved(instance: Page, update_fields=None, **kwargs: Any) -> None:
    """A live page saved outside the draft fields (a publish saves the page before
    page_published; code and data loaders save live pages directly)."""
    if not instance.live:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    purge_page_cache()


def content_changed(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        return  # page_saved; a deleted live page is unpublished first (Wagtail's pre_delete)
    if not is_content_model(sender):
        return
    if sender._meta.label == "home.Schlagwort" and not _public_keyword(instance):
        return
    purge_page_cache()


def page_event(**kwargs: Any) -> None:
    purge_page_cache()


def _is_child_row(model: type) -> bool:
    """Inline rows of a page (ParentalKey: contacts, material links, keyword links)
    change only with their page, which has its own rules."""
    from modelcluster.fields import ParentalKey

    return any(isinstance(field, ParentalKey) for field in model._meta.concrete_fields)


def deletion_watched_models() -> list[type]:
    """Models whose deletions purge: the :data:`CONTENT_MODELS`, settings
    models and the top-level models of the content apps (the snippets among them).
    Listed per model rather than for every model: a receiver on every model would
    stop Django's fast bulk deletes (sessions, revisions, log entries)."""
    from wagtail.contrib.settings.registry import registry as settings_registry

    watched = {apps.get_model(label) for label in CONTENT_MODELS} | set(settings_registry)
    for model in apps.get_models():
        if issubclass(model, Page):
            continue
        if model._meta.app_label in CONTENT_APPS and not _is_child_row(model):
            watched.add(model)
    return sorted(watched, key=lambda model: model._meta.label)


def connect() -> None:
    """Called from OpsConfig.ready()."""
    page_published.connect(page_event, dispatch_uid="ops_purge_published")
    page_unpublished.connect(page_event, dispatch_uid="ops_purge_unpublished")
    post_page_move.connect(page_event, dispatch_uid="ops_purge_moved")
    for model in apps.get_models():
        if issubclass(model, Page):
            label = model._meta.label
            post_save.connect(page_saved, sender=model, dispatch_uid=f"ops_purge_save_{label}")
    # Saves of any other model are decided per model at the first save (snippets
    # register after this app is ready); a save has no fast path to lose.
    post_save.connect(content_changed, dispatch_uid="ops_purge_content_save")
    for model in deletion_watched_models():
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"ops_purge_content_delete_{model}"
        )
