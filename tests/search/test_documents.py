"""Document text for search (materials/text.py, which the background task runs
in a limited child process): bounded for large files; a broken or encrypted PDF
gives no text, a reason and a warning in the log. The task itself, the limits
and what editors see: tests/materials/test_extraction.py."""

import io
import logging
from unittest import mock

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from django.test import SimpleTestCase

from materials import text
from tests.factories import make_pdf


def pdf_with_pages(pages: int, word: str = "Seite") -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in range(pages):
        pdf.add_page()
        pdf.cell(0, 10, text=f"{word} {number}")
    return bytes(pdf.output())


def encrypted_pdf(content: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(content))))
    writer.encrypt("geheim")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def named(data: bytes, name: str) -> io.BytesIO:
    file = io.BytesIO(data)
    file.name = name
    return file


class DocumentTextTests(SimpleTestCase):
    def test_text_is_extracted(self):
        extracted = text.extract_pdf_text(named(make_pdf("Ablaufplan Resonanzrunde"), "a.pdf"))
        self.assertIn("Resonanzrunde", extracted)

    def test_broken_pdf_gives_a_reason_and_a_warning(self):
        with (
            self.assertLogs("materials.text", level=logging.WARNING) as logs,
            self.assertRaises(text.UnreadablePdf) as raised,
        ):
            text.extract_pdf_text(named(b"%PDF-1.4 this is not a pdf", "kaputt.pdf"))
        self.assertFalse(raised.exception.encrypted)
        self.assertIn("kaputt", logs.output[0])

    def test_encrypted_pdf_gives_a_reason_and_a_warning(self):
        with (
            self.assertLogs("materials.text", level=logging.WARNING) as logs,
            self.assertRaises(text.UnreadablePdf) as raised,
        ):
            text.extract_pdf_text(named(encrypted_pdf("Verschlossen"), "zu.pdf"))
        self.assertTrue(raised.exception.encrypted)
        self.assertIn("encrypted", logs.output[0])

    def test_large_files_are_bounded_by_pages(self):
        with mock.patch.object(text, "MAX_PAGES", 5):
            extracted = text.extract_pdf_text(named(pdf_with_pages(20), "lang.pdf"))
        self.assertIn("Seite 4", extracted)
        self.assertNotIn("Seite 5", extracted)

    def test_large_files_are_bounded_by_characters(self):
        with mock.patch.object(text, "MAX_TEXT_CHARS", 30):
            extracted = text.extract_pdf_text(named(pdf_with_pages(20), "viel.pdf"))
        self.assertLessEqual(len(extracted), 30)
        self.assertIn("Seite 0", extracted)

    def test_large_files_are_bounded_by_time(self):
        clock = iter(range(0, 10_000, 20))  # every page "takes" 20 seconds
        with (
            mock.patch.object(text.time, "monotonic", lambda: next(clock)),
            self.assertLogs("materials.text", level=logging.WARNING),
        ):
            extracted = text.extract_pdf_text(named(pdf_with_pages(20), "zaeh.pdf"))
        self.assertIn("Seite 0", extracted)
        self.assertNotIn("Seite 5", extracted)
