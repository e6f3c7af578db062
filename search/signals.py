"""Keep the search index true at once.

modelsearch re-indexes a page on every save, but a page's Schlagwörter (a
modelcluster relation) are written after the page row, so tags added in the same
save as a publish reached the index one save late. Re-indexing the specific page
on ``page_published`` and ``page_unpublished`` closes that gap.

Privacy, expiry and live status need no re-index: the engines apply them at
query time (search.query.public_pages, search.postgres.visible_entries;
search.elastic excludes the paths of view-restricted pages and collections as
they are at that moment). A move changes the tree paths of a whole subtree
without saving its pages: ``post_page_move`` updates them in the search's own
table on PostgreSQL (search.entries) and re-indexes the subtree on a search
engine, whose documents carry the path (``gk_path``).

On a search engine a material's document also carries its Bundesland (that of
the first public event, region or practice example listing it,
search.facets.MATERIAL_LINK_MODELS): it is re-indexed
when a link to it is saved or deleted and when a listing page is published or
unpublished."""

from __future__ import annotations

import logging
from collections import defaultdict

from django.db import connection
from django.db.models.signals import post_delete, post_save

from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)


def engine_backends() -> list:
    """The auto-updated search backends that are search engines (none on a site
    that searches its database)."""
    from modelsearch.backends import get_search_backends
    from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend

    return [
        backend
        for backend in get_search_backends(with_auto_update=True)
        if isinstance(backend, ElasticsearchBaseSearchBackend)
    ]


def reindex_on_engines(objects) -> None:
    """Indexes ``objects`` again on every search engine, one bulk request per
    model; like modelsearch's own updates, an engine that fails is logged, not
    raised (the save has happened; ``update_index`` repairs the index)."""
    backends = engine_backends()
    if not backends:
        return
    by_model: dict[type, list] = defaultdict(list)
    for obj in objects:
        by_model[type(obj)].append(obj)
    for backend in backends:
        for model, items in by_model.items():
            try:
                backend.add_bulk(model, items)
            except Exception:
                logger.exception("Could not re-index %d %s on the search engine", len(items), model)
                if not backend.catch_indexing_errors:
                    raise


def linked_materials(page) -> list:
    """The materials a page lists (events, regions, practice examples)."""
    from materials.models import Material

    links = getattr(page, "material_links", None)
    if links is None:
        return []
    return list(Material.objects.filter(pk__in=links.values("document_id")))


def reindex_page(sender, instance, **kwargs) -> None:
    page = instance.specific
    index.insert_or_update_object(page)
    if engine_backends():
        reindex_on_engines(linked_materials(page))


def link_changed(sender, instance, raw=False, **kwargs) -> None:
    from materials.models import Material

    if not raw and engine_backends():
        reindex_on_engines(Material.objects.filter(pk=instance.document_id))


def page_moved(sender, instance, **kwargs) -> None:
    if connection.vendor == "postgresql":
        from . import entries

        entries.move_subtree(instance)
    if engine_backends():
        from wagtail.models import Page

        reindex_on_engines(Page.objects.descendant_of(instance, inclusive=True).specific())


def connect() -> None:
    from .facets import material_link_models

    page_published.connect(reindex_page, dispatch_uid="search_reindex_published")
    page_unpublished.connect(reindex_page, dispatch_uid="search_reindex_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search_entries_moved")
    for link in material_link_models():
        post_save.connect(link_changed, sender=link, dispatch_uid=f"search_{link.__name__}_saved")
        post_delete.connect(
            link_changed, sender=link, dispatch_uid=f"search_{link.__name__}_deleted"
        )
