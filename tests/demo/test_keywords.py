"""The demo's keywords in English (demo/content/keywords.yaml): every keyword a demo
page uses has an English name, and the loaders give it once, keeping a name an
editor changed since."""

import shutil
from collections import Counter

import pytest
import yaml

from django.utils.text import slugify

from wagtail.models import Locale

from demo.builder import ensure_keyword_translations
from demo.data import CONTENT_DIR, ContentError, DemoContent
from home.models import Schlagwort, SchlagwortTranslation
from home.models.vocabularies import german_ascii, set_translation

DEMO = DemoContent()


def test_every_keyword_the_demo_uses_has_an_english_name():
    assert DEMO.keywords_used()  # the pages do carry keywords
    assert DEMO.untranslated_keywords() == []
    assert DEMO.keywords["Präventionsketten"] == "Prevention chains"


def test_keywords_yaml_names_only_keywords_the_demo_uses():
    assert set(DEMO.keywords) == DEMO.keywords_used()


def test_english_slugs_are_distinct_and_take_no_other_keywords_german_slug():
    english = {name: slugify(english) for name, english in DEMO.keywords.items()}
    assert len(set(english.values())) == len(english)
    german = {slugify(german_ascii(name)): name for name in DEMO.keywords}
    for name, slug in english.items():
        assert german.get(slug, name) == name, (name, slug)


def test_a_keyword_without_english_name_is_reported(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    path = folder / "keywords.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["keywords"]["Vernetzung"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert DemoContent(folder).untranslated_keywords() == ["Vernetzung"]


def test_a_broken_keywords_file_names_the_file(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    (folder / "keywords.yaml").write_text("keywords:\n  Vernetzung:\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"^keywords\.yaml: "):
        DemoContent(folder)


@pytest.mark.django_db
def test_loader_translates_once_and_keeps_an_editors_name():
    en = Locale.objects.get(language_code="en")
    chains = Schlagwort.objects.create(name="Präventionsketten", approved=True)
    networking = Schlagwort.objects.create(name="Vernetzung", approved=True)
    counts: Counter[tuple[str, bool]] = Counter()

    def count(label: str, created: bool) -> None:
        counts[(label, created)] += 1

    ensure_keyword_translations(DEMO.keywords, en, count)
    assert chains.localized("en").name == "Prevention chains"
    assert networking.localized("en").name == "Networking"
    assert counts == {("Englische Schlagwörter", True): 2}

    set_translation(networking, en, "Networks")  # an editor's choice
    counts.clear()
    ensure_keyword_translations(DEMO.keywords, en, count)
    assert counts == {("Englische Schlagwörter", False): 2}
    assert networking.localized("en").name == "Networks"
    assert SchlagwortTranslation.objects.count() == 2
