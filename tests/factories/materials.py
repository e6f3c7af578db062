"""Materials (Wagtail documents) with a real small PDF, in collections; crafted
PDFs that cost much CPU time or memory to read."""

import io
import zlib

import factory
from factory.django import DjangoModelFactory
from fpdf import FPDF

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.models import Collection, CollectionViewRestriction

from materials.models import Material, MaterialKind, ReviewState


def make_pdf(text: str) -> bytes:
    """A one-page PDF containing ``text`` (Latin-1 characters only)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 10, text=text)
    return bytes(pdf.output())


def collection(name: str) -> Collection:
    """A collection directly under the root collection (created once)."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def restricted_collection(name: str = "Interne Materialien", group: Group | None = None):
    """A collection visible only to ``group`` (or to logged-in users without a group)."""
    restricted = collection(name)
    if group is None:
        CollectionViewRestriction.objects.create(
            collection=restricted, restriction_type=CollectionViewRestriction.LOGIN
        )
    else:
        restriction = CollectionViewRestriction.objects.create(
            collection=restricted, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.add(group)
    return restricted


class MaterialFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Programm Regionalwerkstatt {n}")
    kind = MaterialKind.PROGRAMM
    description = "Programm der Veranstaltung."
    collection = factory.LazyFunction(lambda: collection("Materialien"))
    file = factory.LazyAttribute(
        lambda o: ContentFile(make_pdf(o.title), name=f"{slugify(o.title)}.pdf")
    )
    # Approved unless a test says otherwise (uploads through the admin are moderated).
    review_state = ReviewState.APPROVED

    class Meta:
        model = Material


def pdf_with_content(content: bytes, form: bytes | None = None) -> bytes:
    """A valid one-page PDF whose page content stream is ``content``, compressed
    (FlateDecode); with ``form``, the page can draw the form XObject /X0 of that
    content (``/X0 Do``). Written by hand: streams of millions of operators are
    what make a crafted PDF small on disk and expensive to read."""
    resources = b"/Font << /F1 5 0 R >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << %s%s >> >>" % (resources, b" /XObject << /X0 6 0 R >>" if form else b""),
        _stream(b"", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if form is not None:
        form_dict = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << %s >> "
        objects.append(_stream(form_dict % resources, form))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def _stream(entries: bytes, data: bytes) -> bytes:
    compressed = zlib.compress(data, 9)
    header = b"<< %s/Length %d /Filter /FlateDecode >>" % (entries, len(compressed))
    return header + b"\nstream\n" + compressed + b"\nendstream"


def issue_pdf() -> bytes:
    """The shape measured in the issue: 8 MB of page content (1.6 million
    text-showing operators) in about 12 KB. pypdf 7.1 gives up on it by itself
    (a parsing budget per stream) after some 7 s of CPU."""
    return pdf_with_content(b"(a)'\n" * 1_600_000)


def slow_pdf() -> bytes:
    """2 KB that cost minutes of CPU: a form XObject of 200,000 text-showing
    operators (within pypdf's budget per stream) drawn 50 times by the page
    (pypdf reads it again each time: some 2 s of CPU per drawing)."""
    return pdf_with_content(b"/X0 Do\n" * 50, form=b"(a)'\n" * 200_000)


def bloated_pdf() -> bytes:
    """40 MB of page content in about 40 KB: cheap to parse, but the reader holds
    it in memory at once."""
    return pdf_with_content(b"q Q\n" * 10_000_000)
