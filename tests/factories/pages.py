"""Page factories for every page type, built on wagtail-factories.

Pages are created the way editors create them: added to the tree as a draft,
then saved as a revision and (unless ``live=False``) published from it, so
``first_published_at``, ``last_published_at`` and the revision history are real.
"""

from datetime import date, timedelta

import factory
import wagtail_factories

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.rich_text import RichText

from criteria.models import CriteriaIndexPage, CriterionPage
from events.models import EventCategory, EventIndexPage, EventPage
from home.models import Bundesland, HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from regions.models import (
    ProcessPhase,
    RegionIndexPage,
    RegionKind,
    RegionPage,
    RegionResultsPage,
    RegionRole,
)


def bundesland(slug: str, language_code: str = "de") -> Bundesland:
    """One of the 16 Länder the migrations create, e.g. ``bundesland("thueringen")``."""
    return Bundesland.objects.get(slug=slug, locale__language_code=language_code)


def category(slug: str, language_code: str = "de") -> EventCategory:
    """One of the event categories the migrations create, e.g. ``category("werkstatt")``."""
    return EventCategory.objects.get(slug=slug, locale__language_code=language_code)


def publish(page: Page) -> Page:
    """Publish the page's current state through a revision; returns it fresh from the db."""
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def translate(page: Page, language_code: str = "en", *, live: bool = True) -> Page:
    """Copy ``page`` (and untranslated ancestors) into another locale, then publish it."""
    locale = Locale.objects.get(language_code=language_code)
    translation = page.copy_for_translation(locale, copy_parents=True)
    if live:
        return publish(translation)
    return translation


def restrict_to_group(page: Page, group: Group) -> PageViewRestriction:
    """Wagtail page privacy: only members of ``group`` may see ``page`` and its subtree."""
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    return restriction


def paragraph(html: str) -> list[tuple[str, RichText]]:
    """A StreamField body with one paragraph block."""
    return [("paragraph", RichText(html))]


class BasePageFactory(wagtail_factories.PageFactory):
    """Creates the page as a draft, saves a revision and publishes it unless live=False.

    ``tags`` takes a list of keyword names (Schlagwörter)."""

    class Meta:
        abstract = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        live = kwargs.pop("live", True)
        tags = kwargs.pop("tags", None) or []
        instance = model_class(**kwargs)
        instance.live = False
        if tags:
            instance.tags.add(*tags)
        if parent is None:
            raise ValueError(f"{cls.__name__} needs a parent page")
        parent.add_child(instance=instance)
        revision = instance.save_revision()
        if live:
            revision.publish()
        return model_class.objects.get(pk=instance.pk)


class HomePageFactory(BasePageFactory):
    title = "Gesunde Kommune"
    slug = "start"
    intro = "<p>Netzwerke für Gesundheitsförderung in Kommunen.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    intro = "<p>Eine Seite mit freiem Inhalt.</p>"
    body = factory.LazyFunction(lambda: paragraph("<p>Text der Inhaltsseite.</p>"))

    class Meta:
        model = StandardPage


class RegionIndexPageFactory(BasePageFactory):
    title = "Regionen"
    slug = "regionen"

    class Meta:
        model = RegionIndexPage


class RegionPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Landkreis Beispiel {n}")
    kind = RegionKind.LANDKREIS
    role = RegionRole.MODELLREGION
    bundesland = factory.LazyFunction(lambda: bundesland("thueringen"))
    network_name = factory.Sequence(lambda n: f"Netzwerk Gesundes Aufwachsen {n}")
    process_phase = ProcessPhase.UMSETZUNG
    joined = date(2019, 3, 1)
    intro = "Eine Kommune im Partnerprozess."

    class Meta:
        model = RegionPage


class RegionResultsPageFactory(BasePageFactory):
    title = "Ergebnisse"
    body = factory.LazyFunction(lambda: paragraph("<p>Detaillierte Ergebnisse.</p>"))

    class Meta:
        model = RegionResultsPage


class EventIndexPageFactory(BasePageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"

    class Meta:
        model = EventIndexPage


def _in_a_month():
    return (timezone.now() + timedelta(days=30)).replace(microsecond=0)


class EventPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    start = factory.LazyFunction(_in_a_month)
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=3))
    place = "Erfurt"
    organiser = "Landesvereinigung für Gesundheitsförderung Thüringen"
    category = factory.LazyFunction(lambda: category("werkstatt"))
    bundesland = factory.LazyFunction(lambda: bundesland("thueringen"))
    teaser = "Austausch über Präventionsketten."

    class Meta:
        model = EventPage


class NewsIndexPageFactory(BasePageFactory):
    title = "Aktuelles"
    slug = "aktuelles"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Nachricht {n}")
    date = factory.LazyFunction(timezone.localdate)
    author = "Koordinierungsstelle Gesundheitliche Chancengleichheit"
    teaser = "Neues aus dem Partnerprozess."

    class Meta:
        model = NewsPage


class CriteriaIndexPageFactory(BasePageFactory):
    title = "Good-Practice-Kriterien"
    slug = "good-practice-kriterien"

    class Meta:
        model = CriteriaIndexPage


class CriterionPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Kriterium {n}")
    number = factory.Sequence(lambda n: n % 12 + 1)
    definition = "<p>Die Definition des Kriteriums.</p>"

    class Meta:
        model = CriterionPage
