"""The search on a search engine (OpenSearch; Elasticsearch shares the code).

* What the code builds, in every run: the index settings with the German
  analysis, the mapping and documents with the facet fields, the query
  (locale, live, privacy, facets as aggregations) via elasticsearch.dsl's
  ``to_dict()``.
* On a real node, in the engine run only (``make test-search-engine``;
  tests/engine.py): the German analysis through the ``_analyze`` API
  (stemming, umlauts, stop words, compound parts), the search page served by
  the engine, spelling suggestions checked by the engine. The other search
  tests (privacy, facets, PDF text, hostile input, index updates) run on the
  engine too in that run.
* A server that does not answer: the database answers, with a warning."""

import logging
from unittest import mock

from django.conf import settings
from django.test import SimpleTestCase, TestCase, override_settings

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from events.models import EventPage
from materials.models import Material
from search import elastic
from search.backends.elasticsearch import GermanElasticsearchBackend, GermanMapping
from search.backends.engine import normalized
from search.facets import Facets
from search.german import COMPOUND_WORDS, fold, index_text, stem
from search.query import SearchParams, get_engine
from tests import engine
from tests.engine import analyze, engine_only

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
                "german_stop",
                "german_normalization",
                "german_compounds",
                "german_snowball",
            ],
        )
        self.assertNotIn("german_compounds", analysis["analyzer"]["default_search"]["filter"])
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
        self.assertEqual(document["gk_bundesland"], ["de:niedersachsen"])
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
        # Per language: listed first by the German event, by the English region.
        self.assertEqual(document["gk_bundesland"], ["de:niedersachsen", "en:thueringen"])
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
                        {"term": {"gk_bundesland": "de:thueringen"}},
                    ]
                }
            },
        )
        aggs = body["aggs"]
        self.assertEqual(set(aggs), {"typ", "bundesland", "schlagwort", "jahr"})
        self.assertEqual(
            aggs["typ"]["filter"],
            {"bool": {"filter": [{"term": {"gk_bundesland": "de:thueringen"}}]}},
        )
        self.assertEqual(
            aggs["bundesland"]["filter"],
            {"bool": {"filter": [{"term": {"gk_kind": "veranstaltung"}}]}},
        )
        self.assertEqual(aggs["jahr"]["aggs"]["values"]["terms"]["field"], "gk_year")
        # The Bundesland of the search's language only (materials have one per language).
        self.assertEqual(aggs["bundesland"]["aggs"]["values"]["terms"]["include"], "de:.*")
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
            {
                "typ": {"values": {"buckets": [{"key": "region", "doc_count": 2}]}},
                "bundesland": {"values": {"buckets": [{"key": "de:bayern", "doc_count": 1}]}},
            }
        )
        self.assertEqual(counts["typ"], {"region": 2})
        self.assertEqual(counts["bundesland"], {"bayern": 1})
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


@engine_only
class AnalysisTests(SimpleTestCase):
    """The German analysis as the node applies it (``_analyze`` on this run's
    page index): ``default`` indexes, ``default_search`` analyses the query."""

    def test_singular_and_plural_have_one_stem(self):
        self.assertEqual(analyze("Präventionskette"), ["praventionskett"])
        self.assertEqual(analyze("Präventionsketten"), ["praventionskett"])
        self.assertEqual(analyze("Netzwerke"), analyze("Netzwerk"))
        self.assertEqual(analyze("Kommunen"), analyze("Kommune"))

    def test_umlauts_written_or_spelled_out_and_sharp_s(self):
        for word in ("Prävention", "Praevention", "Pravention"):
            self.assertEqual(analyze(word), ["pravention"], word)
        self.assertEqual(analyze("Straße"), analyze("Strasse"))
        self.assertEqual(analyze("Gründung"), analyze("Gruendung"))
        self.assertEqual(analyze("Quelle"), ["quell"])  # the ue after q is no umlaut

    def test_postgres_stop_words_are_dropped(self):
        self.assertEqual(analyze("und der die für"), [])
        self.assertEqual(analyze("für die Kommunen"), ["kommun"])
        self.assertEqual(analyze("und der die", "default"), [])

    def test_stems_are_the_stems_of_postgres(self):
        # search.german.stem is PostgreSQL's german configuration
        # (tests/search/test_forgiving.py compares the two); the query analyser
        # adds no compound parts, the index analyser adds those index_text adds.
        words = "Präventionsketten Netzwerke Gründungen kommunalen Familien Häuser Ämter gehören"
        for word in words.split():
            self.assertEqual(analyze(word), [stem(fold(word))], word)
            self.assertEqual(
                sorted(set(analyze(word, "default"))), sorted(set(index_text(word).split())), word
            )

    def test_compounds_are_indexed_with_their_parts(self):
        explained = analyze("Gesundheitsförderung", "default", explain=True)
        stages = {
            f["name"]: [t["token"] for t in f["tokens"]]
            for f in explained["detail"]["tokenfilters"]
        }
        self.assertEqual(
            stages["german_compounds"], ["gesundheitsforderung", "gesundheit", "forderung"]
        )
        tokens = analyze("Gesundheitsförderung", "default")
        for part in ("Förderung", "Gesundheit"):
            self.assertTrue(set(analyze(part)) <= set(tokens), part)
        self.assertEqual(analyze("Gesundheitsfoerderung", "default"), tokens)
        self.assertIn(analyze("Kette")[0], analyze("Präventionsketten", "default"))

    def test_the_query_is_not_split(self):
        self.assertEqual(analyze("Gesundheitsförderung"), ["gesundheitsforder"])

    def test_the_word_list_is_normalised_as_the_node_normalises(self):
        words = [*COMPOUND_WORDS, "steuerung", "quelle", "außen", "praevention", "mauer"]
        response = engine.backend().es.indices.analyze(
            body={
                "tokenizer": "keyword",
                "filter": ["lowercase", "german_normalization"],
                "text": words,
            }
        )
        self.assertEqual([normalized(w) for w in words], [t["token"] for t in response["tokens"]])


