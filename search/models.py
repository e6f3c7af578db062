"""The public search's own table on PostgreSQL (see search/entries.py)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    """One row per indexed page or material: a copy of modelsearch's text vectors
    for it, beside the few facts the public search filters and counts by.

    modelsearch's own table holds the vectors only, so every search had to join
    the page tables for privacy, language and facets; at 100,000 items that cost
    seconds for common words. Here one narrow row answers a search and its facet
    counts. The rows are written by search.backends.database whenever modelsearch
    indexes or removes an object, so they change exactly when its index does.
    Privacy that depends on something else (view restrictions, collection
    privacy, expiry) is applied at query time, and every hit is re-checked
    against the real tables before it is shown (search.query.visible_keys).

    Used on PostgreSQL only; the table exists but stays empty on SQLite."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    object_id = models.IntegerField()
    is_material = models.BooleanField()
    # Pages: their language, status and place in the tree (view restrictions are
    # path prefixes). Materials are language-neutral and live in a collection;
    # "live" is their review state: true once a moderator approved the file.
    locale_id = models.IntegerField(null=True)
    live = models.BooleanField(default=True)
    expire_at = models.DateTimeField(null=True)
    path = models.CharField(max_length=255, blank=True)
    collection_id = models.IntegerField(null=True)
    # Facets: Bundesland (pages; a material's comes from the pages linking it at
    # query time), year, Schlagwörter as " slug slug " (pages).
    bundesland = models.CharField(max_length=100, null=True)
    year = models.IntegerField(null=True)
    tags = models.TextField(blank=True)
    # The displayed title (exact-title matches rank first) and modelsearch's
    # vectors and title weight, copied from wagtailsearch_indexentry.
    title_text = models.TextField()
    title = SearchVectorField()
    body = SearchVectorField()
    title_norm = models.FloatField(default=1.0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_entry_unique_object"
            )
        ]

    def __str__(self):
        return self.title_text


class SearchWord(models.Model):
    """One row per word of the indexed text (titles and bodies of all indexed
    pages and materials, at least search.spelling.MIN_WORD letters, not only
    digits): the candidates for the spelling suggestions (search.spelling).

    Written by search.backends (search.spelling.record) whenever modelsearch
    indexes objects, cleared when it resets its index and refilled by
    ``update_index``; migration search.0005 filled it from modelsearch's index on
    PostgreSQL (search.spelling.fill_from_index). Between rebuilds words are
    only added, so a word may stay after its text changed. The table holds the
    words of drafts, restricted pages and private collections too: a word is
    suggested only after the public search has found it
    (search.spelling.suggestion), never because it is here.
    On PostgreSQL a GIN trigram index on ``word`` (migration search.0005) finds
    similar words."""

    word = models.CharField(max_length=100, unique=True)  # folded and lower-cased
    spelling = models.CharField(max_length=100)  # as written (most frequent form in
    # the batch of objects that brought the word first)

    def __str__(self):
        return self.spelling
