"""Managed vocabularies shared by all page types: Bundesländer and the single
Schlagwort vocabulary. Only moderators change them (editorial/roles.py); a
keyword an editor types is a proposal until a moderator approves it
(home/moderation.py). The admin views are registered in home/wagtail_hooks.py."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index

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


class Bundesland(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """A German Land. Pages refer to it for filters and facets; moderators translate
    its name for the English locale. Its revisions let the admin refuse a stale save."""

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


class SchlagwortQuerySet(models.QuerySet):
    def public(self) -> "SchlagwortQuerySet":
        """Approved keywords: the only ones the public sees."""
        return self.filter(approved=True)

    def proposed(self) -> "SchlagwortQuerySet":
        return self.filter(approved=False)


class Schlagwort(RevisionMixin, TagBase):
    """The one keyword vocabulary used by regions, events and news.

    Editors may type new keywords (free tagging); such a keyword is proposed
    (``approved`` false) and invisible to the public until a moderator approves it
    or a page carrying it (home/moderation.py)."""

    free_tagging = True
    approved = models.BooleanField(
        _("freigegeben"),
        default=False,
        help_text=_("Vorgeschlagene Schlagwörter sind öffentlich nicht sichtbar."),
    )

    objects = SchlagwortQuerySet.as_manager()

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
