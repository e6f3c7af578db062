from django.http import HttpRequest

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .admin_views import NewReportsPanel, barrier_report_viewset, may_read
from .models.reports import BarrierReport, ReportStatus


@hooks.register("register_admin_viewset")
def register_barrier_report_viewset():
    return barrier_report_viewset


@hooks.register("construct_homepage_panels")
def add_new_reports_panel(request: HttpRequest, panels: list[Component]) -> None:
    if may_read(request.user):
        count = BarrierReport.objects.filter(status=ReportStatus.NEW).count()
        if count:
            panels.append(NewReportsPanel(count))
