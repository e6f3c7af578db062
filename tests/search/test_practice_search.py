"""Practice examples in the site-wide search (issue #14, point 3: the search gets
a type "Praxisbeispiel"): found by the words of their teaser, description and
Kommune; ``typ=praxisbeispiel`` narrows; the Bundesland, Schlagwort and year
(the example's start) facets count them; drafts, restricted and expired examples
are not found; the English example on /en/search/; a material an example lists
belongs to it and takes its Bundesland. Runs on SQLite, PostgreSQL and (engine
run) OpenSearch like the rest of tests/search."""

import itertools
from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.test import TestCase
from django.utils import timezone

from wagtail.models import Locale

from practice.models import PracticeMaterial
from search.facets import KIND_LABELS, Facets, display_date
from search.forms import SearchForm
from search.query import DatabaseEngine, SearchParams, database_engine
from tests.engine import database_only
from tests.factories import (
    NewsPageFactory,
    PracticePageFactory,
    RegionPageFactory,
    add_practice_index,
    build_tree,
    bundesland,
    restrict_to_group,
    translate,
)
from tests.factories.pages import paragraph
from tests.helpers import page_text

from .content import URL, URL_EN, pdf_material
from .test_engine import reference


def search(client, query: str, url: str = URL, **params):
    response = client.get(url, {"q": query, **params})
    assert response.status_code == 200
    return response


def titles(response) -> set[str]:
    hits = response.context["hits"]
    if "search_results" in response.context:
        # Hits are re-checked when loaded: a stale index would show in the count.
        assert response.context["search_results"].paginator.count == len(hits)
    return {hit.title for hit in hits}


def counts(response, dimension: str) -> dict[str, int]:
    for group in response.context["facet_groups"]:
        if group["name"] == dimension:
            return {o["value"]: o["count"] for o in group["options"]}
    return {}


def build_practice_corpus(cls) -> None:
    cls.tree = tree = build_tree()
    cls.index = add_practice_index(tree.home)
    cls.example = PracticePageFactory(
        parent=cls.index,
        title="Bewegte Familien im Quartier",
        slug="bewegte-familien",
        municipality="Zwirnhausen",
        bundesland=bundesland("sachsen"),
        start_date=date(2018, 3, 1),
        teaser="Ein Trampolinparcours lädt Familien in den Stadtteil ein.",
        body=paragraph("<p>Elternlotsen begleiten die Familien zu den Angeboten.</p>"),
        tags=["Bewegungsförderung"],
    )
    cls.region = RegionPageFactory(
        parent=tree.regions,
        title="Landkreis Gera",
        slug="gera",
        bundesland=bundesland("thueringen"),
        intro="Die Kommune Gera baut ein Netzwerk auf.",
    )
    cls.region_example = PracticePageFactory(
        parent=cls.index,
        title="Kochende Kitas",
        slug="kochende-kitas",
        region=cls.region,
        municipality="",
        bundesland=bundesland("thueringen"),
        start_date=date(2022, 9, 1),
        teaser="Kitas kochen mit Kindern; die Familien in Zwirnhausen schauen zu.",
    )
    # Another type with the example's Kommune in its text (for the typ facet).
    cls.news = NewsPageFactory(
        parent=tree.news,
        title="Zwirnhausen tritt bei",
        slug="zwirnhausen",
        date=date(2024, 5, 2),
        teaser="Die Kommune Zwirnhausen ist neu im Partnerprozess.",
    )
    # Not public, each with a word found nowhere else.
    cls.group = Group.objects.create(name="Netzwerk Sachsen")
    cls.draft = PracticePageFactory(
        parent=cls.index,
        title="Entwurf Schubladenprojekt",
        slug="entwurf",
        teaser="Ein Schubladenprojekt in Zwirnhausen.",
        live=False,
    )
    cls.restricted = PracticePageFactory(
        parent=cls.index,
        title="Internes Geheimprojekt",
        slug="intern",
        teaser="Ein Geheimprojekt in Zwirnhausen.",
    )
    restrict_to_group(cls.restricted, cls.group)
    cls.expired = PracticePageFactory(
        parent=cls.index,
        title="Abgelaufenes Auslaufprojekt",
        slug="abgelaufen",
        teaser="Ein Auslaufprojekt in Zwirnhausen.",
    )
    cls.expired.expire_at = timezone.now() - timedelta(minutes=5)
    cls.expired.save()
    # English tree.
    tree.translate_home()
    cls.example_en = translate(cls.example, "en")


class PracticeSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_practice_corpus(cls)

    def test_found_by_teaser_description_and_kommune(self):
        for word in ("Trampolinparcours", "Elternlotsen", "Zwirnhausen"):
            with self.subTest(word=word):
                self.assertIn("Bewegte Familien im Quartier", titles(search(self.client, word)))

    def test_the_hit_is_a_praxisbeispiel_with_its_start_and_bundesland(self):
        response = search(self.client, "Trampolinparcours")
        [hit] = response.context["hits"]
        self.assertEqual(hit.kind, "praxisbeispiel")
        self.assertEqual(hit.kind_label, "Praxisbeispiel")
        self.assertEqual(hit.url, "/de/praxisdatenbank/bewegte-familien/")
        self.assertEqual(hit.date, date(2018, 3, 1))  # its start, not its publication
        self.assertEqual(hit.bundesland.slug, "sachsen")
        self.assertIn("Trampolinparcours", hit.snippet)
        text = page_text(response)
        self.assertIn("Praxisbeispiel", text)
        self.assertIn("Sachsen", text)

    def test_a_region_example_is_found_by_its_teaser_and_its_region(self):
        self.assertEqual(titles(search(self.client, "kochen")), {"Kochende Kitas"})
        # Its Kommune is the region page's title (no free text).
        self.assertEqual(titles(search(self.client, "Gera")), {"Kochende Kitas", "Landkreis Gera"})

    def test_typ_praxisbeispiel_narrows(self):
        response = search(self.client, "Zwirnhausen")
        self.assertEqual(counts(response, "typ"), {"praxisbeispiel": 2, "aktuelles": 1})
        narrowed = search(self.client, "Zwirnhausen", typ="praxisbeispiel")
        self.assertEqual(titles(narrowed), {"Bewegte Familien im Quartier", "Kochende Kitas"})
        self.assertEqual({hit.kind for hit in narrowed.context["hits"]}, {"praxisbeispiel"})
        news = search(self.client, "Zwirnhausen", typ="aktuelles")
        self.assertEqual(titles(news), {"Zwirnhausen tritt bei"})

    def test_the_type_is_a_choice_of_the_form_and_the_url_contract(self):
        self.assertEqual(str(KIND_LABELS["praxisbeispiel"]), "Praxisbeispiel")
        self.assertIn("praxisbeispiel", dict(SearchForm.base_fields["typ"].choices))
        self.assertTrue(SearchForm({"q": "x", "typ": "praxisbeispiel"}).is_valid())
        html = search(self.client, "Zwirnhausen").content.decode()
        self.assertIn("typ=praxisbeispiel", html)

    def test_bundesland_facet_counts_and_narrows(self):
        response = search(self.client, "Zwirnhausen")
        self.assertEqual(counts(response, "bundesland"), {"sachsen": 1, "thueringen": 1})
        narrowed = search(self.client, "Zwirnhausen", bundesland="thueringen")
        self.assertEqual(titles(narrowed), {"Kochende Kitas"})

    def test_schlagwort_facet_counts_and_narrows(self):
        response = search(self.client, "Zwirnhausen")
        self.assertEqual(counts(response, "schlagwort"), {"bewegungsfoerderung": 1})
        narrowed = search(self.client, "Zwirnhausen", schlagwort="bewegungsfoerderung")
        self.assertEqual(titles(narrowed), {"Bewegte Familien im Quartier"})

    def test_jahr_is_the_year_the_example_started(self):
        response = search(self.client, "Zwirnhausen")
        self.assertEqual(counts(response, "jahr"), {"2018": 1, "2022": 1, "2024": 1})
        narrowed = search(self.client, "Zwirnhausen", jahr="2018")
        self.assertEqual(titles(narrowed), {"Bewegte Familien im Quartier"})
        self.assertEqual(display_date(self.region_example), date(2022, 9, 1))

    def test_drafts_restricted_and_expired_examples_are_not_found(self):
        for word in ("Schubladenprojekt", "Geheimprojekt", "Auslaufprojekt"):
            with self.subTest(word=word):
                self.assertEqual(titles(search(self.client, word)), set())
        response = search(self.client, "Zwirnhausen", typ="praxisbeispiel")
        self.assertEqual(counts(response, "typ")["praxisbeispiel"], 2)

    def test_the_english_example_on_the_english_search(self):
        response = search(self.client, "Trampolinparcours", url=URL_EN)
        [hit] = response.context["hits"]
        self.assertEqual(hit.obj.pk, self.example_en.pk)
        self.assertEqual(hit.kind, "praxisbeispiel")
        self.assertTrue(hit.url.startswith("/en/"), hit.url)
        self.assertEqual(counts(response, "typ"), {"praxisbeispiel": 1})
        self.assertEqual(counts(response, "jahr"), {"2018": 1})
        narrowed = search(self.client, "Trampolinparcours", url=URL_EN, typ="praxisbeispiel")
        self.assertEqual(titles(narrowed), {"Bewegte Familien im Quartier"})
        # The German search does not show the English copy.
        german = search(self.client, "Trampolinparcours")
        self.assertEqual([hit.obj.pk for hit in german.context["hits"]], [self.example.pk])