@engine_only
class EngineSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def test_the_search_page_is_served_by_the_engine(self):
        response = self.client.get(URL, {"q": "Förderung"})
        self.assertEqual(response.context["search_engine"], "elasticsearch")
        # A compound part finds the compound ("Gesundheitsförderung").
        self.assertIn("Unsere Vision", [h.title for h in response.context["hits"]])

    def test_spelling_is_checked_by_the_engine_in_two_requests(self):
        sent = []
        execute_many = elastic.execute_many

        def counted(client, indices, searches):
            sent.append(len(searches))
            return execute_many(client, indices, searches)

        with mock.patch.object(elastic, "execute_many", counted):
            response = self.client.get(URL, {"q": "Quartiersmanagment Hannovr"})
        self.assertIn("Quartiersmanagement Hannover", str(response.context["spelling_link"]))
        self.assertEqual(len(sent), 2)  # the query words, then all candidates
        self.assertEqual(sent[0], 2)

    def test_private_words_are_never_suggested_by_the_engine(self):
        # "Binnenevaluation" is only in a PDF of a restricted collection.
        response = self.client.get(URL, {"q": "Binnenevaluatio"})
        self.assertNotIn("spelling_link", response.context)


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

    def test_spelling_suggestions_fall_back_too(self):
        with self.assertLogs("search.elastic", level=logging.WARNING):
            response = self.client.get(URL, {"q": "Quartiersmanagment"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Quartiersmanagement", str(response.context["spelling_link"]))

    def test_suggestions_fall_back_too(self):
        response = self.client.get(SUGGEST_URL, {"q": "Regionalw"})
        self.assertEqual(response.status_code, 200)
        titles = [s["title"] for s in response.json()["suggestions"]]
        self.assertIn("Regionalwerkstatt Hannover", titles)


class ShardFailureClient:
    """Answers like an engine whose cluster just lost a node: ``failures`` answers
    with failed shards (incomplete hits and counts), then complete ones."""

    class Indices:
        def refresh(self, index):  # the engine run refreshes before reads (tests/engine.py)
            pass

    indices = Indices()

    def __init__(self, failures: int):
        self.failures = failures
        self.calls = 0

    def search(self, index, body):
        self.calls += 1
        failed = 1 if self.calls <= self.failures else 0
        return {"_shards": {"total": 2, "failed": failed}, "hits": {"total": {"value": 2 - failed}}}


class PartialResultsTests(SimpleTestCase):
    search = elastic.Search().query("match_all")

    def test_an_answer_with_failed_shards_is_asked_for_again(self):
        client = ShardFailureClient(failures=1)
        response = elastic.execute(client, ["p"], self.search)
        self.assertEqual((client.calls, response["hits"]["total"]["value"]), (2, 2))

    def test_incomplete_twice_is_refused_so_the_database_answers(self):
        client = ShardFailureClient(failures=2)
        with self.assertRaises(elastic.PartialResults):
            elastic.execute(client, ["p"], self.search)
        self.assertIn(elastic.PartialResults, elastic.ERRORS)


class BackendReuseTests(SimpleTestCase):
    def test_searches_share_one_engine_client_per_configuration(self):
        with override_settings(WAGTAILSEARCH_BACKENDS=ES_BACKENDS):
            first, second = get_engine(), get_engine()
            self.assertIs(first.backend.es, second.backend.es)
        other = {**ES_BACKENDS, "default": {**ES_BACKENDS["default"], "INDEX_PREFIX": "other_"}}
        with override_settings(WAGTAILSEARCH_BACKENDS=other):
            third = get_engine()
        self.assertIsNot(third.backend, first.backend)
        self.assertEqual(third.backend.index_prefix, "other_")
