"""Materials: the portal's document model (Programm, Dokumentation, Vortrag,
Handreichung), kept in collections. A material is public when a moderator has
approved its file and no collection on its path carries a view restriction.

A new or replaced file is "zur Prüfung" unless a moderator uploaded it
(materials/forms.py decides, materials/moderation.py approves and rejects).

The text of a new or replaced PDF is read for search by a background task
(materials/tasks.py), never while the editor saves: until the worker ran, the
material is stored and listed but its text is not searchable (extraction_state
"Ausstehend").

A material's date (``effective_date``, shown on the site and counted by the
search's year facet) is the date an editor entered, else the start day of the
earliest live event page that lists it, else the day it was uploaded. It is
stored and recomputed on every save of the material and whenever an event page
that lists it changes (events/signals.py)."""

import datetime as dt
from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, DocumentQuerySet
from wagtail.models import CollectionViewRestriction
from wagtail.search import index


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


class ExtractionState(models.TextChoices):
    NONE = "none", _("Entfällt (kein PDF)")
    PENDING = "pending", _("Ausstehend")
    DONE = "done", _("Fertig")
    FAILED = "failed", _("Fehlgeschlagen")


class ExtractionError(models.TextChoices):
    """Why a PDF gave no text (the values of materials.extract_worker)."""

    CPU = "cpu", _("Rechenzeit überschritten")
    MEMORY = "memory", _("Speichergrenze überschritten")
    TIMEOUT = "timeout", _("Zeitlimit überschritten")
    ENCRYPTED = "encrypted", _("Verschlüsselt")
    UNREADABLE = "unreadable", _("Nicht lesbar")
    FAILED = "failed", _("Fehler")


# What editors read about a failed extraction (``limit``: the limit that stopped it).
EXTRACTION_ERROR_MESSAGES = {
    ExtractionError.CPU: _("Die Textauswertung wurde nach %(limit)s s Rechenzeit abgebrochen."),
    ExtractionError.MEMORY: _(
        "Die Textauswertung wurde abgebrochen, weil sie mehr als %(limit)s MB Speicher brauchte."
    ),
    ExtractionError.TIMEOUT: _("Die Textauswertung wurde nach %(limit)s s abgebrochen."),
    ExtractionError.ENCRYPTED: _("Die PDF-Datei ist verschlüsselt; ihr Text ist nicht lesbar."),
    ExtractionError.UNREADABLE: _("Die PDF-Datei ist beschädigt oder kein gültiges PDF."),
    ExtractionError.FAILED: _("Die Textauswertung ist fehlgeschlagen."),
}
NOT_SEARCHABLE = _("Die Datei ist gespeichert, aber nicht im Volltext durchsuchbar.")

