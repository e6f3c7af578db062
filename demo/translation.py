"""English demo pages as wagtail-localize translations of the German ones.

For a page file with ``en:`` the German page becomes a TranslationSource; an
unsaved copy of the page filled with the English values (same StreamField block
ids, same inline rows) is run through wagtail-localize's own segment extractor,
and each German string segment gets the English string found at the same path
and position as its StringTranslation. ``Translation.save_target`` then builds
the English page, so it stays linked: the translation editor shows it at 100 %
and "Sync translated pages" works.

A German segment without English partner is a data error naming the file and
field. ``~`` in ``en:`` marks a field or block as deliberately not yet
translated: it keeps the German text and is reported."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from .data import PageFile

STREAM_KEYS = ("body", "levels")
# Inline rows translated with their page (segments "<relation>.<translation_key>.<field>").
INLINE_RELATIONS = ("contacts", "assessments")


@dataclass
class EnglishText:
    """The English values of a page file with ``~`` (not yet translated) filled from German."""

    values: dict[str, Any]
    untranslated: set[str] = field(default_factory=set)  # field names or "field.index"


def english_text(data: PageFile) -> EnglishText:
    """``en:`` checked against ``de:``; German values stand in where ``en:`` says ``~``."""
    de, en = data.de, data.en or {}
    for key in en:
        if key != "slug" and key not in de:
            raise data.error(f"en: „{key}“ hat kein Gegenstück in de:")
    values: dict[str, Any] = {}
    untranslated: set[str] = set()
    for key, german in de.items():
        if key not in en:
            raise data.error(f"en: „{key}“ fehlt (de: hat Text; ~ heißt „noch nicht übersetzt“)")
        english = en[key]
        if english is None:
            values[key] = german
            untranslated.add(key)
        elif key in STREAM_KEYS:
            if not isinstance(english, list) or len(english) != len(german):
                count = len(english) if isinstance(english, list) else 0
                raise data.error(
                    f"en: „{key}“ hat {count} Blöcke, de: {len(german)} (gleiche Folge nötig)"
                )
            blocks = []
            for index, (en_block, de_block) in enumerate(zip(english, german, strict=True)):
                de_kind = _kind(de_block)
                if en_block is None or _block_value(en_block) is None:
                    blocks.append(de_block)
                    untranslated.add(f"{key}.{index}")
                    continue
                if _kind(en_block) != de_kind:
                    raise data.error(
                        f"en: „{key}“ Block {index + 1} ist „{_kind(en_block)}“, de: „{de_kind}“"
                    )
                blocks.append(en_block)
            values[key] = blocks
        else:
            values[key] = english
    return EnglishText(values, untranslated)


def _kind(block: Any) -> str:
    if isinstance(block, dict) and len(block) == 1:
        return next(iter(block))
    if isinstance(block, dict) and "name" in block:  # a criterion's stage
        return "stage"
    return type(block).__name__


def _block_value(block: Any) -> Any:
    if isinstance(block, dict) and len(block) == 1:
        return next(iter(block.values()))
    return block


def copy_block_ids(raw: list[dict[str, Any]], german: Any) -> list[dict[str, Any]]:
    """``raw`` blocks with the ids of the German StreamField's blocks, position by position."""
    german_raw = list(german.raw_data)
    return [
        {**block, "id": german_block["id"]}
        for block, german_block in zip(raw, german_raw, strict=True)
    ]


def readable(path: str, source_page: Page) -> str:
    """``body.<uuid>.text`` as ``body, Block 3 (text)``."""
    parts = path.split(".")
    name = parts[0]
    if len(parts) > 1 and name in STREAM_KEYS:
        ids = [block["id"] for block in getattr(source_page, name).raw_data]
        index = ids.index(parts[1]) + 1 if parts[1] in ids else "?"
        rest = f" ({'.'.join(parts[2:])})" if len(parts) > 2 else ""
        return f"{name}, Block {index}{rest}"
    if len(parts) > 1 and name in INLINE_RELATIONS:
        keys = [str(row.translation_key) for row in _rows(source_page, name)]
        index = keys.index(parts[1]) + 1 if parts[1] in keys else "?"
        return f"{name}, Zeile {index} ({'.'.join(parts[2:])})"
    return path


def _rows(source_page: Page, relation: str) -> list[Model]:
    return list(getattr(source_page, relation).order_by("sort_order"))


def _untranslated_prefixes(text: EnglishText, source_page: Page) -> list[str]:
    prefixes = []
    for item in text.untranslated:
        name, _dot, index = item.partition(".")
        if name in INLINE_RELATIONS and index:
            row = _rows(source_page, name)[int(index)]
            prefixes.append(f"{name}.{row.translation_key}")
        elif index:
            block_id = list(getattr(source_page, name).raw_data)[int(index)]["id"]
            prefixes.append(f"{name}.{block_id}")
        else:
            prefixes.append(name)
    return prefixes


def translate_page(
    data: PageFile,
    source_page: Page,
    english_copy: Callable[[EnglishText], Model],
    locale: Locale,
) -> tuple[Page, list[str]]:
    """The English translation of ``source_page`` made through wagtail-localize.

    ``english_copy`` builds the unsaved English page from the English values (with
    the German block ids and inline rows). Returns the page (saved, not yet
    published) and the readable names of segments left untranslated (``~``)."""
    text = english_text(data)
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    copy = english_copy(text)

    english: dict[str, list[str]] = defaultdict(list)
    for segment in extract_segments(copy):
        if isinstance(segment, StringSegmentValue):
            english[segment.path].append(segment.string.data)

    skip = _untranslated_prefixes(text, source_page)
    untranslated: list[str] = []
    seen: dict[str, int] = defaultdict(int)
    pairs = []
    for segment in (
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    ):
        path = segment.context.path
        position = seen[path]
        seen[path] += 1
        if any(path == prefix or path.startswith(prefix + ".") for prefix in skip):
            untranslated.append(readable(path, source_page))
            continue
        candidates = english.get(path, [])
        if position >= len(candidates):
            raise data.error(
                f"en: kein englischer Text für „{readable(path, source_page)}“ "
                f"(de: „{segment.string.data[:60]}“)"
            )
        pairs.append((segment, candidates[position]))
    for path, strings in english.items():
        if len(strings) > seen.get(path, 0) and not any(path.startswith(p) for p in skip):
            raise data.error(
                f"en: „{readable(path, source_page)}“ hat mehr Textabschnitte als de: "
                f"({len(strings)} statt {seen.get(path, 0)})"
            )

    for segment, string in pairs:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": string},
        )
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # publish=False: wagtail-localize publishes on commit, which a caller's outer
    # transaction (tests, the command's atomic block) would delay or drop; the
    # builder publishes the new revision itself.
    translation.save_target(publish=False)
    page = source_page.get_translation(locale).specific
    return page, untranslated