class MaterialOfAPracticeExampleTests(TestCase):
    """A material listed by a practice example belongs to it in the search (the
    hit's "Gehört zu") and takes its Bundesland; a draft example lends neither."""

    @classmethod
    def setUpTestData(cls):
        build_practice_corpus(cls)
        cls.material = pdf_material("Parcoursplan", "Stationen des Hüpfpfades im Stadtteil.")

    def hit(self, query: str):
        hits = {h.title: h for h in search(self.client, query).context["hits"]}
        return hits["Parcoursplan"]

    def test_listed_by_a_public_example(self):
        PracticeMaterial.objects.create(page=self.example, document=self.material)
        hit = self.hit("Hüpfpfades")
        self.assertEqual([page.title for page in hit.context], ["Bewegte Familien im Quartier"])
        self.assertEqual(hit.bundesland.slug, "sachsen")
        response = search(self.client, "Hüpfpfades")
        self.assertEqual(counts(response, "bundesland"), {"sachsen": 1})
        narrowed = search(self.client, "Hüpfpfades", bundesland="sachsen")
        self.assertEqual(titles(narrowed), {"Parcoursplan"})

    def test_a_draft_example_lends_nothing(self):
        PracticeMaterial.objects.create(page=self.draft, document=self.material)
        hit = self.hit("Hüpfpfades")
        self.assertEqual(hit.context, [])
        self.assertIsNone(hit.bundesland)
        self.assertEqual(counts(search(self.client, "Hüpfpfades"), "bundesland"), {})

    def test_unlinking_takes_the_bundesland_away(self):
        link = PracticeMaterial.objects.create(page=self.example, document=self.material)
        self.assertEqual(counts(search(self.client, "Hüpfpfades"), "bundesland"), {"sachsen": 1})
        link.delete()
        self.assertEqual(counts(search(self.client, "Hüpfpfades"), "bundesland"), {})


@database_only("the database engine's fast path against its exhaustive reference")
class PracticeFastPathTests(TestCase):
    """The fast path (on PostgreSQL the search's own table, search.entries) counts
    practice examples as the exhaustive reference does."""

    @classmethod
    def setUpTestData(cls):
        build_practice_corpus(cls)
        cls.material = pdf_material("Parcoursplan", "Zwirnhausen: Stationen des Hüpfpfades.")
        PracticeMaterial.objects.create(page=cls.example, document=cls.material)

    def test_same_as_reference(self):
        engine = database_engine()
        facet_sets = [
            Facets(typ=t, bundesland=b, schlagwort=s, jahr=j)
            for t, b, s, j in itertools.product(
                ("", "praxisbeispiel", "material"),
                ("", "sachsen"),
                ("", "bewegungsfoerderung"),
                (None, 2018),
            )
        ]
        for locale in Locale.objects.all():
            for facets in facet_sets:
                params = SearchParams(query="Zwirnhausen", locale=locale, facets=facets)
                with self.subTest(locale=locale, facets=facets):
                    result = engine.search(params)
                    self.assertEqual(
                        (result.total, result.page, result.keys, result.facet_counts),
                        reference(DatabaseEngine(), params),
                    )
        result = engine.search(SearchParams(query="Zwirnhausen", locale=Locale.get_default()))
        self.assertEqual(
            result.facet_counts["typ"], {"praxisbeispiel": 2, "aktuelles": 1, "material": 1}
        )
        self.assertEqual(result.facet_counts["bundesland"], {"sachsen": 2, "thueringen": 1})
