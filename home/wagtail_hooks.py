"""Admin registrations: the Schlagwort vocabulary is managed like a snippet."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Schlagwort


class SchlagwortViewSet(SnippetViewSet):
    model = Schlagwort
    icon = "tag"
    menu_label = _("Schlagwörter")
    add_to_admin_menu = False
    list_display = ["name", "slug"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug")]


register_snippet(SchlagwortViewSet)
