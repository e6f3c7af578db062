"""Managed vocabularies shared by all page types: Bundesländer, contacts and the
single Schlagwort vocabulary."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

# The 16 Länder with their ISO 3166-2 codes; loaded by a data migration.
BUNDESLAENDER = [
    ("BW", "Baden-Württemberg", "baden-wuerttemberg"),
    ("BY", "Bayern", "bayern"),
    ("BE", "Berlin", "berlin"),
    ("BB", "Brandenburg", "brandenburg"),
    ("HB", "Bremen", "bremen"),
    ("HH", "Hamburg", "hamburg"),
    ("HE", "Hessen", "hessen"),
    ("MV", "Mecklenburg-Vorpommern", "mecklenburg-vorpommern"),
    ("NI", "Niedersachsen", "niedersachsen"),
    ("NW", "Nordrhein-Westfalen", "nordrhein-westfalen"),
    ("RP", "Rheinland-Pfalz", "rheinland-pfalz"),
    ("SL", "Saarland", "saarland"),
    ("SN", "Sachsen", "sachsen"),
    ("ST", "Sachsen-Anhalt", "sachsen-anhalt"),
    ("SH", "Schleswig-Holstein", "schleswig-holstein"),
    ("TH", "Thüringen", "thueringen"),
]


@register_snippet
class Bundesland(TranslatableMixin, index.Indexed, models.Model):
    """A German Land. Pages refer to it for filters and facets; editors translate
    its name for the English locale."""

    name = models.CharField(_("Name"), max_length=100)
    code = models.CharField(_("Kürzel"), max_length=2, help_text=_("ISO-3166-2-Kürzel, z. B. TH"))
    slug = models.SlugField(_("Kurzname in Adressen"), max_length=100)

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Bundesland")
        verbose_name_plural = _("Bundesländer")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name


@register_snippet
class Contact(TranslatableMixin, index.Indexed, models.Model):
    """A contact point (a role in an organisation, not a named private person)."""

    role = models.CharField(_("Funktion"), max_length=200)
    organisation = models.CharField(_("Organisation"), max_length=255)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    address = models.TextField(_("Anschrift"), blank=True)

    panels = [
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("address"),
    ]
    search_fields = [index.SearchField("role"), index.SearchField("organisation")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Kontakt")
        verbose_name_plural = _("Kontakte")
        ordering = ["organisation", "role"]

    def __str__(self) -> str:
        return f"{self.role}, {self.organisation}"


class Schlagwort(TagBase):
    """The one keyword vocabulary used by regions, events and news."""

    free_tagging = True

    class Meta:
        verbose_name = _("Schlagwort")
        verbose_name_plural = _("Schlagwörter")
        ordering = ["name"]

    def slugify(self, tag, i=None):
        # German transliteration (ä -> ae) keeps URLs readable:
        # /de/schlagwort/gesundheitsfoerderung/
        slug = slugify(german_ascii(tag))
        return f"{slug}_{i}" if i is not None else slug


GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def german_ascii(text: str) -> str:
    """Umlauts and ß spelled out, as Germans do in addresses (Thüringen -> Thueringen)."""
    return text.translate(GERMAN_TRANSLITERATION)
