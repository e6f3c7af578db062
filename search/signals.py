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
table on PostgreSQL (search.entries)."""

from __future__ import annotations

from django.db import connection

from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move


def reindex_page(sender, instance, **kwargs) -> None:
    index.insert_or_update_object(instance.specific)


def move_entries(sender, instance, **kwargs) -> None:
    if connection.vendor == "postgresql":
        from . import entries

        entries.move_subtree(instance)


def connect() -> None:
    page_published.connect(reindex_page, dispatch_uid="search_reindex_published")
    page_unpublished.connect(reindex_page, dispatch_uid="search_reindex_unpublished")
    post_page_move.connect(move_entries, dispatch_uid="search_entries_moved")
