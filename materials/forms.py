"""The form of every document upload and edit in the admin (the add and edit
views, the multiple upload, the document chooser's upload tab), set as
WAGTAILDOCS_DOCUMENT_FORM_BASE.

It starts new uploads in the user's default collection (materials/collections.py),
lets the kind default to "Sonstiges" (the multiple upload sends no kind)
and decides the review state of what is saved: a new or replaced file is "zur
Prüfung" unless a moderator saved it, then it is approved at once; a rejected
material that its editor saves again is submitted again."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile

from wagtail.documents.forms import BaseDocumentForm

from .collections import default_collection
from .models import MaterialKind, ReviewState
from .validators import check_file_signature


class MaterialForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if "kind" in self.fields:
            # The multiple upload sends a file and its title only: the kind
            # defaults to "Sonstiges" and is set in the form that follows.
            self.fields["kind"].required = False
        if self.user is not None and not self.instance.pk and "collection" in self.fields:
            collection = default_collection(self.user)
            if collection is not None and collection in self.collections:
                self.initial["collection"] = collection.pk

    def clean_file(self):
        """A new file's content must match its extension (materials/validators.py)."""
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            check_file_signature(file)
        return file

    def clean_kind(self) -> str:
        return self.cleaned_data.get("kind") or MaterialKind.SONSTIGES

    def save(self, commit=True):
        from .moderation import can_moderate_materials

        material = self.instance
        new_file = material._state.adding or "file" in self.changed_data
        if new_file:
            if can_moderate_materials(self.user):
                material.mark_reviewed(self.user, ReviewState.APPROVED)
            else:
                material.submit_for_review(self.user)
        elif material.review_state == ReviewState.REJECTED and not can_moderate_materials(
            self.user
        ):
            material.submit_for_review(self.user)
        return super().save(commit=commit)
