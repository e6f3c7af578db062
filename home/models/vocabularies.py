"""Managed vocabularies shared by all page types: Bundesländer and the single
Schlagwort vocabulary. Only moderators change them (editorial/roles.py); a
keyword an editor types is a proposal until a moderator approves it
(home/moderation.py). The admin views are registered in home/wagtail_hooks.py.

A Schlagwort's own ``name`` and ``slug`` are German (the source language); its
names in other languages are :class:`SchlagwortTranslation` rows, edited in the
same form, so the same moderation and stale-save guard covers them."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, RevisionMixin, TranslatableMixin
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
    def public(self) -> SchlagwortQuerySet:
        """Approved keywords: the only ones the public sees."""
        return self.filter(approved=True)

    def proposed(self) -> SchlagwortQuerySet:
        return self.filter(approved=False)


@dataclass(frozen=True)
class KeywordLabel:
    """A keyword as one language shows it: the name and the slug of its URL."""

    name: str
    slug: str
    keyword: Schlagwort

    def __str__(self) -> str:
        return self.name


class Schlagwort(RevisionMixin, ClusterableModel, TagBase):
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

    def _translation(self, language_code: str) -> SchlagwortTranslation | None:
        prefetched = "translations" in getattr(self, "_prefetched_objects_cache", {})
        in_memory = "translations" in getattr(self, "_cluster_related_objects", {})
        if prefetched or in_memory or self.pk is None:
            # Prefetched by a listing, or unsaved form data (the editor's preview).
            return next(
                (t for t in self.translations.all() if t.locale.language_code == language_code),
                None,
            )
        return self.translations.filter(locale__language_code=language_code).first()

    def localized(self, language_code: str | None = None) -> KeywordLabel:
        """Name and slug in ``language_code`` (default: the active language); the
        German ones where there is no translation."""
        code = (language_code or get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if code != settings.LANGUAGE_CODE:
            translation = self._translation(code)
            if translation is not None:
                return KeywordLabel(translation.name, translation.slug, self)
        return KeywordLabel(self.name, self.slug, self)


def _other_locales() -> Q:
    # German is the keyword's own name; translations are for the other languages.
    return ~Q(language_code=settings.LANGUAGE_CODE)


class SchlagwortTranslationManager(models.Manager):
    def get_queryset(self):
        # Also used by prefetch_related("…translations"): localized() reads the locale.
        return super().get_queryset().select_related("locale")


class SchlagwortTranslation(models.Model):
    """A Schlagwort's name and URL slug in another language (English: shown on /en/).
    Edited inline in the keyword's admin form, by moderators only."""

    schlagwort = ParentalKey(Schlagwort, on_delete=models.CASCADE, related_name="translations")
    locale = models.ForeignKey(
        Locale,
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=_other_locales,
        verbose_name=_("Sprache"),
    )
    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(
        _("Kurzname in Adressen"),
        max_length=100,
        blank=True,
        help_text=_("Leer lassen: wird aus dem Namen gebildet."),
    )

    objects = SchlagwortTranslationManager()

    panels = [FieldPanel("locale"), FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("Übersetzung")
        verbose_name_plural = _("Übersetzungen")
        unique_together = [("schlagwort", "locale"), ("locale", "slug")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(german_ascii(self.name))
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if not self.slug:
            self.slug = slugify(german_ascii(self.name))
        # /en/…/<slug>/ also answers a keyword's German slug (untranslated keywords
        # link it): a translation must not take another keyword's German slug.
        others = Schlagwort.objects.filter(slug=self.slug)
        if self.schlagwort_id is not None:
            others = others.exclude(pk=self.schlagwort_id)
        other = others.first() if self.slug else None
        if other is not None:
            message = _("Diesen Kurznamen hat schon das Schlagwort „%(name)s“.")
            raise ValidationError({"slug": message % {"name": other.name}})


def set_translation(
    schlagwort: Schlagwort, locale: Locale, name: str
) -> tuple[SchlagwortTranslation, bool]:
    """Gives ``schlagwort`` the ``name`` in ``locale`` (slug from the name); returns
    the translation and whether it was created or changed."""
    translation = SchlagwortTranslation.objects.filter(schlagwort=schlagwort, locale=locale).first()
    if translation is None:
        translation = SchlagwortTranslation(schlagwort=schlagwort, locale=locale)
    elif translation.name == name:
        return translation, False
    translation.name = name
    translation.slug = ""
    translation.full_clean()
    translation.save()
    return translation, True


GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def german_ascii(text: str) -> str:
    """Umlauts and ß spelled out, as Germans do in addresses (Thüringen -> Thueringen)."""
    return text.translate(GERMAN_TRANSLITERATION)


class Term(TranslatableMixin, RevisionMixin, models.Model):
    """Base of the small managed vocabularies of the Praxisdatenbank (Handlungsfeld,
    Lebensphase, Zielgruppe): one row per language, linked by ``translation_key``
    like Bundesland. Pages store the German rows (wagtail-localize copies
    many-to-many values as they are); :meth:`localized` gives the row of the
    language shown, and filters compare ``translation_key``."""

    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(_("Kurzname in Adressen"), max_length=100)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name

    def localized_in(self, locale: Locale):
        """This term in ``locale`` (itself where there is no translation)."""
        if self.locale_id == locale.pk:
            return self
        return (
            type(self).objects.filter(translation_key=self.translation_key, locale=locale).first()
            or self
        )


class Handlungsfeld(Term):
    """A field of action of health promotion (Bewegung, Ernährung, …)."""

    class Meta(Term.Meta):
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")


class Lebensphase(Term):
    """A phase of life a practice example addresses (Gesund aufwachsen, …)."""

    class Meta(Term.Meta):
        verbose_name = _("Lebensphase")
        verbose_name_plural = _("Lebensphasen")


class Zielgruppe(Term):
    """A target group of a practice example (Alleinerziehende, …)."""

    class Meta(Term.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")
