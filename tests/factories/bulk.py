"""Hundreds of published pages fast, for the tests that listings stay bounded.

The page factories publish through a revision, as editors do; for 300 pages
that is slow and adds nothing a listing looks at. These add live pages straight
to the tree (one ``add_child`` each): same model, same fields, same tags."""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from wagtail.models import Page

from events.models import EventPage, EventRegion
from news.models import NewsPage, NewsRegion

from .pages import bundesland, category


def add_live_pages(parent: Page, build: Callable[[int], Page], count: int, first: int = 0) -> None:
    """``build(i)`` for i in ``first .. first + count - 1``, each added as a live child."""
    now = timezone.now()
    for i in range(first, first + count):
        page = build(i)
        page.live = True
        page.first_published_at = page.last_published_at = now
        parent.add_child(instance=page)


def event(
    i: int,
    start: datetime,
    *,
    tags: list[str] | None = None,
    regions: list[Any] | None = None,
    title: str = "Werkstatt Nummer {i}",
) -> EventPage:
    page = EventPage(
        title=title.format(i=i),
        slug=f"werkstatt-nummer-{i}",
        start=start,
        end=start + timedelta(hours=3),
        place="Erfurt",
        organiser="Landesvereinigung für Gesundheitsförderung Thüringen",
        category=category("werkstatt"),
        bundesland=bundesland("thueringen"),
        teaser="Austausch über Präventionsketten in der Kommune.",
    )
    for name in tags or []:
        page.tags.add(name)
    page.region_links = [EventRegion(region=region) for region in regions or []]
    return page


def news(
    i: int,
    day: date,
    *,
    tags: list[str] | None = None,
    regions: list[Any] | None = None,
    title: str = "Meldung Nummer {i}",
) -> NewsPage:
    page = NewsPage(
        title=title.format(i=i),
        slug=f"meldung-nummer-{i}",
        date=day,
        author="Koordinierungsstelle Gesundheitliche Chancengleichheit",
        teaser="Neues aus dem Partnerprozess „Gesundheit für alle“.",
    )
    for name in tags or []:
        page.tags.add(name)
    page.region_links = [NewsRegion(region=region) for region in regions or []]
    return page