# Written by the background task straight into the row (materials/tasks.py).
EXTRACTION_FIELDS = ("extracted_text", "extraction_state", "extraction_error", "extraction_limit")


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
    date = models.DateField(
        _("Datum (angezeigt)"),
        null=True,
        blank=True,
        help_text=_(
            "Leer lassen, dann gilt der Tag der ersten Veranstaltung, die das Material zeigt, "
            "sonst der Tag des Hochladens."
        ),
    )
    # The date shown and counted by the search's year facet (see the module's
    # docstring): kept by save() and events/signals.py.
    effective_date = models.DateField(_("Datum"), null=True, editable=False, db_index=True)
    # Plain text of the file (PDF) for search, filled by a background task
    # (materials/tasks.py) after the file was saved or replaced.
    extracted_text = models.TextField(_("Extrahierter Text"), blank=True, editable=False)
    extraction_state = models.CharField(
        _("Volltext"),
        max_length=20,
        choices=ExtractionState.choices,
        default=ExtractionState.NONE,
        editable=False,
    )
    extraction_error = models.CharField(
        _("Grund"), max_length=20, choices=ExtractionError.choices, blank=True, editable=False
    )
    extraction_limit = models.PositiveIntegerField(null=True, editable=False)
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

    admin_form_fields = ("title", "file", "collection", "kind", "date", "description", "tags")
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
        stored = None if self._state.adding else self._stored_values()
        new_file = bool(self.file) and (stored is None or stored["file"] != self.file.name)
        if new_file:
            self._reset_extraction()
            # A file replaced outside the admin's forms (which decide themselves)
            # has not been reviewed.
            if not self._state.adding and not getattr(self, "_review_decided", False):
                self.submit_for_review(None)
        elif stored is not None:
            # The task writes the text straight into the row; an instance loaded
            # before it did must not write its stale copy back (nor index it).
            for field in EXTRACTION_FIELDS:
                setattr(self, field, stored[field])
        self._review_decided = False
        self.effective_date = self.compute_effective_date()
        update_fields = kwargs.get("update_fields")
        if update_fields and "effective_date" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "effective_date"]
        super().save(*args, **kwargs)
        if new_file and self.extraction_state == ExtractionState.PENDING:
            from .tasks import extract_material_text

            # Into the same transaction as the material on the database backend:
            # the worker sees the task exactly when the material is committed, and
            # a rolled-back save leaves no task behind.
            extract_material_text.enqueue(self.pk, self.file.name)

    def compute_effective_date(self) -> dt.date:
        """The entered date, else the start day (in Berlin) of the earliest live
        event page that lists the material, else the upload day.

        "Live" as the public sees it (home.models.base.live_now): published and
        its expiry date not passed. A page whose expiry date passes later counts
        until ``publish_scheduled`` unpublishes it, which saves it (events/signals.py)."""
        if self.date:
            return self.date
        if self.pk is not None:
            # By name: events imports materials, not the other way round.
            event_material = apps.get_model("events", "EventMaterial")
            start = (
                event_material.objects.filter(document_id=self.pk, page__live=True)
                .filter(Q(page__expire_at__isnull=True) | Q(page__expire_at__gt=timezone.now()))
                .aggregate(start=Min("page__start"))["start"]
            )
            if start is not None:
                return timezone.localtime(start).date()
        return timezone.localtime(self.created_at or timezone.now()).date()

    def _reset_extraction(self) -> None:
        """No text for a new file; a PDF waits for the background task."""
        is_pdf = self.file_extension.lower() == "pdf"
        self.extracted_text = ""
        self.extraction_state = ExtractionState.PENDING if is_pdf else ExtractionState.NONE
        self.extraction_error = ""
        self.extraction_limit = None

    def _stored_values(self) -> dict | None:
        """The row's file name and extraction fields (None: no row yet)."""
        return type(self).objects.filter(pk=self.pk).values("file", *EXTRACTION_FIELDS).first()

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

    @property
    def extraction_message(self) -> str:
        """Why the text is missing, for editors ("" unless the extraction failed)."""
        if self.extraction_state != ExtractionState.FAILED:
            return ""
        reason = EXTRACTION_ERROR_MESSAGES.get(
            self.extraction_error, EXTRACTION_ERROR_MESSAGES[ExtractionError.FAILED]
        )
        return f"{reason % {'limit': self.extraction_limit}} {NOT_SEARCHABLE}"

    @property
    def extraction_label(self) -> str:
        """The state as editors see it: "Fertig", "Ausstehend", "Entfällt (kein
        PDF)" or "Fehlgeschlagen: <Grund>"."""
        label = str(self.get_extraction_state_display())
        if self.extraction_state == ExtractionState.FAILED:
            return f"{label}: {self.extraction_message}"
        return label

    @property
    def extension_upper(self) -> str:
        return self.file_extension.upper()


def public_material_links(links):
    """``links`` (a page's material links: a related manager or queryset of
    objects with a ``document``) narrowed to the public materials (approved,
    unrestricted), in order, with their documents and collections; a queryset, so
    it can be counted and paginated. Region pages and practice examples use it."""
    # By id: in the editor's preview the links are in memory (modelcluster's
    # FakeQuerySet compares plain values); in the database it is a subquery.
    public_ids = Material.objects.public().values_list("pk", flat=True)
    return (
        links.filter(document_id__in=public_ids)
        .select_related("document__collection")
        .order_by("sort_order", "pk")  # links added in code may share a sort_order
    )


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
