"""RSS 2.0 feed of the news and schema.org data for news items."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from ops.cache import set_last_modified

FEED_ITEMS = 30


class NewsFeed(Feed):
    """The newest published, public news of one NewsIndexPage."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.language = index_page.locale.language_code  # Feed reads a plain attribute

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        # Django's Last-Modified is the newest item's date: an unpublished or
        # back-dated item would not change it, and If-Modified-Since would get 304.
        set_last_modified(response)
        return response

    def title(self):
        return f"{self.index_page.title} – Gesunde Kommune"

    def link(self):
        return self.index_page.get_full_url(self.request)

    def description(self):
        return _("Neuigkeiten aus den Netzwerken für Gesundheitsförderung in Kommunen")

    def feed_url(self):
        return self.link() + "feed/"

    def items(self):
        return self.index_page.news()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time.min))

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [
            item_tag.tag.localized(self.language).name
            for item_tag in item.tagged_items.all()
            if item_tag.tag.approved
        ]


def news_json_ld(page, request=None) -> dict:
    """schema.org NewsArticle for a news page."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "datePublished": page.date.isoformat(),
        "url": page.get_full_url(request),
        "description": page.teaser,
        "inLanguage": page.locale.language_code,
        "publisher": {"@type": "Organization", "name": "Gesunde Kommune"},
    }
    if page.last_published_at:
        data["dateModified"] = timezone.localtime(page.last_published_at).isoformat()
    if page.author:
        data["author"] = {"@type": "Organization", "name": page.author}
    return data
