"""The demo loader: idempotent, builds the public URL contract from the seeds' facts,
keeps restricted results and internal materials private, names no real person.

The loader takes a few seconds, so it runs once per module inside a transaction
that is rolled back afterwards; each test then runs in its own savepoint."""

import datetime as dt
import io
import json
import re
import zoneinfo
from io import StringIO

import pytest
from pypdf import PdfReader

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from taggit.models import Tag
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    ModelLogEntry,
    Page,
    PageLogEntry,
    PageViewRestriction,
    Revision,
    Site,
)
from wagtail_localize.models import Translation, TranslationSource

from criteria.models import CriterionPage
from demo.data import DemoContent
from events.models import EventPage
from home.models import HomePage, Schlagwort, SchlagwortTranslation
from materials.models import Material
from practice.models import PracticeAssessment, PracticeIndexPage, PracticeMaterial, PracticePage
from regions.models import RegionContact, RegionPage, RegionResultsPage
from tests.accessibility.media import ffprobe, needs_ffmpeg, parse_webvtt

DEMO = DemoContent()

# Real people named in the seed pages; none of them may appear on the demo site.
SEED_PERSON_NAMES = [
    "Heinze",
    "Monique",
    "Wanzar",
    "Lauterbach",
    "Hannelore",
    "Kraft",
    "Büchel",
    "Buechel",
]
# Contact details of a real person in the seeds.
SEED_CONTACT_DETAILS = ["838-3500", "@gera.de", "gesundheitsförderung@gera"]
PERSON_PATTERN = re.compile(r"\b(" + "|".join(SEED_PERSON_NAMES) + r")\b")

KEY_URLS = [
    "/de/",
    "/de/regionen/",
    "/de/regionen/gera/",
    "/de/regionen/weimar/",
    "/de/regionen/wartburgkreis/",
    "/de/veranstaltungen/",
    "/de/aktuelles/",
    "/de/good-practice-kriterien/",
    "/de/praxisdatenbank/",
    "/en/",
    "/en/practice-database/",
]

COUNTED_MODELS = [
    Page,
    Revision,
    PageLogEntry,
    ModelLogEntry,
    Material,
    Collection,
    get_user_model(),
    Group,
    Schlagwort,
    SchlagwortTranslation,
    Tag,
    RegionContact,
    PracticeAssessment,
    PracticeMaterial,
    Site,
    PageViewRestriction,
    CollectionViewRestriction,
]


def counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in COUNTED_MODELS}


