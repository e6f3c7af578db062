"""Upload checks by content: a material's file must be what its extension says
(WAGTAILDOCS_EXTENSIONS), so that e.g. an HTML page named ``.pdf`` is refused.

- pdf: starts with ``%PDF-``;
- docx, xlsx, pptx: a ZIP archive with ``[Content_Types].xml``;
- odt: a ZIP archive whose ``mimetype`` entry is the ODF text type;
- zip: a ZIP archive;
- rtf: starts with ``{\\rtf``;
- csv, txt: text in UTF-8 or Windows-1252, no NUL byte, not an HTML document.

MaterialForm (materials/forms.py) runs ``check_file_signature`` on every new
file: the add and edit views, the multiple upload and the chooser's upload tab."""

from __future__ import annotations

import os
import zipfile

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext_lazy as _

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# What a text file may not start with (after whitespace): the openings of an HTML
# document or of markup a browser would run.
HTML_OPENINGS = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<svg")

EXPECTED = {
    "pdf": _("ein PDF-Dokument"),
    "docx": _("ein Word-Dokument (DOCX)"),
    "xlsx": _("eine Excel-Tabelle (XLSX)"),
    "pptx": _("eine PowerPoint-Präsentation (PPTX)"),
    "odt": _("ein OpenDocument-Text (ODT)"),
    "zip": _("ein ZIP-Archiv"),
    "rtf": _("ein RTF-Dokument"),
    "csv": _("eine CSV-Datei (Text in UTF-8 oder Windows-1252)"),
    "txt": _("eine Textdatei (UTF-8 oder Windows-1252)"),
}


def _open_zip(file: File) -> zipfile.ZipFile | None:
    file.seek(0)
    try:
        return zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _zip_ok(file: File, extension: str) -> bool:
    file.seek(0)
    if file.read(4) != b"PK\x03\x04":
        return False
    archive = _open_zip(file)
    if archive is None:
        return False
    with archive:
        names = set(archive.namelist())
        if extension in ("docx", "xlsx", "pptx"):
            return "[Content_Types].xml" in names
        if extension == "odt":
            if "mimetype" not in names:
                return False
            try:
                with archive.open("mimetype") as entry:
                    # Read a bounded amount: a crafted entry could unpack to gigabytes.
                    return entry.read(len(ODT_MIMETYPE) + 1).strip() == ODT_MIMETYPE
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
                return False
    return True


def _text_ok(file: File) -> bool:
    file.seek(0)
    data = file.read()
    if b"\x00" in data:
        return False
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return False
    opening = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:16].lower()
    return not opening.startswith(HTML_OPENINGS)


def content_matches(file: File, extension: str) -> bool:
    """Whether ``file``'s content is of the type its ``extension`` names."""
    file.seek(0)
    head = file.read(8)
    if extension == "pdf":
        ok = head.startswith(b"%PDF-")
    elif extension == "rtf":
        ok = head.startswith(b"{\\rtf")
    elif extension in ("docx", "xlsx", "pptx", "odt", "zip"):
        ok = _zip_ok(file, extension)
    elif extension in ("csv", "txt"):
        ok = _text_ok(file)
    else:  # not an allowed extension: Wagtail's extension check refuses it already
        ok = True
    file.seek(0)
    return ok


def check_file_signature(file: File) -> None:
    """Raises a ValidationError naming the file and the expected type on a mismatch."""
    name = os.path.basename(file.name or "")
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in EXPECTED or content_matches(file, extension):
        return
    raise ValidationError(
        _(
            "Die Datei „%(name)s“ passt nicht zu ihrer Endung „.%(extension)s“: "
            "erwartet wird %(expected)s. Bitte laden Sie die Datei im angegebenen "
            "Format hoch oder benennen Sie sie richtig."
        ),
        code="file_signature",
        params={"name": name, "extension": extension, "expected": EXPECTED[extension]},
    )
