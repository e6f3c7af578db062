"""Uploads are checked by content (materials/validators.py): a file whose content
does not match its extension is refused with a German message naming the file and
the expected type, in the add view, the multiple upload, the chooser's upload tab
and when replacing a file; real files of every allowed type pass. Images: Wagtail
refuses an HTML file named .png (Pillow)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from materials.models import Material
from materials.validators import content_matches
from tests.factories import make_pdf
from tests.materials.support import edit_data, form_collection, upload

HTML = b"<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>"


def zip_bytes(entries: dict[str, bytes], *, first_stored: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first_stored:
            archive.writestr(first_stored, entries[first_stored], zipfile.ZIP_STORED)
        for name, data in entries.items():
            if name != first_stored:
                archive.writestr(name, data)
    return buffer.getvalue()


CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)


def office(main_part: str) -> bytes:
    """An Office Open XML package (docx, xlsx, pptx): [Content_Types].xml and one part."""
    return zip_bytes({"[Content_Types].xml": CONTENT_TYPES, main_part: b"<xml/>"})


ODT = zip_bytes(
    {
        "mimetype": b"application/vnd.oasis.opendocument.text",
        "content.xml": b"<office:document-content/>",
        "META-INF/manifest.xml": b"<manifest:manifest/>",
    },
    first_stored="mimetype",
)
ODS = zip_bytes(
    {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"},
    first_stored="mimetype",
)

GOOD = {
    "programm.pdf": make_pdf("Regionalwerkstatt Gera"),
    "bericht.docx": office("word/document.xml"),
    "zahlen.xlsx": office("xl/workbook.xml"),
    "vortrag.pptx": office("ppt/presentation.xml"),
    "protokoll.odt": ODT,
    "anlagen.zip": zip_bytes({"liste.txt": b"Gera"}),
    "brief.rtf": b"{\\rtf1\\ansi\\deff0 Sehr geehrte Damen und Herren}",
    "teilnehmende.csv": "Name;Ort\nJana;Gera\nJörg;Weimar\n".encode(),
    "alt.csv": "Name;Ort\nJörg;Weimar\n".encode("cp1252"),
    "hinweise.txt": "\ufeffBitte beachten: Anmeldung bis Freitag.\n".encode(),
}

BAD = {
    "programm.pdf": (HTML, "ein PDF-Dokument"),
    "getarnt.pdf": (office("word/document.xml"), "ein PDF-Dokument"),
    "bericht.docx": (make_pdf("kein Word"), "ein Word-Dokument (DOCX)"),
    "leer.docx": (zip_bytes({"word/document.xml": b"<xml/>"}), "ein Word-Dokument (DOCX)"),
    "zahlen.xlsx": (HTML, "eine Excel-Tabelle (XLSX)"),
    "vortrag.pptx": (b"PK\x03\x04kaputt", "eine PowerPoint-Präsentation (PPTX)"),
    "protokoll.odt": (office("word/document.xml"), "ein OpenDocument-Text (ODT)"),
    "tabelle.odt": (ODS, "ein OpenDocument-Text (ODT)"),
    "anlagen.zip": (make_pdf("kein Archiv"), "ein ZIP-Archiv"),
    # An HTML page with an archive appended: zipfile would open it (it reads from the end).
    "polyglott.zip": (HTML + zip_bytes({"liste.txt": b"Gera"}), "ein ZIP-Archiv"),
    "polyglott.docx": (HTML + office("word/document.xml"), "ein Word-Dokument (DOCX)"),
    "brief.rtf": (b"Sehr geehrte Damen und Herren", "ein RTF-Dokument"),
    "seite.txt": (b"  \n" + HTML, "eine Textdatei (UTF-8 oder Windows-1252)"),
    "skript.txt": (b"<script>alert(1)</script>", "eine Textdatei (UTF-8 oder Windows-1252)"),
    "binaer.txt": (b"Text\x00mit NUL", "eine Textdatei (UTF-8 oder Windows-1252)"),
    "liste.csv": (b"Name;Ort\n\x81\x8d\x90;Gera\n", "eine CSV-Datei"),
    "seite.csv": (b"\xef\xbb\xbf<html><body>x</body></html>", "eine CSV-Datei"),
}


def upload_file(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def add(client, name: str, data: bytes):
    payload = {"title": name, "file": upload_file(name, data), "kind": "programm",
               "description": "", "tags": ""}  # fmt: skip
    collection = form_collection(client)
    if collection is not None:
        payload["collection"] = collection
    return client.post(reverse("wagtaildocs:add"), payload)


@pytest.mark.parametrize("name", sorted(GOOD))
def test_real_files_of_every_type_are_accepted(editorial_site, name):
    client = editorial_site.client_for("redaktion")
    response = add(client, name, GOOD[name])
    assert response.status_code == 302, response.context["form"].errors
    assert Material.objects.filter(title=name).exists()


@pytest.mark.parametrize("name", sorted(BAD))
def test_content_that_does_not_match_the_extension_is_refused(editorial_site, name):
    data, expected = BAD[name]
    response = add(editorial_site.client_for("redaktion"), name, data)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get("file", []))
    assert f"„{name}“" in errors
    assert expected in errors
    assert f"„.{name.rsplit('.', 1)[1]}“" in errors
    assert f"Die Datei „{name}“ passt nicht" in response.content.decode()  # shown to the user
    assert not Material.objects.filter(title=name).exists()


def test_multiple_upload_refuses_a_mismatch(editorial_site):
    client = editorial_site.client_for("redaktion")
    url = reverse("wagtaildocs:add_multiple")
    response = client.post(url, {"title": "Getarnt", "files[]": upload_file("getarnt.pdf", HTML)})
    result = json.loads(response.content)
    assert result["success"] is False
    assert "„getarnt.pdf“" in result["error_message"]
    assert "ein PDF-Dokument" in result["error_message"]
    assert not Material.objects.filter(title="Getarnt").exists()
    response = client.post(
        url, {"title": "Echt", "files[]": upload_file("echt.pdf", GOOD["programm.pdf"])}
    )
    assert json.loads(response.content)["success"] is True


def test_chooser_upload_tab_refuses_a_mismatch(editorial_site):
    client = editorial_site.client_for("redaktion")
    collection = client.get(reverse("wagtaildocs_chooser:choose")).context["creation_form"]
    data = {
        "document-chooser-upload-title": "Aus dem Dialog",
        "document-chooser-upload-file": upload_file("dialog.docx", HTML),
        "document-chooser-upload-collection": collection["collection"].value(),
        "document-chooser-upload-kind": "programm",
        "document-chooser-upload-description": "",
        "document-chooser-upload-tags": "",
    }
    response = client.post(reverse("wagtaildocs_chooser:create"), data)
    result = json.loads(response.content)
    assert result["step"] != "chosen"
    assert "„dialog.docx“" in result["htmlFragment"]
    assert "ein Word-Dokument (DOCX)" in result["htmlFragment"]
    assert not Material.objects.filter(title="Aus dem Dialog").exists()


def test_replacing_the_file_is_checked_too(editorial_site):
    client = editorial_site.client_for("redaktion")
    material = upload(client, "Programm", "Regionalwerkstatt")
    url = reverse("wagtaildocs:edit", args=[material.pk])
    response = client.post(url, edit_data(material, file=upload_file("neu.pdf", HTML)))
    assert response.status_code == 200
    assert "„neu.pdf“" in " ".join(response.context["form"].errors["file"])
    material.refresh_from_db()
    assert material.file.read(5) == b"%PDF-"
    # Saving without a new file does not re-check (or re-read) the stored one.
    assert client.post(url, edit_data(material, title="Programm (neu)")).status_code == 302


def test_an_html_file_named_png_is_not_an_image(editorial_site):
    client = editorial_site.client_for("redaktion")
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Bild", "file": upload_file("bild.png", HTML), "tags": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_checks_rewind_the_file(editorial_site):
    """After the check the file is read again from its start (storage saves it)."""
    file = upload_file("programm.pdf", GOOD["programm.pdf"])
    file.read(3)
    assert content_matches(file, "pdf")
    assert file.read(5) == b"%PDF-"
