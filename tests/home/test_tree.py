"""Where editors may create which page type (parent/subpage rules, one index per home)."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from accessibility.models import AccessibilityStatementPage, EasyReadPage, SignLanguagePage
from criteria.models import CriteriaIndexPage, CriterionPage
from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from practice.models import PracticeIndexPage, PracticePage
from regions.models import RegionIndexPage, RegionPage, RegionResultsPage
from tests.factories import StandardPageFactory, add_practice_index, build_tree

# ChildrenIndexTests: pages one level below the home page's children.
DEEPER_PAGES = 30

INDEX_PAGES = [
    RegionIndexPage,
    EventIndexPage,
    NewsIndexPage,
    CriteriaIndexPage,
    PracticeIndexPage,
]


class TreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_home_page_holds_standard_index_and_bitv_pages(self):
        # (The pages in Leichte Sprache and DGS: tests/accessibility/test_pages.py.)
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                *INDEX_PAGES,
                EasyReadPage,
                SignLanguagePage,
                AccessibilityStatementPage,
            },
        )

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_index_pages_sit_under_home_only(self):
        for index_page in INDEX_PAGES:
            with self.subTest(index_page=index_page.__name__):
                self.assertAllowedParentPageTypes(index_page, {HomePage})
                self.assertCanNotCreateAt(StandardPage, index_page)

    def test_regions(self):
        self.assertAllowedSubpageTypes(RegionIndexPage, {RegionPage})
        self.assertAllowedParentPageTypes(RegionPage, {RegionIndexPage})
        self.assertAllowedSubpageTypes(RegionPage, {RegionResultsPage})
        self.assertAllowedParentPageTypes(RegionResultsPage, {RegionPage})
        self.assertAllowedSubpageTypes(RegionResultsPage, set())
        self.assertCanNotCreateAt(HomePage, RegionPage)

    def test_events(self):
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanNotCreateAt(NewsIndexPage, EventPage)

    def test_news(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(EventIndexPage, NewsPage)

    def test_criteria(self):
        self.assertAllowedSubpageTypes(CriteriaIndexPage, {CriterionPage})
        self.assertAllowedParentPageTypes(CriterionPage, {CriteriaIndexPage})
        self.assertAllowedSubpageTypes(CriterionPage, set())
        self.assertCanNotCreateAt(RegionIndexPage, CriterionPage)

    def test_practice(self):
        self.assertAllowedSubpageTypes(PracticeIndexPage, {PracticePage})
        self.assertAllowedParentPageTypes(PracticePage, {PracticeIndexPage})
        self.assertAllowedSubpageTypes(PracticePage, set())
        self.assertCanNotCreateAt(CriteriaIndexPage, PracticePage)


class OneIndexPerHomeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        add_practice_index(cls.tree.home)

    def test_second_index_of_a_kind_cannot_be_created_under_the_same_home(self):
        home = self.tree.home
        for index_page in INDEX_PAGES:
            with self.subTest(index_page=index_page.__name__):
                self.assertFalse(index_page.can_create_at(home))

    def test_each_language_tree_gets_its_own_index(self):
        home_en = self.tree.translate_home()
        for index_page in INDEX_PAGES:
            with self.subTest(index_page=index_page.__name__):
                self.assertTrue(index_page.can_create_at(home_en))

    def test_standard_pages_are_not_limited(self):
        self.assertTrue(StandardPage.can_create_at(self.tree.home))


class ChildrenIndexTests(WagtailPageTestCase):
    """home/migrations/0003: listing a page's children (main navigation on every
    page) is answered from the (depth, path) index, not by reading all pages."""

    def test_children_query_uses_the_depth_path_index(self):
        from django.db import connection, transaction

        tree = build_tree()
        # Pages below the home page's children, as on a real site: the path range
        # alone (wagtailcore_page_path_key) then reads more than the children.
        section = StandardPageFactory(parent=tree.home, slug="bereich")
        for number in range(DEEPER_PAGES):
            StandardPageFactory(parent=section, slug=f"unterseite-{number}")
        sql, params = tree.home.get_children().live().in_menu().query.sql_with_params()
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Statistics of this table as it is now (the planner otherwise reads
                # whatever an earlier autovacuum saw, and with two equally cheap
                # estimates picked the path index in one CI run); the test table is
                # tiny, so forbid a sequential scan to see the index fits.
                cursor.execute("ANALYZE wagtailcore_page")
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute("EXPLAIN " + sql, params)
            else:
                cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(part) for row in cursor.fetchall() for part in row)
        assert "home_page_depth_path" in plan, plan
