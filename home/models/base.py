"""Abstract parts shared by the page types of all apps, and the one definition of
"live" that every public query uses (:func:`live_now`)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taggit.models import ItemBase
from wagtail.models import Page, PageQuerySet

from .vocabularies import Schlagwort


def not_expired() -> Q:
    """Pages whose "Veröffentlicht bis" (``expire_at``) has not passed yet."""
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def live_now(queryset: PageQuerySet) -> PageQuerySet:
    """``queryset.live()`` as the public sees it at this moment: an expired page is
    left out even while ``live`` is still set, i.e. before ``manage.py
    publish_scheduled`` has withdrawn it. Every public listing, feed, sitemap and
    menu goes through here (the search applies the same rule in search.query)."""
    return queryset.live().filter(not_expired())


def is_expired(page: Page) -> bool:
    """Whether ``page``'s expiry date has passed (whatever ``live`` says)."""
    return page.expire_at is not None and page.expire_at <= timezone.now()


class BasePage(Page):
    """Base of every page type: listing text and structured data hooks."""

    # Relations that listings of this type need; one query each, however many items.
    listing_select_related: tuple[str, ...] = ()
    listing_prefetch_related: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @classmethod
    def listing_queryset(cls, locale):
        """Live, unexpired, public pages of this type in one locale, ready for listing."""
        return (
            live_now(cls.objects.all())
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


def public_linked_pages(links, field: str, locale=None) -> list[Page]:
    """The pages that inline links (``links``, a related manager) point to through
    ``field``, in link order, keeping only live, unexpired pages without a view
    restriction (two queries however many links; three with ``locale``).

    With ``locale``, each page is replaced by its live translation in that locale
    where there is one: a translated page's links are copies of the German ones
    and still point to the German pages."""
    pages = [getattr(link, field) for link in links.select_related(field)]
    if locale is not None and pages:
        model = type(pages[0])
        translations = live_now(
            model.objects.filter(
                translation_key__in=[page.translation_key for page in pages], locale=locale
            )
        ).public()
        local = {page.translation_key: page for page in translations}
        pages = [local.get(page.translation_key, page) for page in pages]
    visible = set(
        live_now(Page.objects.filter(pk__in=[page.pk for page in pages]))
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
