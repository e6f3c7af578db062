"""Abstract parts shared by the page types of all apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from taggit.models import ItemBase
from wagtail.models import Page

from .vocabularies import Schlagwort


class BasePage(Page):
    """Base of every page type: listing text and structured data hooks."""

    # Relations that listings of this type need; one query each, however many items.
    listing_select_related: tuple[str, ...] = ()
    listing_prefetch_related: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @classmethod
    def listing_queryset(cls, locale):
        """Live, public pages of this type in one locale, ready for listing."""
        return (
            cls.objects.live()
            .public()
            .filter(locale=locale)
            .select_related(*cls.listing_select_related)
            .prefetch_related(*cls.listing_prefetch_related)
        )

    @property
    def listing_summary(self) -> str:
        """The short text shown on cards; page types override it."""
        return self.search_description

    def get_json_ld(self, request=None) -> dict | None:
        """schema.org data for this page, rendered by the base template."""
        return None


def public_linked_pages(links, field: str) -> list[Page]:
    """The pages that inline links (``links``, a related manager) point to through
    ``field``, in link order, keeping only live pages without a view restriction
    (two queries however many links)."""
    pages = [getattr(link, field) for link in links.select_related(field)]
    visible = set(
        Page.objects.filter(pk__in=[page.pk for page in pages])
        .live()
        .public()
        .values_list("pk", flat=True)
    )
    return [page for page in pages if page.pk in visible]


class SchlagwortItemBase(ItemBase):
    """Through model base: links one page type to the shared Schlagwort vocabulary.

    Each tagged page type declares a subclass with its own ``content_object``
    ParentalKey (related_name ``tagged_items``)."""

    tag = models.ForeignKey(
        Schlagwort,
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_items",
        verbose_name=_("Schlagwort"),
    )

    class Meta:
        abstract = True
