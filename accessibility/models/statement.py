"""The accessibility statement (Erklärung zur Barrierefreiheit, BITV 2.0 § 7)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import BodyBlock
from home.models.base import BasePage
from home.routes import LocalizedRoutesMixin, localized_route


class Compliance(models.TextChoices):
    FULLY = "fully", _("vollständig vereinbar")
    PARTIALLY = "partially", _("teilweise vereinbar")
    NOT = "not", _("nicht vereinbar")


class AccessibilityStatementPage(LocalizedRoutesMixin, RoutablePageMixin, BasePage):
    """The accessibility statement: editors keep the compliance status, the date of
    the last review and the Schlichtungsstelle in fields, the rest (non-accessible
    content, how the statement was made) in the body. The page carries the feedback
    form through which visitors report barriers (accessibility/views.py); the
    footer links it from every page by its German slug ``barrierefreiheit``. One
    per language, under the home page."""

    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Inhalt"))
    compliance = models.CharField(
        _("Stand der Vereinbarkeit"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIALLY,
    )
    last_review = models.DateField(
        _("Zuletzt überprüft am"),
        help_text=_("Datum der letzten Überprüfung der Erklärung"),
    )
    arbitration_name = models.CharField(_("Name der Schlichtungsstelle"), max_length=255)
    arbitration_address = models.TextField(
        _("Postanschrift der Schlichtungsstelle"), help_text=_("Eine Zeile je Adresszeile")
    )
    arbitration_url = models.URLField(_("Webadresse der Schlichtungsstelle"), blank=True)
    arbitration_email = models.EmailField(_("E-Mail-Adresse der Schlichtungsstelle"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("compliance"),
        FieldPanel("last_review"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("arbitration_name"),
                FieldPanel("arbitration_address"),
                FieldPanel("arbitration_url"),
                FieldPanel("arbitration_email"),
            ],
            heading=_("Schlichtungsstelle"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärungen zur Barrierefreiheit")

    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.arbitration_address.splitlines() if line.strip()]

    @path("", name="statement")
    def statement(self, request):
        """The statement with the feedback form (GET); a report sent with it (POST)."""
        from ..views import statement

        return statement(self, request)

    @path(localized_route("danke/"), name="thanks")  # /en/accessibility/thank-you/
    def thanks(self, request):
        from ..views import thanks

        return thanks(self, request)
