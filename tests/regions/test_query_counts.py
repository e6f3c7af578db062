"""A region page costs as many SQL queries for 50 linked events, news and
materials as for 5."""

from datetime import date, timedelta

from django.test import TestCase
from django.utils import timezone

from events.models import EventRegion
from news.models import NewsRegion
from regions.models import RegionMaterial
from tests.factories import (
    EventPageFactory,
    MaterialFactory,
    NewsPageFactory,
    RegionPageFactory,
    build_tree,
    publish,
)
from tests.helpers import count_queries


class RegionQueryCountTests(TestCase):
    def link(self, tree, region, start: int, stop: int):
        now = timezone.now()
        for i in range(start, stop):
            EventPageFactory(
                parent=tree.events,
                title=f"Werkstatt Nummer {i}",
                start=now + timedelta(days=i - 25),
                end=now + timedelta(days=i - 25, hours=2),
                tags=["Kinder"],
                region_links=[EventRegion(region=region)],
            )
            NewsPageFactory(
                parent=tree.news,
                title=f"Meldung Nummer {i}",
                date=date(2024, 1, 1) + timedelta(days=i),
                tags=["Kinder"],
                region_links=[NewsRegion(region=region)],
            )
            region.material_links.add(
                RegionMaterial(document=MaterialFactory(title=f"Dokumentation Nummer {i}"))
            )
        return publish(region)

    def test_region_page_queries_do_not_grow_with_links(self):
        tree = build_tree()
        region = RegionPageFactory(parent=tree.regions, title="Gera", slug="gera")
        region = self.link(tree, region, 0, 5)
        few, response = count_queries(self.client, "/de/regionen/gera/")
        body = response.content.decode()
        for title in ("Werkstatt Nummer 4", "Meldung Nummer 4", "Dokumentation Nummer 4"):
            self.assertIn(title, body)
        region = self.link(tree, region, 5, 50)
        many, response = count_queries(self.client, "/de/regionen/gera/")
        body = response.content.decode()
        for title in ("Werkstatt Nummer 49", "Meldung Nummer 49", "Dokumentation Nummer 49"):
            self.assertIn(title, body)
        self.assertEqual(
            few, many, f"region page: {few} queries with 5 links of each kind, {many} with 50"
        )
        print(f"region page: {few} queries for 5 and for 50 linked items")  # noqa: T201
