"""Wagtail hooks: the Schlagwort vocabulary is managed like a snippet; an expired
page is not served (404), even before ``publish_scheduled`` has withdrawn it."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Schlagwort
from .models.base import is_expired


@hooks.register("before_serve_page")
def expired_page_is_gone(page, request, serve_args, serve_kwargs) -> None:
    """Answer an expired page and every sub-route of it (``ics/``, ``feed/``,
    ``feed.ics``, ``schlagwort/…``) as Wagtail answers an unpublished one: 404, for
    everyone. before_serve_page hooks run before Wagtail's privacy check (an
    on_serve_page hook), so a restricted expired page does not ask for a login
    first. Editors see the page in the admin and its preview."""
    if is_expired(page):
        raise Http404


class SchlagwortViewSet(SnippetViewSet):
    model = Schlagwort
    icon = "tag"
    menu_label = _("Schlagwörter")
    add_to_admin_menu = False
    list_display = ["name", "slug"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug")]


register_snippet(SchlagwortViewSet)
