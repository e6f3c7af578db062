"""Keep the search index true at once.

modelsearch re-indexes a page on every save, but a page's Schlagwörter (a
modelcluster relation) are written after the page row, so tags added in the same
save as a publish reached the index one save late. Re-indexing the specific page
on ``page_published`` and ``page_unpublished`` closes that gap.

Privacy, expiry, moves and live status need no re-index: both engines apply them
at query time (search.query.public_pages; search.elastic excludes the paths of
view-restricted pages and collections as they are at that moment)."""

from __future__ import annotations

from wagtail.search import index
from wagtail.signals import page_published, page_unpublished


def reindex_page(sender, instance, **kwargs) -> None:
    index.insert_or_update_object(instance.specific)


def connect() -> None:
    page_published.connect(reindex_page, dispatch_uid="search_reindex_published")
    page_unpublished.connect(reindex_page, dispatch_uid="search_reindex_unpublished")
