"""Upload checks for the sign-language videos (accessibility.SignLanguageVideo):
extension, size and content, so that the page only ever offers the browser what
its ``<video>`` and ``<track>`` elements announce.

- WebM: an EBML header (``1A 45 DF A3``) whose DocType is ``webm``;
- MP4: an ISO base media file (``ftyp`` box at offset 4);
- WebVTT: UTF-8 text that starts with ``WEBVTT`` (after an optional byte-order
  mark), followed by a space, a tab or a line break, and contains no NUL byte.

Each check raises a ValidationError with a message for the editor: the admin
form shows it at the field (a bad upload is a form error, never a 500)."""

from __future__ import annotations

import os
import re

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024
# A few minutes of DGS at 720p are 20–60 MB; nginx accepts uploads up to this size
# on the page editor (docs/deploy/nginx.conf, "location ^~ /admin/pages/").
VIDEO_MAX_BYTES = 100 * MB
# Captions of a long video are a few dozen KB.
CAPTIONS_MAX_BYTES = 512 * 1024

EBML_MAGIC = b"\x1a\x45\xdf\xa3"
# The DocType element (ID 42 82, a size of one to eight bytes, then "webm").
WEBM_DOCTYPE = re.compile(rb"\x42\x82.{1,8}webm", re.DOTALL)


def _extension(file: File) -> str:
    return os.path.splitext(file.name or "")[1].lower().lstrip(".")


def _head(file: File, size: int) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def _check_upload(file: File, extension: str, max_bytes: int, label) -> None:
    if _extension(file) != extension:
        raise ValidationError(
            _("Bitte eine Datei mit der Endung .%(extension)s hochladen (%(label)s)."),
            code="extension",
            params={"extension": extension, "label": label},
        )
    if file.size is not None and file.size > max_bytes:
        raise ValidationError(
            _("Die Datei ist zu groß: höchstens %(limit)s MB."),
            code="size",
            params={"limit": f"{max_bytes / MB:g}"},
        )


def _not_what_it_says(label) -> ValidationError:
    return ValidationError(
        _("Der Inhalt der Datei ist kein %(label)s."), code="content", params={"label": label}
    )


def validate_webm(file: File) -> None:
    """A WebM video (extension, at most VIDEO_MAX_BYTES, EBML header with DocType webm)."""
    label = _("WebM-Video")
    _check_upload(file, "webm", VIDEO_MAX_BYTES, label)
    head = _head(file, 64)
    # The DocType sits in the first few dozen bytes of the EBML header.
    if not head.startswith(EBML_MAGIC) or not WEBM_DOCTYPE.search(head):
        raise _not_what_it_says(label)


def validate_mp4(file: File) -> None:
    """An MP4 video (extension, at most VIDEO_MAX_BYTES, an ``ftyp`` box first)."""
    label = _("MP4-Video")
    _check_upload(file, "mp4", VIDEO_MAX_BYTES, label)
    head = _head(file, 12)
    if len(head) < 12 or head[4:8] != b"ftyp":
        raise _not_what_it_says(label)


def validate_webvtt(file: File) -> None:
    """WebVTT captions (extension .vtt, at most CAPTIONS_MAX_BYTES, UTF-8, "WEBVTT" first)."""
    label = _("WebVTT-Untertitel")
    _check_upload(file, "vtt", CAPTIONS_MAX_BYTES, label)
    data = _head(file, CAPTIONS_MAX_BYTES + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Die Untertitel müssen in UTF-8 gespeichert sein."), code="encoding"
        ) from None
    text = text.removeprefix("\ufeff")
    if "\x00" in text or not (
        text == "WEBVTT" or (text.startswith("WEBVTT") and text[6] in " \t\r\n")
    ):
        raise ValidationError(
            _("Untertitel im Format WebVTT beginnen mit der Zeile „WEBVTT“."), code="content"
        )
