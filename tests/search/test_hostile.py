"""Hostile input: every query string gets a page, never a server error — on
SQLite and on PostgreSQL (the CI runs this module on both)."""

from django.test import TestCase

from .content import SUGGEST_URL, URL, build_corpus

LONG = "a" * 100_000
MANY_WORDS = " ".join(f"wort{i}" for i in range(5_000))

# (label, raw query string after "?"). Raw strings, so that broken encodings,
# repeated and array parameters reach Django exactly as a client sent them.
HOSTILE = [
    ("empty", ""),
    ("empty q", "q="),
    ("only spaces", "q=%20%20%20"),
    ("only operators", "q=AND+OR+NOT"),
    ("operator symbols", "q=%26%26+%7C%7C+%21+-+%2B"),
    ("tsquery syntax", "q=%27a%27%3A*+%26+%21b+%3C-%3E+c"),
    ("fts5 syntax", "q=NEAR%28a+b%29+%22c%22+%5E+*"),
    ("unbalanced quote", "q=%22Kommune"),
    ("unbalanced brackets", "q=%28%28%28Kommune"),
    ("null byte", "q=Kom%00mune"),
    ("only null bytes", "q=%00%00%00"),
    ("control characters", "q=%01%02%1F%7F"),
    ("invalid utf-8", "q=%FF%FE%FD"),
    ("truncated utf-8", "q=Th%C3"),
    ("overlong utf-8", "q=%C0%AF"),
    ("lone surrogate", "q=%ED%A0%80"),
    ("100,000 characters", "q=" + LONG),
    ("5,000 words", "q=" + MANY_WORDS.replace(" ", "+")),
    ("one very long word", "q=" + "Präventionskette" * 2_000),
    ("emoji", "q=%F0%9F%98%80+Kommune"),
    ("right-to-left", "q=%E2%80%AEKommune"),
    ("zero-width", "q=Kom%E2%80%8Bmune"),
    ("percent signs", "q=%25%25%25"),
    ("sql injection", "q=%27%3B+DROP+TABLE+wagtailcore_page%3B+--"),
    ("html", "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
    ("repeated q", "q=Kommune&q=Gera"),
    ("array q", "q[]=Kommune"),
    ("array and plain", "q[]=x&q=Gera"),
    ("q as dict", "q[a]=1&q[b]=2"),
    ("repeated typ", "q=Kommune&typ=region&typ=material"),
    ("invalid typ", "q=Kommune&typ=%00"),
    ("invalid bundesland", "q=Kommune&bundesland=%FF%FE"),
    ("long schlagwort", "q=Kommune&schlagwort=" + "x" * 5_000),
    ("negative jahr", "q=Kommune&jahr=-2019"),
    ("huge jahr", "q=Kommune&jahr=99999999999999999999999"),
    ("float jahr", "q=Kommune&jahr=2019.5"),
    ("seite zero", "q=Kommune&seite=0"),
    ("seite negative", "q=Kommune&seite=-5"),
    ("seite huge", "q=Kommune&seite=99999999999999999999"),
    ("seite text", "q=Kommune&seite=letzte"),
    ("seite out of range", "q=Kommune&seite=500"),
    ("seite repeated", "q=Kommune&seite=1&seite=2"),
    ("seite null byte", "q=Kommune&seite=1%00"),
    ("seite empty", "q=Kommune&seite="),
    ("unknown parameters", "q=Kommune&foo=bar&__proto__=x"),
    ("no value", "q&typ&seite"),
    ("semicolons", "q=Kommune;typ=region"),
    ("plus and spaces", "q=+++Kommune+++"),
    ("hyphen chains", "q=-----Kommune---Gera"),
    ("only digits", "q=2019"),
    ("single character", "q=a"),
]


class HostileInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_corpus(cls)

    def test_table_has_at_least_forty_inputs(self):
        self.assertGreaterEqual(len(HOSTILE), 40)

    def test_search_page_answers_every_input(self):
        for label, raw in HOSTILE:
            with self.subTest(label):
                response = self.client.get(f"{URL}?{raw}")
                self.assertEqual(response.status_code, 200, label)
                self.assertLess(len(response.content), 300_000, label)

    def test_suggestions_answer_every_input(self):
        for label, raw in HOSTILE:
            with self.subTest(label):
                response = self.client.get(f"{SUGGEST_URL}?{raw}")
                self.assertEqual(response.status_code, 200, label)
                self.assertIn("suggestions", response.json())

    def test_query_is_bounded(self):
        response = self.client.get(f"{URL}?q={MANY_WORDS.replace(' ', '+')}")
        self.assertLessEqual(len(response.context["search_query"]), 200)
        self.assertLessEqual(len(response.context["search_query"].split()), 20)

    def test_repeated_q_uses_one_value_and_still_finds(self):
        response = self.client.get(f"{URL}?q=Kommune&q=Gera")
        self.assertEqual(response.context["search_query"], "Gera")
        self.assertIn("Landkreis Gera", [h.title for h in response.context["hits"]])

    def test_out_of_range_page_shows_the_last_page(self):
        response = self.client.get(f"{URL}?q=Kommune&seite=500")
        self.assertEqual(response.context["search_results"].number, 1)
        self.assertTrue(response.context["hits"])

    def test_post_is_refused_politely(self):
        response = self.client.post(URL, {"q": "Kommune"})
        self.assertEqual(response.status_code, 405)
