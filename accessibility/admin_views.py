"""„Barrieremeldungen“ in the admin, for Moderation and Administration only (the
permissions accessibility.view_barrierreport and change_barrierreport, granted
in editorial/roles.py): the list of reports (newest first, filtered by status),
each report to read with its status to set (the edit view: the status alone
is a form field, what the visitor wrote is shown read-only and never changed;
the inspect view lists every field, the consent's date included). Nobody adds reports here; the
retention (retention.py) deletes them. The dashboard panel counts the new ones."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .models.reports import BarrierReport, ReportStatus


class BarrierReportViewSet(ModelViewSet):
    model = BarrierReport
    icon = "warning"
    menu_label = _("Barrieremeldungen")
    add_to_admin_menu = True
    menu_order = 295
    inspect_view_enabled = True
    list_display = [
        # The report opens to be read, with its status to set (the edit view).
        TitleColumn(
            "page_address",
            label=_("Meldung"),
            accessor="__str__",
            get_url=lambda report: reverse("barrieremeldungen:edit", args=[report.pk]),
        ),
        Column("status", label=_("Stand"), accessor="get_status_display"),
        Column("language", label=_("Sprache")),
        DateColumn("created_at", label=_("eingegangen")),
    ]
    list_filter = ["status"]
    inspect_view_fields = [
        "status",
        "created_at",
        "page_address",
        "description",
        "language",
        "name",
        "email",
        "consented_at",
        "done_at",
        "contact_erased_at",
    ]
    # The edit view shows the report read-only; only the status can be changed.
    panels = [
        FieldPanel("status"),
        FieldPanel("description", read_only=True),
        FieldPanel("page_address", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("language", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
    ]


barrier_report_viewset = BarrierReportViewSet("barrieremeldungen")


def may_read(user) -> bool:
    return user.has_perm("accessibility.view_barrierreport")


class NewReportsPanel(Component):
    """Dashboard: how many barrier reports are new (for those who may read them)."""

    name = "accessibility_barrier_reports"
    template_name = "accessibility/admin/new_reports_panel.html"
    order = 220

    def __init__(self, count: int) -> None:
        self.count = count

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        return {
            "count": self.count,
            "url": barrier_report_viewset.get_url_name("index"),
            "status": ReportStatus.NEW,
        }
