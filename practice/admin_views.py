"""The public submissions in the admin, for the moderation only (read-only: the
permission practice.view_submission, granted in editorial/roles.py): who submitted
which practice example, in which state, with the last comment. The submitter's
address is shown here and nowhere else (not on the page, its revisions, the
search or the exports)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Submission


class SubmissionViewSet(ModelViewSet):
    model = Submission
    icon = "mail"
    menu_label = _("Einreichungen")
    add_to_admin_menu = True
    menu_order = 290
    inspect_view_enabled = True
    list_display = [
        Column("page", label=_("Praxisbeispiel")),
        Column("status", label=_("Stand"), accessor="get_status_display"),
        Column("email", label=_("E-Mail der einreichenden Person")),
        DateColumn("submitted_at", label=_("eingereicht")),
        DateColumn("created_at", label=_("angelegt")),
    ]
    list_filter = ["status"]
    inspect_view_fields = [
        "page",
        "status",
        "email",
        "name",
        "language",
        "step",
        "last_comment",
        "created_at",
        "confirmed_at",
        "submitted_at",
        "decided_at",
    ]
    # Nobody edits a submission in the admin: its submitter does, through the link.
    form_fields = ["last_comment"]


submission_viewset = SubmissionViewSet("einreichungen")
