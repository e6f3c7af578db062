"""Document text for search: extracted on save, bounded for large files; a broken
or encrypted PDF is saved without text and with a warning in the log."""

import io
import logging
from unittest import mock

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from django.core.files.base import ContentFile
from django.test import TestCase

from materials import text
from tests.factories import MaterialFactory, make_pdf


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


class DocumentTextTests(TestCase):
    def test_text_is_extracted_on_save(self):
        material = MaterialFactory(
            file=ContentFile(make_pdf("Ablaufplan Resonanzrunde"), name="ablauf.pdf")
        )
        self.assertIn("Resonanzrunde", material.extracted_text)

    def test_broken_pdf_is_saved_with_a_warning(self):
        with self.assertLogs("materials.text", level=logging.WARNING) as logs:
            material = MaterialFactory(
                file=ContentFile(b"%PDF-1.4 this is not a pdf", name="kaputt.pdf")
            )
        self.assertEqual(material.extracted_text, "")
        self.assertTrue(material.pk)
        self.assertIn("kaputt", logs.output[0])

    def test_encrypted_pdf_is_saved_with_a_warning(self):
        with self.assertLogs("materials.text", level=logging.WARNING) as logs:
            material = MaterialFactory(
                file=ContentFile(encrypted_pdf("Verschlossen"), name="verschluesselt.pdf")
            )
        self.assertEqual(material.extracted_text, "")
        self.assertIn("encrypted", logs.output[0])

    def test_large_files_are_bounded_by_pages(self):
        with mock.patch.object(text, "MAX_PAGES", 5):
            material = MaterialFactory(file=ContentFile(pdf_with_pages(20), name="lang.pdf"))
        self.assertIn("Seite 4", material.extracted_text)
        self.assertNotIn("Seite 5", material.extracted_text)

    def test_large_files_are_bounded_by_characters(self):
        with mock.patch.object(text, "MAX_TEXT_CHARS", 30):
            material = MaterialFactory(file=ContentFile(pdf_with_pages(20), name="viel.pdf"))
        self.assertLessEqual(len(material.extracted_text), 30)

    def test_large_files_are_bounded_by_time(self):
        clock = iter(range(0, 10_000, 20))  # every page "takes" 20 seconds
        with (
            mock.patch.object(text.time, "monotonic", lambda: next(clock)),
            self.assertLogs("materials.text", level=logging.WARNING),
        ):
            material = MaterialFactory(file=ContentFile(pdf_with_pages(20), name="zaeh.pdf"))
        self.assertIn("Seite 0", material.extracted_text)
        self.assertNotIn("Seite 5", material.extracted_text)
