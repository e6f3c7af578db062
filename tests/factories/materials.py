"""Materials (Wagtail documents) with a real small PDF, in collections."""

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
