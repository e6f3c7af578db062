"""An expired page (live, its expiry date passed, ``publish_scheduled`` not run)
counts nowhere in the search: not in totals, not in any facet count (also with
other facets active), not as the Bundesland of a material it lists, not as a page
that lists a material. Runs the database engine on SQLite and, on PostgreSQL,
the engine on the search's own table (search.postgres) and modelsearch's."""

from datetime import date, datetime, timedelta

from django.db import connection
from django.test import TestCase
from django.utils import timezone

from wagtail.models import Locale, Page

from events.models import EventMaterial
from search.query import DatabaseEngine, Facets, SearchParams, database_engine
from tests.factories import (
    CriterionPageFactory,
    EventPageFactory,
    NewsPageFactory,
    RegionPageFactory,
    StandardPageFactory,
    bundesland,
)
from tests.factories.pages import paragraph

from .content import URL, build_corpus, pdf_material

QUERY = "Kommune"
# Each value below occurs only on the expired pages (or, for the material, only
# through them), so a count that includes an expired page differs from the baseline.
FACET_SETS = [
    Facets(),
    Facets(typ="veranstaltung"),
    Facets(typ="aktuelles"),
    Facets(typ="region"),
    Facets(typ="kriterium"),
    Facets(typ="seite"),
    Facets(typ="material"),
    Facets(bundesland="sachsen"),
    Facets(bundesland="thueringen"),
    Facets(schlagwort="verfallsprobe"),
    Facets(schlagwort="kindergesundheit"),
    Facets(jahr=2031),
    Facets(jahr=2017),
    Facets(typ="material", bundesland="sachsen"),
    Facets(typ="veranstaltung", schlagwort="verfallsprobe"),
]


def engines() -> list[DatabaseEngine]:
    found = [database_engine()]
    if connection.vendor == "postgresql":
        found.append(DatabaseEngine())  # modelsearch's index, the fallback path
    return found


def snapshot(engine: DatabaseEngine) -> dict:
    """Total, hits and every facet count, for each facet set."""
    locale = Locale.objects.get(language_code="de")
    result = {}
    for facets in FACET_SETS:
        found = engine.search(SearchParams(QUERY, locale, facets=facets, per_page=100))
        result[facets] = (found.total, set(found.keys), found.facet_counts)
    return result


def listed_by(client, title: str) -> list[str]:
    """The pages a material's search hit says list it."""
    hits = {hit.title: hit for hit in client.get(URL, {"q": "Fristen"}).context["hits"]}
    return [page.title for page in hits[title].context]


def expire(page: Page) -> None:
    page.expire_at = timezone.now() - timedelta(minutes=5)
    page.save()


class ExpiredPagesAreNotCountedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)
        # Public, found by QUERY, listed at first by no page.
        cls.fristen = pdf_material("Merkblatt Fristen", "Fristen der Kommune Zwickau.")

    def add_pages_that_will_expire(self) -> list[Page]:
        sachsen = bundesland("sachsen")
        tags = ["Verfallsprobe"]
        event = EventPageFactory(
            parent=self.tree.events,
            title="Werkstatt Zwickau",
            start=timezone.make_aware(datetime(2031, 3, 10, 10)),
            end=timezone.make_aware(datetime(2031, 3, 10, 16)),
            bundesland=sachsen,
            teaser="Die Kommune Zwickau lädt ein.",
            tags=tags,
        )
        EventMaterial.objects.create(page=event, document=self.fristen)
        event.save()  # the links as the index sees them
        return [
            event,
            NewsPageFactory(
                parent=self.tree.news,
                title="Zwickau tritt bei",
                date=date(2017, 5, 2),
                teaser="Die Kommune Zwickau tritt dem Partnerprozess bei.",
                tags=tags,
            ),
            RegionPageFactory(
                parent=self.tree.regions,
                title="Landkreis Zwickau",
                bundesland=sachsen,
                joined=date(2017, 1, 1),
                intro="Die Kommune Zwickau im Partnerprozess.",
                tags=tags,
            ),
            CriterionPageFactory(
                parent=self.tree.criteria,
                title="Kriterium Zwickau",
                number=4,
                definition="<p>Jede Kommune wie Zwickau.</p>",
            ),
            StandardPageFactory(
                parent=self.tree.home,
                title="Ausschreibung Zwickau",
                body=paragraph("<p>Eine Kommune sucht Partner.</p>"),
            ),
        ]

    def test_totals_and_every_facet_count_leave_expired_pages_out(self):
        baseline = {engine.name + str(i): snapshot(engine) for i, engine in enumerate(engines())}
        pages = self.add_pages_that_will_expire()
        for i, engine in enumerate(engines()):
            key = engine.name + str(i)
            # Control: while not expired, the pages change every facet set's result.
            with_pages = snapshot(engine)
            for facets in FACET_SETS:
                with self.subTest(engine=key, facets=facets, expired=False):
                    self.assertNotEqual(with_pages[facets], baseline[key][facets])
        for page in pages:
            expire(page)
        for i, engine in enumerate(engines()):
            key = engine.name + str(i)
            after = snapshot(engine)
            for facets in FACET_SETS:
                with self.subTest(engine=key, facets=facets, expired=True):
                    self.assertEqual(after[facets], baseline[key][facets])

    def test_the_search_page_shows_totals_and_facets_without_them(self):
        before = self.client.get(URL, {"q": QUERY})
        pages = self.add_pages_that_will_expire()
        self.assertEqual(listed_by(self.client, "Merkblatt Fristen"), ["Werkstatt Zwickau"])
        for page in pages:
            expire(page)
        after = self.client.get(URL, {"q": QUERY})
        count = before.context["search_results"].paginator.count
        self.assertEqual(after.context["search_results"].paginator.count, count)
        self.assertEqual(after.context["facet_groups"], before.context["facet_groups"])
        # The material is still found, but no longer "listed by" the expired event.
        self.assertEqual(listed_by(self.client, "Merkblatt Fristen"), [])
