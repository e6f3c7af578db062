"""The text and metadata of links to materials: "Programm (PDF, 2,8 KB, 30.09.2019)"
with the format named once (home/templatetags/formatting.py)."""

from datetime import date
from types import SimpleNamespace

from django.test import SimpleTestCase
from django.utils import translation

from home.templatetags.formatting import document_meta, without_format


class WithoutFormatTests(SimpleTestCase):
    def test_a_trailing_format_is_dropped(self):
        self.assertEqual(
            without_format("Programm der Lernwerkstatt (PDF)"), "Programm der Lernwerkstatt"
        )
        self.assertEqual(without_format("Protokoll [docx] "), "Protokoll")
        self.assertEqual(without_format("Programme (pdf)"), "Programme")

    def test_other_brackets_and_a_bare_format_stay(self):
        self.assertEqual(without_format("Bericht (Entwurf)"), "Bericht (Entwurf)")
        self.assertEqual(without_format("Programm (PDF) Teil 2"), "Programm (PDF) Teil 2")
        self.assertEqual(without_format("(PDF)"), "(PDF)")
        self.assertEqual(without_format(None), "")


class MissingFile:
    @property
    def size(self):
        raise FileNotFoundError


class DocumentMetaTests(SimpleTestCase):
    def document(self, **kwargs):
        values = {"file_extension": "pdf", "file_size": 2867, "effective_date": date(2019, 9, 30)}
        return SimpleNamespace(**{**values, **kwargs})

    def test_format_size_and_date(self):
        with translation.override("de"):
            meta = document_meta(self.document())
        self.assertEqual(
            meta.replace("\xa0", " "),
            'PDF, 2,8 KB, <time datetime="2019-09-30">30.09.2019</time>',
        )

    def test_unknown_size_and_date_are_left_out(self):
        meta = document_meta(self.document(file_size=None, effective_date=None, file=MissingFile()))
        self.assertEqual(meta, "PDF")