def public_page_urls() -> list[str]:
    return [page.url for page in Page.objects.live().public().filter(depth__gt=1).specific()]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loads the demo twice; yields the counts after each run and the outputs."""
    with (
        django_db_blocker.unblock(),
        override_settings(DEMO_ACCOUNTS=True),
        transaction.atomic(),
    ):
        first_out, second_out = StringIO(), StringIO()
        call_command("load_demo_content", stdout=first_out)
        after_first = counts()
        call_command("load_demo_content", stdout=second_out)
        after_second = counts()
        anonymous = Client()
        rendered = {}
        for url in public_page_urls():
            response = anonymous.get(url)
            rendered[url] = (response.status_code, response.text)
        yield {
            "rendered": rendered,
            "after_first": after_first,
            "after_second": after_second,
            "first_output": first_out.getvalue(),
            "second_output": second_out.getvalue(),
        }
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_second_run_creates_nothing(demo):
    assert demo["after_first"] == demo["after_second"]
    assert "Alles vorhanden, nichts geändert." in demo["second_output"]


def test_first_run_builds_the_site(demo):
    first = demo["after_first"]
    assert first["wagtailcore.Page"] >= 50
    assert first["materials.Material"] == len(DEMO.materials)
    assert (
        "Demo-Zugang: http://127.0.0.1:8000/admin/ Benutzer admin, Passwort"
        in (demo["first_output"])
    )


def test_default_site_serves_the_german_home_page(demo):
    site = Site.objects.get(is_default_site=True)
    # Full URLs in feeds and the sitemap point where the demo is served.
    assert site.root_url == settings.BASE_URL
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.slug == "home"
    assert home.locale.language_code == "de"
    # Wagtail's initial welcome page is gone.
    assert not Page.objects.filter(depth=2, title__startswith="Welcome").exists()


def test_every_page_is_published_through_a_revision(demo):
    pages = Page.objects.filter(depth__gt=1)
    assert pages.filter(live=False).count() == 0
    assert pages.filter(live_revision__isnull=True).count() == 0


@pytest.mark.parametrize("url", KEY_URLS)
def test_key_urls_respond(demo, client, url):
    response = client.get(url)
    assert response.status_code == 200, url


def test_every_public_demo_page_renders(demo):
    assert len(demo["rendered"]) >= 50
    for url, (status, _text) in demo["rendered"].items():
        assert status == 200, url


def test_english_home_page_is_a_translation(demo, client):
    de_home = HomePage.objects.get(locale__language_code="de")
    en_home = HomePage.objects.get(locale__language_code="en")
    assert en_home.translation_key == de_home.translation_key
    assert en_home.live
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Healthy Municipality" in response.text


def test_twelve_criteria_in_german(demo):
    de = Locale.objects.get(language_code="de")
    criteria = CriterionPage.objects.live().filter(locale=de).order_by("number")
    assert [c.number for c in criteria] == list(range(1, 13))
    former = {c.number: c.former_name for c in criteria if c.former_name}
    assert former == {
        9: "Integriertes Handlungskonzept / Vernetzung",
        10: "Qualitätsmanagement/-entwicklung",
        12: "Kosten-Wirksamkeits-Verhältnis",
    }
    for criterion in criteria:
        stages = [block for block in criterion.levels if block.block_type == "stage"]
        assert 3 <= len(stages) <= 5, criterion.title


def test_lernwerkstatt_facts(demo):
    event = EventPage.objects.get(
        slug="lernwerkstatt-strategieentwicklung-2019", locale__language_code="de"
    )
    start = event.start.astimezone(zoneinfo.ZoneInfo("Europe/Berlin"))
    assert start.date() == dt.date(2019, 9, 30)
    assert event.place == "Hannover"
    assert event.bundesland.name == "Niedersachsen"
    assert event.category.name == "Werkstatt"
    assert sorted(event.tags.names()) == ["Good Practice", "Vernetzung", "Werkstatt"]
    assert event.organiser.startswith("Landesvereinigung für Gesundheit und Akademie")
    assert 9 in [link.criterion.number for link in event.criterion_links.all()]
    kinds = [link.document.kind for link in event.material_links.all()]
    assert "programm" in kinds


def test_lernwerkstatt_programme_shows_the_day_of_its_event(demo):
    """A material takes the day of the event that lists it (not the day the demo
    was loaded), and its link names the format once."""
    material = Material.objects.get(title__startswith="Programm: Lernwerkstatt")
    assert material.effective_date == dt.date(2019, 9, 30)
    _status, html = demo["rendered"]["/de/veranstaltungen/lernwerkstatt-strategieentwicklung-2019/"]
    assert re.search(
        r'Programm der Lernwerkstatt<span class="material-list__meta"> \(PDF, [^<]+, '
        r'<time datetime="2019-09-30">30\.09\.2019</time>\)',
        html,
    )
    assert "(PDF) (PDF" not in html


def test_upcoming_events_exist(demo):
    upcoming = EventPage.objects.live().filter(start__year__gte=2027)
    assert upcoming.count() >= 3


def test_model_regions(demo):
    for slug in DEMO.model_regions:
        region = RegionPage.objects.get(slug=slug, locale__language_code="de")
        assert region.role == "modellregion"
        assert region.bundesland.code == "TH"
        assert region.network_name
        assert region.contacts.exists()
    gera = RegionPage.objects.get(slug="gera", locale__language_code="de")
    assert gera.network_name == "Gesunde Kommune Gera"
    assert "Präventionsketten" in gera.tags.names()
    partners = [partner.name for partner in gera.partners.all()]
    assert "Krankenkassen" in partners


def test_restricted_results_need_login(demo, client):
    results = RegionResultsPage.objects.get(url_path__endswith="/gera/ergebnisse/")
    restriction = PageViewRestriction.objects.get(page=results)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert list(restriction.groups.values_list("name", flat=True)) == ["Netzwerk Gera"]

    response = client.get("/de/regionen/gera/ergebnisse/")
    assert response.status_code == 302
    assert "next=" in response["Location"]
    assert "/de/regionen/gera/ergebnisse/" in response.url


def test_network_member_sees_results(demo):
    member = get_user_model().objects.get(username=DEMO.accounts["network_member"]["username"])
    client = Client()
    client.force_login(member)
    assert client.get("/de/regionen/gera/ergebnisse/").status_code == 200
    # ... but not another network's results.
    assert client.get("/de/regionen/weimar/ergebnisse/").status_code == 302


def test_pdfs_contain_their_distinctive_words(demo):
    materials = {m.title: m for m in Material.objects.all()}
    checked = 0
    for data in DEMO.materials:
        material = materials[data["title"]]
        with material.open_file() as handle:
            text = "\n".join(
                page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages
            )
        assert data["distinctive_word"] in text, data["key"]
        assert material.file_size and material.file_hash
        checked += 1
    assert checked >= 2


def test_distinctive_words_appear_only_in_their_pdf(demo):
    for word in DEMO.distinctive_words.values():
        holders = [m.title for m in Material.objects.all() if word in m.extracted_text]
        assert len(holders) == 1, word
        for page in Page.objects.specific():
            assert word not in json.dumps(page.serializable_data(), default=str), page


def test_internal_material_is_never_public(demo, client):
    internal = Material.objects.get(collection__name=DEMO.collections["internal"])
    assert internal not in Material.objects.public()
    assert client.get(internal.url).status_code == 302
    public = Material.objects.filter(collection__name=DEMO.collections["public"]).first()
    assert client.get(public.url).status_code == 200
    # Attached to Gera (de and en), yet listed on no public page.
    for url, (_status, text) in demo["rendered"].items():
        assert internal.title not in text, url
        assert DEMO.distinctive_words["intern-steuerungsrunde-gera"] not in text, url


def test_no_real_person_is_named(demo):
    texts = [
        json.dumps(page.serializable_data(), default=str, ensure_ascii=False)
        for page in Page.objects.specific()
    ]
    texts += [f"{c.role} {c.organisation} {c.email} {c.phone}" for c in RegionContact.objects.all()]
    texts += [m.extracted_text for m in Material.objects.all()]
    texts += [text for _status, text in demo["rendered"].values()]
    for text in texts:
        assert not PERSON_PATTERN.search(text), PERSON_PATTERN.search(text).group(0)
        for detail in SEED_CONTACT_DETAILS:
            assert detail not in text
    for contact in RegionContact.objects.all():
        assert contact.email.endswith(".example.org")


def test_without_demo_accounts_no_password_is_printed(demo):
    users_before = get_user_model().objects.count()
    out = StringIO()
    with override_settings(DEMO_ACCOUNTS=False):
        call_command("load_demo_content", stdout=out)
    assert DEMO.password not in out.getvalue()
    assert get_user_model().objects.count() == users_before


def _marked_untranslated(data) -> bool:
    """Whether the file marks any English text "~" (not yet translated)."""
    return "~" in (DEMO.root / data.name).read_text(encoding="utf-8").split("\nen:", 1)[1]


def test_every_english_page_is_a_wagtail_localize_translation(demo):
    en = Locale.objects.get(language_code="en")
    english = DEMO.english_pages()
    assert len(english) == 51  # every public German page
    for data in english:
        source = TranslationSource.objects.get(
            object__translation_key=Page.objects.get(
                locale__language_code="de", url_path__endswith=f"/{data.slug}/"
            ).translation_key,
            locale__language_code="de",
        )
        translation = Translation.objects.get(source=source, target_locale=en)
        page = translation.get_target_instance()
        assert page.slug == data.en["slug"], data.name
        assert page.title == data.en["title"], data.name
        assert page.live, data.name
        # The shipped demo is complete in English: no "~" left, every segment translated.
        assert not _marked_untranslated(data), data.name
        total, done = translation.get_progress()
        assert done == total, data.name


def test_english_pages_point_to_english_vocabulary(demo):
    event = EventPage.objects.get(slug="conference-prevention-chains-thuringia-2027")
    assert event.locale.language_code == "en"
    assert event.bundesland.locale.language_code == "en"
    assert event.category.locale.language_code == "en"
    assert event.teaser.startswith("Districts and cities")


# A keyword link in a tag list: /<lang>/schlagwort/<slug>/ (or the English segment).
KEYWORD_LINK = re.compile(r'<a href="/(de|en)/(?:schlagwort|keyword)/([\w-]+)/">([^<]+)</a>')


def test_demo_keywords_have_their_english_names(demo):
    assert "Englische Schlagwörter: 0 neu" in demo["second_output"]
    used = {
        name for page in [*DEMO.regions, *DEMO.events, *DEMO.news] for name in page.get("tags", [])
    }
    for name in used:
        label = Schlagwort.objects.get(name=name).localized("en")
        assert label.name == DEMO.keywords[name], name


def test_english_pages_name_and_link_keywords_in_english(demo):
    english = {
        t.slug: t.name for t in SchlagwortTranslation.objects.filter(locale__language_code="en")
    }
    german_names = set(Schlagwort.objects.values_list("name", flat=True)) - set(english.values())
    links = 0
    for url, (_status, text) in demo["rendered"].items():
        for language, slug, name in KEYWORD_LINK.findall(text):
            assert language == url[1:3], (url, slug)
            if language == "en":
                links += 1
                assert english.get(slug) == name, (url, slug, name)
                assert name not in german_names, (url, name)
    assert links >= 20
    home = demo["rendered"]["/en/"][1]
    assert '<a href="/en/keyword/prevention-chains/">Prevention chains</a>' in home


# -- Praxisdatenbank (issue #14) ------------------------------------------------


def practice_examples(language_code: str) -> list[PracticePage]:
    return list(
        PracticePage.objects.live()
        .filter(locale__language_code=language_code)
        .prefetch_related("assessments__criterion")
        .order_by("path")
    )


def test_praxisdatenbank_index_in_both_languages(demo):
    german = PracticeIndexPage.objects.get(locale__language_code="de")
    english = PracticeIndexPage.objects.get(locale__language_code="en")
    assert german.url == "/de/praxisdatenbank/"
    assert english.url == "/en/practice-database/"
    assert english.translation_key == german.translation_key
    assert german.live and english.live
    assert german.submission_intro and english.submission_intro
    assert english.submission_intro != german.submission_intro


def test_practice_examples_in_german_and_english(demo):
    german, english = practice_examples("de"), practice_examples("en")
    assert len(german) >= 8
    assert len(english) == len(german)
    assert {page.translation_key for page in english} == {page.translation_key for page in german}
    for page in english:
        assert page.get_parent().specific_class is PracticeIndexPage
        assert page.url.startswith("/en/practice-database/"), page.url


def test_every_example_assesses_all_twelve_criteria_within_their_stages(demo):
    for page in practice_examples("de") + practice_examples("en"):
        assessments = list(page.assessments.all())
        assert len(assessments) == 12, page.url
        assert sorted(a.criterion.number for a in assessments) == list(range(1, 13)), page.url
        for assessment in assessments:
            # The criterion pages hold the stages; the assessment names one of them.
            assert assessment.criterion.locale.language_code == "de"
            assert 1 <= assessment.level <= len(assessment.criterion.stages()), (
                page.url,
                assessment.criterion.number,
            )
            assert assessment.justification.strip(), (page.url, assessment.criterion.number)


def test_english_examples_have_translated_justifications_and_the_same_levels(demo):
    german = {
        a.translation_key: a for a in PracticeAssessment.objects.filter(locale__language_code="de")
    }
    english = PracticeAssessment.objects.filter(locale__language_code="en")
    assert english.count() == len(german) >= 8 * 12
    for assessment in english:
        source = german[assessment.translation_key]
        assert assessment.page.locale.language_code == "en"
        assert (assessment.criterion_id, assessment.level) == (source.criterion_id, source.level)
        assert assessment.justification != source.justification, source.justification


def test_english_examples_are_in_english(demo):
    by_key = {page.translation_key: page for page in practice_examples("de")}
    for page in practice_examples("en"):
        source = by_key[page.translation_key]
        for field in ("title", "teaser", "contact_role"):
            assert getattr(page, field) != getattr(source, field), (page.url, field)
        assert page.bundesland.locale.language_code == "en"
        # Facts stay: the Kommune, the dates, the contact channel, the vocabularies
        # (the German rows by design; pages show them by translation_key).
        assert (page.region_id, page.start_date, page.end_date, page.contact_email) == (
            source.region_id,
            source.start_date,
            source.end_date,
            source.contact_email,
        )
        assert list(page.handlungsfelder.all()) == list(source.handlungsfelder.all())


def test_practice_contacts_are_function_mailboxes_of_example_org(demo):
    for page in PracticePage.objects.all():
        assert page.contact_email.endswith("@example.org"), page.contact_email
        assert page.contact_role and page.contact_organisation
        assert not PERSON_PATTERN.search(f"{page.contact_role} {page.contact_organisation}")
        assert not page.contact_url or ".example.org/" in page.contact_url


def test_practice_examples_vary_so_filters_and_rankings_mean_something(demo):
    german = practice_examples("de")
    assert len({page.bundesland.code for page in german}) >= 4
    assert any(page.region_id is None and page.municipality for page in german)
    assert any(page.end_date for page in german) and any(not page.end_date for page in german)
    for name in ("handlungsfelder", "lebensphasen", "zielgruppen"):
        model = getattr(PracticePage, name).field.related_model
        used = {term.pk for page in german for term in getattr(page, name).all()}
        terms = model.objects.filter(locale__language_code="de")
        assert used == set(terms.values_list("pk", flat=True)), name
    # "Strongest on this criterion" lists differ from criterion to criterion.
    strongest = set()
    for number in range(1, 13):
        levels = {
            page.pk: next(a.level for a in page.assessments.all() if a.criterion.number == number)
            for page in german
        }
        top = max(levels.values())
        assert min(levels.values()) < top, number
        strongest |= {pk for pk, level in levels.items() if level == top}
    assert len(strongest) >= 6


def test_practice_examples_link_only_public_materials(demo):
    internal = Material.objects.get(title__startswith="Intern:")
    links = PracticeMaterial.objects.all()
    assert links.exists()
    assert not links.filter(document=internal).exists()


# -- Leichte Sprache and Deutsche Gebärdensprache (issue #15) ------------------------


def german_only_page_data(page_type: str):
    return next(page for page in DEMO.german_only_pages if page.get("type") == page_type)


def test_easy_read_page_in_german_only_with_valid_blocks(demo):
    from accessibility.blocks import EasyReadBlock
    from accessibility.models import EasyReadPage

    page = EasyReadPage.objects.get()
    assert page.url == "/de/leichte-sprache/"
    assert page.live and not page.get_translations().exists()
    # What an editor saves passes the same checks (sentence length, required fields).
    EasyReadBlock().clean(page.body)
    status, html = demo["rendered"][page.url]
    assert status == 200
    text = " ".join(html.split())
    for needle in ("Menü", "Such-Feld", "English", "zum Teil barriere-frei", "Formular"):
        assert needle in text, needle
    # The statement page (with the feedback form) is linked.
    assert 'href="/de/barrierefreiheit/"' in html
    assert html.count('class="easy-read__word"') >= 4


@needs_ffmpeg
def test_sign_language_page_ships_a_generated_placeholder_clip(demo):
    from accessibility.models import SignLanguagePage

    data = german_only_page_data("gebaerdensprache")
    page = SignLanguagePage.objects.get()
    assert page.url == "/de/gebaerdensprache/"
    assert not page.get_translations().exists()
    status, html = demo["rendered"][page.url]
    assert status == 200
    assert "ist ein Platzhalter" in html
    (video,) = page.videos.all()
    expected = data.de["videos"][0]
    seconds = expected["seconds"]

    webm = ffprobe(video.webm.path)
    assert [stream["codec_name"] for stream in webm["streams"]] in (["vp9"], ["vp8"])
    assert (webm["streams"][0]["width"], webm["streams"][0]["height"]) == (640, 360)
    assert abs(float(webm["format"]["duration"]) - seconds) < 0.2
    assert "webm" in webm["format"]["format_name"]

    mp4 = ffprobe(video.mp4.path)
    assert [stream["codec_name"] for stream in mp4["streams"]] == ["h264"]
    assert abs(float(mp4["format"]["duration"]) - seconds) < 0.2
    # +faststart: the index (moov) comes before the media data (mdat).
    head = open(video.mp4.path, "rb").read()  # noqa: SIM115 - a small file
    assert 0 < head.find(b"moov") < head.find(b"mdat")

    with open(video.captions.path, encoding="utf-8") as captions:
        cues = parse_webvtt(captions.read())
    assert [list(cue) for cue in cues] == [
        [float(start), float(end), text] for start, end, text in expected["captions"]
    ]
    assert all(
        0 <= start < end <= float(webm["format"]["duration"]) + 0.05 for start, end, _ in cues
    )
    # The files the page names are the ones checked here, with the upload checks passing.
    from accessibility.validators import validate_mp4, validate_webm, validate_webvtt

    for field, check in (
        (video.webm, validate_webm),
        (video.mp4, validate_mp4),
        (video.captions, validate_webvtt),
    ):
        assert field.url in html
        with field.open("rb"):
            check(field)
