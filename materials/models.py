"""Materials: the portal's document model (Programm, Dokumentation, Vortrag,
Handreichung), kept in collections. A material is public when no collection on
its path carries a view restriction."""

from collections.abc import Iterable

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, DocumentQuerySet
from wagtail.models import CollectionViewRestriction
from wagtail.search import index

from .text import extract_pdf_text


class MaterialKind(models.TextChoices):
    PROGRAMM = "programm", _("Programm")
    DOKUMENTATION = "dokumentation", _("Dokumentation")
    VORTRAG = "vortrag", _("Vortrag")
    HANDREICHUNG = "handreichung", _("Handreichung")
    SONSTIGES = "sonstiges", _("Sonstiges")


def restricted_collection_paths() -> list[str]:
    """Tree paths of all collections that carry a view restriction (one query)."""
    return list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))


class MaterialQuerySet(DocumentQuerySet):
    def public(self):
        """Materials whose collection and its ancestors have no view restriction."""
        restricted = Q()
        for path in restricted_collection_paths():
            restricted |= Q(collection__path__startswith=path)
        return self.exclude(restricted) if restricted else self


class Material(AbstractDocument):
    """A document editors attach to events and regions, with its kind."""

    kind = models.CharField(
        _("Art"), max_length=20, choices=MaterialKind.choices, default=MaterialKind.SONSTIGES
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    # Plain text of the file (PDF), filled on save when the file changes; for search.
    extracted_text = models.TextField(_("Extrahierter Text"), blank=True, editable=False)

    admin_form_fields = ("title", "file", "collection", "kind", "description", "tags")
    search_fields = AbstractDocument.search_fields + [
        index.SearchField("description"),
        index.SearchField("extracted_text"),
        index.FilterField("kind"),
    ]

    objects = MaterialQuerySet.as_manager()

    class Meta(AbstractDocument.Meta):
        verbose_name = _("Material")
        verbose_name_plural = _("Materialien")
        permissions = [("choose_document", "Can choose document")]

    def save(self, *args, **kwargs):
        if self.file and (self._state.adding or self._file_changed()):
            self.extracted_text = (
                extract_pdf_text(self.file) if self.file_extension.lower() == "pdf" else ""
            )
        super().save(*args, **kwargs)

    def _file_changed(self) -> bool:
        previous = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
        return previous != self.file.name

    @property
    def extension_upper(self) -> str:
        return self.file_extension.upper()


def public_materials(links: Iterable) -> list[Material]:
    """The public documents among ``links`` (objects with a ``document``), in order."""
    paths = restricted_collection_paths()
    documents = [link.document for link in links]
    return [doc for doc in documents if not any(doc.collection.path.startswith(p) for p in paths)]
