"""Keeping the search's own table (search.models.SearchEntry) in step with
modelsearch's index, on PostgreSQL.

search.backends.database calls :func:`write` right after modelsearch has
indexed objects, :func:`remove` after it removed one, :func:`clear` when it
empties its index and :func:`refresh` at the end of ``update_index``. A moved
page's subtree gets its new tree paths from :func:`move_subtree`
(``post_page_move``; Wagtail moves descendants without saving them).

The text vectors are copied from modelsearch's table in the same statement
that writes the facts, so both tables describe the same state of an object."""

from __future__ import annotations

from django.db import connection
from django.db.models.functions import ExtractYear

from wagtail.models import Page

from materials.models import Material, ReviewState

from .facets import tag_through_models
from .models import SearchEntry

ENTRY_TABLE = SearchEntry._meta.db_table
FACT_COLUMNS = (
    "object_id",
    "is_material",
    "locale_id",
    "live",
    "expire_at",
    "path",
    "collection_id",
    "bundesland",
    "year",
    "tags",
    "title_text",
)


def _index_table() -> str:
    from modelsearch.conf import get_app_config

    return get_app_config().get_model("IndexEntry")._meta.db_table


def page_facts(pks) -> list[tuple]:
    """FACT_COLUMNS of the pages ``pks``, read from the database (as
    search.query.public_pages and page_facet_fields see them)."""
    from .query import page_facet_fields

    tags: dict[int, set[str]] = {}
    for through in tag_through_models():
        for page_id, slug in through.objects.filter(content_object_id__in=pks).values_list(
            "content_object_id", "tag__slug"
        ):
            tags.setdefault(page_id, set()).add(slug)
    # The tree's root (depth 1) is no page of the site.
    rows = page_facet_fields(Page.objects.filter(pk__in=pks, depth__gt=1)).values_list(
        "pk", "locale_id", "live", "expire_at", "path", "_bundesland", "_year", "title"
    )
    return [
        (
            pk,
            False,
            locale_id,
            live,
            expire_at,
            path,
            None,
            bundesland,
            year,
            _tag_text(tags.get(pk, ())),
            title,
        )  # fmt: skip
        for pk, locale_id, live, expire_at, path, bundesland, year, title in rows
    ]


def material_facts(pks) -> list[tuple]:
    """FACT_COLUMNS of the materials ``pks`` (language-neutral; "live" when a
    moderator has approved the file)."""
    rows = (
        Material.objects.filter(pk__in=pks)
        .annotate(_year=ExtractYear("effective_date"))
        .values_list("pk", "review_state", "collection_id", "_year", "title")
    )
    return [
        (
            pk,
            True,
            None,
            state == ReviewState.APPROVED,
            None,
            "",
            collection_id,
            None,
            year,
            "",
            title,
        )
        for pk, state, collection_id, year, title in rows
    ]


def _tag_text(slugs) -> str:
    """Schlagwörter as stored: space-separated, with a space at both ends."""
    return f" {' '.join(sorted(slugs))} " if slugs else ""


def write(model, content_type_id: int, pks: list) -> None:
    """Writes (inserts or replaces) the entries of ``model``'s objects ``pks``,
    whose modelsearch index entries (content type ``content_type_id``) were just
    written. Models other than pages and materials are not searched publicly."""
    if issubclass(model, Page):
        facts = page_facts(pks)
    elif issubclass(model, Material):
        facts = material_facts(pks)
    else:
        return
    if not facts:
        return
    columns = ", ".join(FACT_COLUMNS)
    values = ", ".join(["(" + ", ".join(["%s"] * len(FACT_COLUMNS)) + ")"] * len(facts))
    # The VALUES rows' types are inferred from the first row; cast the columns
    # that may be NULL there.
    casts = {
        "locale_id": "::integer",
        "expire_at": "::timestamptz",
        "collection_id": "::integer",
        "bundesland": "::text",
        "year": "::integer",
    }
    selected = ", ".join(f"v.{c}{casts.get(c, '')}" for c in FACT_COLUMNS)
    updates = ", ".join(
        f"{c} = EXCLUDED.{c}" for c in (*FACT_COLUMNS[1:], "title", "body", "title_norm")
    )
    params = [value for row in facts for value in row]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {ENTRY_TABLE} (content_type_id, {columns}, title, body, title_norm) "  # noqa: S608
            f"SELECT ie.content_type_id, {selected}, ie.title, ie.body, ie.title_norm "
            f"FROM (VALUES {values}) AS v ({columns}) "
            f"JOIN {_index_table()} ie ON ie.content_type_id = %s "
            "AND ie.object_id = v.object_id::text "
            "ON CONFLICT (content_type_id, object_id) DO UPDATE SET " + updates,
            [*params, content_type_id],
        )


def remove(obj) -> None:
    """Deletes the entry of the page or material ``obj``."""
    if isinstance(obj, Page | Material):
        SearchEntry.objects.filter(is_material=isinstance(obj, Material), object_id=obj.pk).delete()


def clear() -> None:
    SearchEntry.objects.all().delete()


def refresh() -> None:
    """After a full rebuild of modelsearch's index: drop entries it no longer
    has, and take over its recomputed title weights."""
    index = _index_table()
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {ENTRY_TABLE} e WHERE NOT EXISTS (SELECT 1 FROM {index} ie "  # noqa: S608
            "WHERE ie.content_type_id = e.content_type_id AND ie.object_id = e.object_id::text)"
        )
        cursor.execute(
            f"UPDATE {ENTRY_TABLE} e SET title_norm = ie.title_norm FROM {index} ie "  # noqa: S608
            "WHERE ie.content_type_id = e.content_type_id AND ie.object_id = e.object_id::text "
            "AND e.title_norm IS DISTINCT FROM ie.title_norm"
        )


def fill_from_index(chunk: int = 1000) -> int:
    """Writes an entry for every page and material in modelsearch's index; returns
    how many. For a database whose index was built before this table existed
    (see :func:`fill_if_empty`)."""
    from modelsearch.conf import get_app_config
    from modelsearch.index import get_indexed_models
    from modelsearch.utils import get_content_type_pk

    index_entries = get_app_config().get_model("IndexEntry").objects
    written = 0
    for model in get_indexed_models():
        if not issubclass(model, Page | Material):
            continue
        content_type_id = get_content_type_pk(model)
        ids = [
            int(pk)
            for pk in index_entries.filter(content_type_id=content_type_id).values_list(
                "object_id", flat=True
            )
        ]
        for start in range(0, len(ids), chunk):
            write(model, content_type_id, ids[start : start + chunk])
        written += len(ids)
    return written


def fill_if_empty(**kwargs) -> None:
    """After ``migrate`` (post_migrate): fills the table from modelsearch's index
    if it is empty but the index is not, so that an existing site searches on
    at once after the upgrade that added the table. Runs after all migrations,
    so it reads the models as they are now."""
    from modelsearch.conf import get_app_config

    if connection.vendor != "postgresql" or SearchEntry.objects.exists():
        return
    if get_app_config().get_model("IndexEntry").objects.exists():
        fill_from_index()


def move_subtree(page) -> None:
    """Gives the entries of ``page`` and its descendants their new tree paths."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {ENTRY_TABLE} e SET path = p.path "  # noqa: S608
            f"FROM {Page._meta.db_table} p WHERE NOT e.is_material AND e.object_id = p.id "
            "AND p.path LIKE %s AND e.path <> p.path",
            [page.path + "%"],
        )
