"""The Elasticsearch path, tested on what it builds (no server can run here):
the index settings with a German analyser, the mapping and documents with the
facet fields, the query (locale, live, privacy, facets as aggregations) via
elasticsearch.dsl's ``to_dict()``, and the fallback to the database when the
server is unreachable."""

import logging

from django.conf import settings
from django.test import TestCase, override_settings

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from events.models import EventPage
from materials.models import Material
from search import elastic
from search.backends.elasticsearch import GermanElasticsearchBackend, GermanMapping
from search.facets import Facets
from search.query import SearchParams, get_engine

from .content import SUGGEST_URL, URL, build_corpus

ES_BACKENDS = {
    "default": {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": ["http://127.0.0.1:9"],
        "INDEX_PREFIX": "gk_test_",
        "TIMEOUT": 1,
        "OPTIONS": {"max_retries": 0},
    },
    "database": settings.DATABASE_SEARCH_BACKEND,
}


def backend() -> GermanElasticsearchBackend:
    return GermanElasticsearchBackend({"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "gk_test_"})


class IndexSettingsTests(TestCase):
    def test_german_default_analyser(self):
        analysis = backend().settings["settings"]["analysis"]
        default = analysis["analyzer"]["default"]
        self.assertEqual(default["tokenizer"], "standard")
        self.assertEqual(
            default["filter"],
            [
                "lowercase",
                "german_compounds",
                "german_stop",
                "german_normalization",
                "german_snowball",
            ],
        )
        self.assertEqual(analysis["filter"]["german_snowball"]["language"], "German")
        # modelsearch's own analysers for autocomplete stay in place.
        self.assertIn("edgengram_analyzer", analysis["analyzer"])

    def test_base_class_settings_are_not_modified(self):
        from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

        self.assertNotIn(
            "default", Elasticsearch9SearchBackend.settings["settings"]["analysis"]["analyzer"]
        )

    def test_mapping_has_the_facet_fields(self):
        for model in (EventPage, Material):
            properties = GermanMapping(model).get_mapping()["properties"]
            self.assertEqual(properties["gk_kind"], {"type": "keyword"})
            self.assertEqual(properties["gk_year"], {"type": "integer"})
            self.assertEqual(properties["gk_tags"], {"type": "keyword"})
            self.assertIn("_all_text", properties)

    def test_one_index_for_pages_one_for_materials(self):
        engine = elastic.ElasticsearchEngine(backend())
        self.assertEqual(
            engine.indices(), ["gk_test_wagtailcore_page", "gk_test_materials_material"]
        )

    def test_settings_select_the_backend_by_elasticsearch_url(self):
        with override_settings(WAGTAILSEARCH_BACKENDS=ES_BACKENDS):
            self.assertIsInstance(get_search_backend("default"), GermanElasticsearchBackend)
            self.assertIsInstance(get_engine(), elastic.ElasticsearchEngine)


class DocumentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def test_page_document(self):
        document = GermanMapping(EventPage).get_document(self.event)
        self.assertEqual(document["gk_model"], "page")
        self.assertEqual(document["gk_kind"], "veranstaltung")
        self.assertEqual(document["gk_locale"], "de")
        self.assertEqual(document["gk_bundesland"], "niedersachsen")
        self.assertEqual(document["gk_tags"], ["praeventionskette"])
        self.assertEqual(document["gk_year"], 2019)
        self.assertEqual(document["gk_path"], self.event.path)
        self.assertTrue(document["gk_live"])
        self.assertIn("Präventionsketten", " ".join(map(str, document.values())))

    def test_material_document(self):
        document = GermanMapping(Material).get_document(self.material)
        self.assertEqual(document["gk_model"], "material")
        self.assertEqual(document["gk_locale"], "")
        self.assertEqual(document["gk_path"], self.material.collection.path)
        self.assertEqual(document["gk_bundesland"], "niedersachsen")
        self.assertIn("Quartiersmanagement", document["extracted_text"])


class QueryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def build(self, **facets):
        params = SearchParams(
            query="Kommunen", locale=Locale.objects.get(language_code="de"), facets=Facets(**facets)
        )
        return elastic.build_search(
            params,
            indices=["p", "m"],
            page_paths=["000100020003"],
            collection_paths=["00010002"],
        ).to_dict()

    def test_text_query_requires_all_words_and_boosts_the_title(self):
        query = self.build()["query"]["bool"]
        text = query["must"][0]["bool"]
        self.assertEqual(
            text["must"][0],
            {
                "multi_match": {
                    "query": "Kommunen",
                    "type": "bool_prefix",
                    "fields": ["title^3", "_all_text"],
                    "operator": "and",
                }
            },
        )
        self.assertEqual(text["should"][0]["match_phrase"]["title"]["boost"], 10)

    def test_filters_locale_live_expiry_and_privacy(self):
        visibility = self.build()["query"]["bool"]["filter"][0]["bool"]
        pages, materials = visibility["should"]
        self.assertEqual(visibility["minimum_should_match"], 1)
        self.assertIn({"term": {"gk_locale": "de"}}, pages["bool"]["filter"])
        self.assertIn({"term": {"gk_live": True}}, pages["bool"]["filter"])
        self.assertIn({"prefix": {"gk_path": "000100020003"}}, pages["bool"]["must_not"])
        self.assertTrue(any("range" in c for c in pages["bool"]["must_not"]))
        self.assertIn({"term": {"gk_model": "material"}}, materials["bool"]["filter"])
        self.assertIn({"prefix": {"gk_path": "00010002"}}, materials["bool"]["must_not"])

    def test_facets_are_aggregations_filtered_by_the_other_facets(self):
        body = self.build(typ="veranstaltung", bundesland="thueringen")
        self.assertEqual(
            body["post_filter"],
            {
                "bool": {
                    "filter": [
                        {"term": {"gk_kind": "veranstaltung"}},
                        {"term": {"gk_bundesland": "thueringen"}},
                    ]
                }
            },
        )
        aggs = body["aggs"]
        self.assertEqual(set(aggs), {"typ", "bundesland", "schlagwort", "jahr"})
        self.assertEqual(
            aggs["typ"]["filter"], {"bool": {"filter": [{"term": {"gk_bundesland": "thueringen"}}]}}
        )
        self.assertEqual(
            aggs["bundesland"]["filter"],
            {"bool": {"filter": [{"term": {"gk_kind": "veranstaltung"}}]}},
        )
        self.assertEqual(aggs["jahr"]["aggs"]["values"]["terms"]["field"], "gk_year")
        self.assertEqual(body["track_total_hits"], True)

    def test_paging(self):
        params = SearchParams(
            query="Kommune", locale=Locale.objects.get(language_code="de"), page=3
        )
        body = elastic.build_search(
            params, indices=["p"], page_paths=[], collection_paths=[]
        ).to_dict()
        self.assertEqual((body["from"], body["size"]), (20, 10))

    def test_restricted_paths_come_from_the_database_at_query_time(self):
        engine = elastic.ElasticsearchEngine(backend())
        paths = engine._paths()
        self.assertIn(self.results_page.path, paths["page_paths"])
        self.assertIn(self.restricted_event.path, paths["page_paths"])
        self.assertIn(self.internal_material.collection.path, paths["collection_paths"])

    def test_parse_facets(self):
        counts = elastic.parse_facets(
            {"typ": {"values": {"buckets": [{"key": "region", "doc_count": 2}]}}}
        )
        self.assertEqual(counts["typ"], {"region": 2})
        self.assertEqual(counts["jahr"], {})

    def test_suggest_query(self):
        body = elastic.build_suggest(
            "Regio",
            Locale.objects.get(language_code="de"),
            indices=["p"],
            page_paths=[],
            collection_paths=[],
        ).to_dict()
        self.assertEqual(
            body["query"]["bool"]["must"][0],
            {"match": {"_edgengrams": {"query": "Regio", "operator": "and"}}},
        )


@override_settings(WAGTAILSEARCH_BACKENDS=ES_BACKENDS)
class FallbackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Built with the database backend only (the class decorator applies to tests).
        with override_settings(WAGTAILSEARCH_BACKENDS={"default": ES_BACKENDS["database"]}):
            build_corpus(cls)

    def setUp(self):
        elastic.reset_circuit()

    def tearDown(self):
        elastic.reset_circuit()

    def test_unreachable_server_falls_back_to_the_database_with_a_warning(self):
        with self.assertLogs("search.elastic", level=logging.WARNING) as logs:
            response = self.client.get(URL, {"q": "Quartiersmanagement"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["search_engine"], "database (fallback)")
        self.assertEqual(
            [h.title for h in response.context["hits"]], ["Programm Regionalwerkstatt"]
        )
        self.assertIn("The search engine is unreachable", logs.output[0])

    def test_fallback_keeps_privacy(self):
        response = self.client.get(URL, {"q": "Binnenevaluation"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["hits"], [])

    def test_later_searches_skip_the_dead_server_for_a_while(self):
        with self.assertLogs("search.elastic", level=logging.WARNING):
            self.client.get(URL, {"q": "Gera"})
        with self.assertNoLogs("search.elastic", level=logging.WARNING):
            response = self.client.get(URL, {"q": "Gera"})
        self.assertIn("Landkreis Gera", [h.title for h in response.context["hits"]])

    def test_suggestions_fall_back_too(self):
        response = self.client.get(SUGGEST_URL, {"q": "Regionalw"})
        self.assertEqual(response.status_code, 200)
        titles = [s["title"] for s in response.json()["suggestions"]]
        self.assertIn("Regionalwerkstatt Hannover", titles)
