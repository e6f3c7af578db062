"""Materials: the portal's document model (Programm, Dokumentation, Vortrag,
Handreichung), kept in collections. A material is public when a moderator has
approved its file and no collection on its path carries a view restriction.

A new or replaced file is "zur Prüfung" unless a moderator uploaded it
(materials/forms.py decides, materials/moderation.py approves and rejects)."""

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
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


class ReviewState(models.TextChoices):
    PENDING = "pending", _("Zur Prüfung")
    APPROVED = "approved", _("Freigegeben")
    REJECTED = "rejected", _("Zurückgewiesen")


def restricted_collection_paths() -> list[str]:
    """Tree paths of all collections that carry a view restriction (one query)."""
    return list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))


class MaterialQuerySet(DocumentQuerySet):
    def public(self):
        """Approved materials whose collection and its ancestors have no view restriction."""
        approved = self.filter(review_state=ReviewState.APPROVED)
        restricted = Q()
        for path in restricted_collection_paths():
            restricted |= Q(collection__path__startswith=path)
        return approved.exclude(restricted) if restricted else approved

    def pending(self):
        return self.filter(review_state=ReviewState.PENDING)


class Material(AbstractDocument):
    """A document editors attach to events and regions, with its kind."""

    kind = models.CharField(
        _("Art"), max_length=20, choices=MaterialKind.choices, default=MaterialKind.SONSTIGES
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    # Plain text of the file (PDF), filled on save when the file changes; for search.
    extracted_text = models.TextField(_("Extrahierter Text"), blank=True, editable=False)
    # Moderation of the file: who submitted it when, and the moderator's decision.
    review_state = models.CharField(
        _("Prüfstatus"),
        max_length=20,
        choices=ReviewState.choices,
        default=ReviewState.PENDING,
        db_index=True,
        editable=False,
    )
    review_comment = models.TextField(_("Begründung"), blank=True, editable=False)
    submitted_at = models.DateTimeField(_("eingereicht am"), null=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eingereicht von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    reviewed_at = models.DateTimeField(_("geprüft am"), null=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geprüft von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

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
        new_file = bool(self.file) and (self._state.adding or self._file_changed())
        if new_file:
            self.extracted_text = (
                extract_pdf_text(self.file) if self.file_extension.lower() == "pdf" else ""
            )
            # A file replaced outside the admin's forms (which decide themselves)
            # has not been reviewed.
            if not self._state.adding and not getattr(self, "_review_decided", False):
                self.submit_for_review(None)
        self._review_decided = False
        super().save(*args, **kwargs)

    def submit_for_review(self, user) -> None:
        """Mark the material "zur Prüfung" by ``user`` (not saved)."""
        self.review_state = ReviewState.PENDING
        self.review_comment = ""
        self.submitted_at = timezone.now()
        self.submitted_by = user if user is not None and user.is_authenticated else None
        self.reviewed_at = self.reviewed_by = None
        self._review_decided = True

    def mark_reviewed(self, user, state: str, comment: str = "") -> None:
        """Record a moderator's decision (not saved)."""
        self.review_state = state
        self.review_comment = comment
        self.reviewed_at = timezone.now()
        self.reviewed_by = user if user is not None and user.is_authenticated else None
        self._review_decided = True

    @property
    def is_approved(self) -> bool:
        return self.review_state == ReviewState.APPROVED

    @property
    def review_label(self) -> str:
        """The state as editors see it: "Zur Prüfung", "Freigegeben" or
        "Zurückgewiesen: <Begründung>"."""
        label = str(self.get_review_state_display())
        if self.review_state == ReviewState.REJECTED and self.review_comment:
            return f"{label}: {self.review_comment}"
        return label

    def _file_changed(self) -> bool:
        previous = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
        return previous != self.file.name

    @property
    def extension_upper(self) -> str:
        return self.file_extension.upper()


def public_materials(links: Iterable) -> list[Material]:
    """The public documents among ``links`` (objects with a ``document``), in order:
    approved and outside restricted collections."""
    paths = restricted_collection_paths()
    documents = [link.document for link in links]
    return [
        doc
        for doc in documents
        if doc.is_approved and not any(doc.collection.path.startswith(p) for p in paths)
    ]
