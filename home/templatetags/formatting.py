"""Formatting filters for the public templates: German date ranges, document
sizes and metadata, page type labels, telephone links and the language of material titles."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from django import template
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

register = template.Library()

DATE_FORMAT = "d.m.Y"  # 30.09.2019
TIME_FORMAT = "H:i"  # 10:00


def _local(value: datetime) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def _time_element(value: date | datetime, text: str) -> SafeString:
    if isinstance(value, datetime):
        value = value.replace(microsecond=0)
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), text)


@register.filter
def date_range(start: datetime | None, end: datetime | None = None) -> SafeString:
    """``{{ event.start|date_range:event.end }}`` in the site's time zone, German style:
    "30.09.2019, 10:00–16:00 Uhr" on one day, else
    "30.09.2019, 10:00 Uhr – 01.10.2019, 16:00 Uhr". Wrapped in <time> elements."""
    if start is None:
        return format_html("")
    start = _local(start)
    start_date = date_format(start, DATE_FORMAT)
    start_time = date_format(start, TIME_FORMAT)
    if end is None or end <= start:
        return format_html(
            _("{date}, {start} Uhr"),
            date=start_date,
            start=_time_element(start, start_time),
        )
    end = _local(end)
    end_time = date_format(end, TIME_FORMAT)
    if start.date() == end.date():
        return format_html(
            _("{date}, {start}–{end} Uhr"),
            date=start_date,
            start=_time_element(start, start_time),
            end=_time_element(end, end_time),
        )
    return format_html(
        _("{start} Uhr – {end} Uhr"),
        start=_time_element(start, f"{start_date}, {start_time}"),
        end=_time_element(end, f"{date_format(end, DATE_FORMAT)}, {end_time}"),
    )


@register.filter
def date_de(value: date | datetime | None) -> SafeString:
    """A date as "30.09.2019" in a <time> element."""
    if value is None:
        return format_html("")
    if isinstance(value, datetime):
        value = _local(value)
    return _time_element(value, date_format(value, DATE_FORMAT))


@register.filter
def document_size(document: Any) -> int | None:
    """A document's size in bytes (for ``|filesizeformat``), or None if unknown."""
    if document is None:
        return None
    size = getattr(document, "file_size", None)
    if size is not None:
        return size
    try:
        return document.file.size
    except (OSError, ValueError):
        return None


@register.filter
def document_meta(document: Any) -> SafeString:
    """What a document link shows after its text, in one place: format, size (if
    known) and the material's date, e.g. "PDF, 2,8 KB, 30.09.2019"."""
    if document is None:
        return format_html("")
    parts = [format_html("{}", document.file_extension.upper())]
    size = document_size(document)
    if size is not None:
        parts.append(format_html("{}", filesizeformat(size)))
    day = getattr(document, "effective_date", None)
    if day is not None:
        parts.append(date_de(day))
    return format_html_join(", ", "{}", ((part,) for part in parts))


def _format_suffix() -> re.Pattern:
    extensions = "|".join(re.escape(ext) for ext in settings.WAGTAILDOCS_EXTENSIONS)
    return re.compile(rf"\s*[(\[]\s*(?:{extensions})\s*[)\]]\s*$", re.IGNORECASE)


@register.filter
def without_format(text: str | None) -> str:
    """A link text without a trailing "(PDF)" (or another document format): the
    link's metadata names the format already (``document_meta``)."""
    if not text:
        return ""
    return _format_suffix().sub("", str(text)) or str(text)


@register.filter
def page_type_label(page: Any) -> str:
    """The verbose name of a page's type ("Veranstaltung", "Region" …)."""
    model = getattr(page, "specific_class", None) or type(page)
    meta = getattr(model, "_meta", None)
    return str(meta.verbose_name) if meta is not None else ""


@register.filter
def tel_href(phone: str | None) -> str:
    """A telephone number as a ``tel:`` URL: "+49 (0)30 123 45-6" -> "tel:+4930123456"."""
    if not phone:
        return ""
    number = phone.replace("(0)", "")
    number = re.sub(r"[^\d+]", "", number)
    return f"tel:{number}" if number else ""


@register.simple_tag
def materials_lang() -> SafeString:
    """`` lang="de"`` where material (document) titles and descriptions, which are
    written in German only, appear on a page in another language; else ""."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return SafeString("")
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)
