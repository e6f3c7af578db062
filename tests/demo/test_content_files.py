"""Data errors in the content files name the file and the field, never a traceback.

Each test copies demo/content/ to a temporary folder, breaks one thing and runs
the loader on that copy."""

import shutil
from io import StringIO

import pytest
import yaml

from django.core.management import CommandError, call_command

from demo.data import CONTENT_DIR, ContentError, DemoContent, parse_date, parse_datetime

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    return folder


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def change(path, how):
    """Apply ``how`` to the file's data (a dict) and write it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    how(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def load(folder):
    call_command("load_demo_content", content_dir=str(folder), stdout=StringIO())


def test_a_yaml_error_names_the_file_and_line(content):
    edit(content / "seiten" / "impressum.yaml", "de:\n", "de:\n  title: [kaputt\n")
    with pytest.raises(CommandError) as error:
        load(content)
    assert str(error.value).startswith("seiten/impressum.yaml: kein gültiges YAML (Zeile")


def test_a_missing_english_field_names_file_and_field(content):
    def rename_intro(data):
        data["en"]["summary"] = data["en"].pop("intro")

    change(content / "uebersichten" / "regionen.yaml", rename_intro)
    with pytest.raises(CommandError, match=r"^uebersichten/regionen\.yaml: en: „summary“"):
        load(content)


def test_an_english_text_without_partner_segment_names_file_and_field(content):
    # The English intro exists but is empty: its segment has no English string.
    change(content / "uebersichten" / "aktuelles.yaml", lambda data: data["en"].update(intro=""))
    with pytest.raises(CommandError) as error:
        load(content)
    message = str(error.value)
    assert message.startswith("uebersichten/aktuelles.yaml: en: kein englischer Text für „intro“")


def test_a_block_too_few_names_file_and_field(content):
    blocks = len(yaml.safe_load((content / "start.yaml").read_text(encoding="utf-8"))["de"]["body"])
    change(content / "start.yaml", lambda data: data["en"]["body"].pop(0))
    with pytest.raises(
        CommandError, match=rf"^start\.yaml: en: „body“ hat {blocks - 1} Blöcke, de: {blocks}"
    ):
        load(content)


def test_english_page_needs_its_parents_english_page(content):
    path = content / "uebersichten" / "good-practice-kriterien.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("\nen:", 1)[0] + "\n", encoding="utf-8")
    with pytest.raises(
        ContentError,
        match=(
            r"^kriterien/[a-z-]+\.yaml: hat „en:“, "
            r"aber die Elternseite uebersichten/good-practice"
        ),
    ):
        DemoContent(content)


def test_a_file_not_listed_in_children_is_an_error(content):
    shutil.copy(content / "seiten" / "impressum.yaml", content / "seiten" / "kopie.yaml")
    with pytest.raises(ContentError, match=r"^start\.yaml: seiten/kopie\.yaml ist nicht"):
        DemoContent(content)


def test_relative_dates():
    import datetime as dt

    today = dt.date(2026, 12, 1)
    assert parse_datetime("+1y-03-12 10:00", today) == dt.datetime(2027, 3, 12, 10, 0)
    assert parse_datetime("2019-09-30 10:00") == dt.datetime(2019, 9, 30, 10, 0)
    assert parse_date("-60d", today) == dt.date(2026, 10, 2)
    assert parse_date("+0d", today) == today


# -- Praxisdatenbank: the self-assessment is checked when the files are read ------

PRACTICE = "praxis/familienlotsen-gera.yaml"


def practice_error(content, how) -> str:
    change(content / PRACTICE, how)
    with pytest.raises(ContentError) as error:
        DemoContent(content)
    return str(error.value)


def test_the_demo_practice_files_read_without_error():
    content = DemoContent()
    assert len(content.practice) >= 8
    assert content.stage_counts()[9] == 5  # Integriertes Handeln has five stages


def test_a_level_beyond_the_criterions_stages_names_file_and_criterion(content):
    message = practice_error(content, lambda data: data["assessment"].update({3: 5}))
    assert message == f"{PRACTICE}: assessment: Kriterium 3 hat die Stufen 1–4, nicht „5“"
    message = practice_error(content, lambda data: data["assessment"].update({3: 0}))
    assert message.startswith(f"{PRACTICE}: assessment: Kriterium 3 hat die Stufen 1–4")


def test_a_criterion_without_assessment_is_an_error(content):
    message = practice_error(content, lambda data: data["assessment"].pop(12))
    assert message.startswith(f"{PRACTICE}: assessment: braucht je Kriterium 1–12 eine Stufe")


def test_a_missing_justification_names_the_language(content):
    message = practice_error(content, lambda data: data["en"]["justifications"].pop(7))
    assert message.startswith(f"{PRACTICE}: en: „justifications“ braucht je Kriterium")


def test_an_example_needs_a_region_or_a_municipality(content):
    message = practice_error(content, lambda data: data.pop("region"))
    assert message == f"{PRACTICE}: braucht „region:“ oder „municipality:“ unter de:"
    message = practice_error(content, lambda data: data.update(region="atlantis"))
    assert message == f"{PRACTICE}: region: „atlantis“ ist keine Regionenseite"


def test_an_english_justification_marked_not_yet_translated_keeps_the_german_one(content):
    from practice.models import PracticeAssessment

    change(content / PRACTICE, lambda data: data["en"]["justifications"].update({3: None}))
    out = StringIO()
    call_command("load_demo_content", content_dir=str(content), stdout=out)
    assert f"{PRACTICE}: assessments, Zeile 3 (justification)" in out.getvalue()
    german = PracticeAssessment.objects.get(
        page__slug="familienlotsen-gera", criterion__number=3, locale__language_code="de"
    )
    english = PracticeAssessment.objects.get(
        translation_key=german.translation_key, locale__language_code="en"
    )
    assert english.justification == german.justification
    # The other criteria are translated.
    fourth = PracticeAssessment.objects.get(
        page__slug="family-guides-gera", criterion__number=4, locale__language_code="en"
    )
    assert fourth.justification.startswith("Families receive information")


# -- pages in Leichte Sprache and Gebärdensprache (bitv/) ----------------------------


def test_a_german_only_page_with_an_english_text_is_an_error(content):
    change(content / "bitv" / "leichte-sprache.yaml", lambda data: data.update(en={"slug": "x"}))
    with pytest.raises(ContentError, match=r"^bitv/leichte-sprache\.yaml: nur deutsch"):
        DemoContent(content)


def test_captions_beyond_the_clip_name_the_file_and_the_video(content):
    def too_long(data):
        data["de"]["videos"][0]["captions"][-1][1] = data["de"]["videos"][0]["seconds"] + 1

    change(content / "bitv" / "gebaerdensprache.yaml", too_long)
    with pytest.raises(ContentError, match=r"^bitv/gebaerdensprache\.yaml: Video „Platzhalter"):
        DemoContent(content)


def test_an_unknown_german_only_type_is_an_error(content):
    change(content / "bitv" / "gebaerdensprache.yaml", lambda data: data.update(type="video"))
    with pytest.raises(ContentError, match=r"„type:“ muss eines von"):
        DemoContent(content)


def test_a_german_only_file_not_listed_in_children_is_an_error(content):
    edit(content / "start.yaml", "  - gebaerdensprache\n", "")
    with pytest.raises(ContentError, match=r"bitv/gebaerdensprache\.yaml ist nicht in"):
        DemoContent(content)
