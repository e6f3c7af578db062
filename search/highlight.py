"""Snippets with the query terms marked (<mark>), HTML-escaped.

The snippet is the passage around the first hit: in the body or PDF text first,
then in the teaser; without a hit there (a title match), the start of the
teaser. The title is never repeated in it (search.query.searchable_text).

Works on plain text in Python, the same for every engine. German inflection is
approximated by matching words that start with the stem of a query term
("Kommunen" marks "Kommune" and "kommunalen"), and umlauts may be spelled out
("Thueringen" marks "Thüringen"). A query word that begins a compound part of
search/compounds.txt marks the whole word it is part of ("Förderung" marks
"Gesundheitsförderung"), as the index finds such words by their parts
(search.german.decompound)."""

from __future__ import annotations

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from .german import COMPOUND_WORDS

SNIPPET_CHARS = 260
LEAD_CHARS = 80
# Longest first, so that "ungen" is removed before "en".
SUFFIXES = ("ungen", "ung", "innen", "ern", "en", "er", "es", "em", "e", "n", "s")
MIN_STEM = 4
UMLAUTS = {"ae": "(?:ä|ae)", "oe": "(?:ö|oe)", "ue": "(?:ü|ue)", "ss": "(?:ß|ss)"}
FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
COMPOUND_PARTS = tuple(part.translate(FOLD) for part in COMPOUND_WORDS)


def stem(word: str) -> str:
    word = word.lower().translate(FOLD)
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def _stem_pattern(stemmed: str) -> str:
    parts = re.split(r"(ae|oe|ue|ss)", stemmed)
    return "".join(UMLAUTS.get(part, re.escape(part)) for part in parts)


def terms_pattern(query: str) -> re.Pattern | None:
    """A regex matching words that begin with the stem of any query word, and
    words that contain it when it begins a compound part (whole words)."""
    stems = {stem(w) for w in re.findall(r"\w+", query) if len(w) >= 2}
    if not stems:
        return None
    ordered = sorted(stems, key=len, reverse=True)
    alternatives = "|".join(_stem_pattern(s) for s in ordered)
    # Inside words only for stems of MIN_STEM letters: "ki" would mark every "…ki…".
    inner = "|".join(
        _stem_pattern(s)
        for s in ordered
        if len(s) >= MIN_STEM and any(p.startswith(s) for p in COMPOUND_PARTS)
    )
    compounds = rf"|\b\w+?(?:{inner})\w*" if inner else ""
    return re.compile(rf"\b(?:{alternatives})\w*{compounds}", re.IGNORECASE)


def plain_text(parts) -> str:
    """Whitespace-collapsed text from strings or lists of strings (may hold HTML)."""
    texts: list[str] = []
    for part in parts:
        if part is None:
            continue
        if isinstance(part, list | tuple):
            texts.append(plain_text(part))
        else:
            texts.append(strip_tags(str(part)))
    return " ".join(" ".join(texts).split())


def mark(text: str, pattern: re.Pattern | None) -> SafeString:
    """``text`` HTML-escaped, with every match of ``pattern`` in <mark>."""
    if pattern is None:
        return escape(text)
    out: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        out.append(escape(text[position : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above


def snippet(text: str, pattern: re.Pattern | None, size: int = SNIPPET_CHARS) -> SafeString:
    """A window of ``text`` around the first match (or its start), marked."""
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.start() > LEAD_CHARS:
        start = text.rfind(" ", 0, match.start() - LEAD_CHARS) + 1
    end = start + size
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = text[start:end]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + mark(window, pattern) + suffix)  # noqa: S308 - marked escapes


def passage(parts: list[str], summary: str, pattern: re.Pattern | None) -> SafeString:
    """The snippet of a hit: a window around the first match in the first of
    ``parts`` (body, PDF text …) that has one, else in ``summary``; without any
    match, the start of ``summary`` (or of the first part)."""
    if pattern is not None:
        for text in (*parts, summary):
            if text and pattern.search(text):
                return snippet(text, pattern)
    return snippet(summary or (parts[0] if parts else ""), pattern)
