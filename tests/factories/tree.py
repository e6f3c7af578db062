"""The smallest site tree the public pages need."""

from dataclasses import dataclass

from wagtail.models import Page, Site

from criteria.models import CriteriaIndexPage
from events.models import EventIndexPage
from home.models import HomePage
from news.models import NewsIndexPage
from regions.models import RegionIndexPage

from .pages import (
    CriteriaIndexPageFactory,
    EventIndexPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    RegionIndexPageFactory,
    translate,
)


@dataclass
class SiteTree:
    home: HomePage
    regions: RegionIndexPage
    events: EventIndexPage
    news: NewsIndexPage
    criteria: CriteriaIndexPage

    def translate_home(self) -> HomePage:
        """The published English home page (/en/)."""
        return translate(self.home, "en")


def build_tree() -> SiteTree:
    """root → HomePage (de, the default site's root) → the four index pages with the
    contract slugs (regionen, veranstaltungen, aktuelles, good-practice-kriterien).

    Wagtail's initial "Welcome" page is replaced."""
    root = Page.get_first_root_node()
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    home = HomePageFactory(parent=root)
    site.root_page = home
    site.save()
    if welcome.pk != home.pk:
        welcome.delete()
    return SiteTree(
        home=home,
        regions=RegionIndexPageFactory(parent=home),
        events=EventIndexPageFactory(parent=home),
        news=NewsIndexPageFactory(parent=home),
        criteria=CriteriaIndexPageFactory(parent=home),
    )
