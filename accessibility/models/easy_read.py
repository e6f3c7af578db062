"""The page in Leichte Sprache (/de/leichte-sprache/)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.models import BasePage

from ..blocks import EasyReadBlock


class GermanOnlyPageMixin:
    """Page types whose text exists in German only (Leichte Sprache and Deutsche
    Gebärdensprache are German by definition): created under the German home page
    only, once; the English site links the German page (site header,
    home/templatetags/navigation.py ``easy_access_links``)."""

    german_only = True
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    @classmethod
    def can_create_at(cls, parent) -> bool:
        language = getattr(getattr(parent, "locale", None), "language_code", None)
        return super().can_create_at(parent) and language == settings.LANGUAGE_CODE


class EasyReadPage(GermanOnlyPageMixin, BasePage):
    """What the portal offers, how to find one's way and what the accessibility
    statement says, in Leichte Sprache (BITV 2.0 § 4). Sits under the German home
    page, slug ``leichte-sprache``; every page's header links it."""

    body = StreamField(EasyReadBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("Seite in Leichter Sprache")
        verbose_name_plural = _("Seiten in Leichter Sprache")
