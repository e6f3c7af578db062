"""The English interface catalogue (locale/en/LC_MESSAGES/django.po and .mo).

German is the source language of every interface string; /en/ pages get their
labels from the English catalogue. The catalogue must be complete (no empty or
fuzzy entry, placeholders kept) and the committed .mo must match the .po.
Updating both: see the comment at the top of the .po."""

import gettext
import re
import shutil
import subprocess

import polib
import pytest

from django.conf import settings

from tests.factories import translate
from tests.helpers import page_text

PO_PATH = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")

# %(name)s / %s / %d … (python-format) and {name} (python-brace-format).
PERCENT_PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACE_PLACEHOLDER = re.compile(r"{[^{}]*}")

# German source → English, as rendered by site/templates/base.html on every page.
BASE_LABELS = {
    "Zum Inhalt springen": "Skip to content",
    "Suche": "Search",
    "Hauptnavigation": "Main navigation",
    "Sprachauswahl": "Language selection",
}


@pytest.fixture(scope="module")
def catalogue() -> polib.POFile:
    return polib.pofile(str(PO_PATH))


def active_entries(catalogue: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in catalogue if not entry.obsolete]


def translations_of(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


# --- the rendered pages ----------------------------------------------------------


def test_english_page_shows_english_interface_labels(site_tree, client):
    english_home = site_tree.translate_home()

    response = client.get(english_home.url)

    assert response.status_code == 200
    html = response.content.decode()
    text = page_text(response)
    assert '<html lang="en">' in html
    assert "Skip to content" in text
    assert "Zum Inhalt springen" not in text
    assert '<label for="site-search-q">Search</label>' in html
    assert 'aria-label="Language selection"' in html
    assert "Gesunde Kommune – networks for health promotion in municipalities" in text


def test_german_page_keeps_german_interface_labels(site_tree, client):
    site_tree.translate_home()

    response = client.get(site_tree.home.url)

    assert response.status_code == 200
    html = response.content.decode()
    text = page_text(response)
    assert '<html lang="de">' in html
    assert "Zum Inhalt springen" in text
    assert "Skip to content" not in text
    assert '<label for="site-search-q">Suche</label>' in html
    assert 'aria-label="Sprachauswahl"' in html


def test_english_event_calendar_shows_english_headings_and_filters(site_tree, client):
    english_events = translate(site_tree.events, "en")

    english = page_text(client.get(english_events.url))
    german = page_text(client.get(site_tree.events.url))

    assert "Filter events" in english
    assert "Federal state" in english
    assert "All keywords" in english
    assert "Veranstaltungen filtern" not in english
    assert "Veranstaltungen filtern" in german
    assert "Alle Schlagwörter" in german


# --- the catalogue ------------------------------------------------------------------


def test_catalogue_holds_the_base_layout_labels(catalogue):
    translated = {entry.msgid: entry.msgstr for entry in active_entries(catalogue)}
    for german, english in BASE_LABELS.items():
        assert translated.get(german) == english, german


def test_every_entry_is_translated_and_not_fuzzy(catalogue):
    assert not catalogue.metadata_is_fuzzy, "remove '#, fuzzy' from the header"
    assert catalogue.metadata.get("Plural-Forms", "").startswith("nplurals=2;")
    untranslated = [
        entry.msgid
        for entry in active_entries(catalogue)
        if not all(text.strip() for text in translations_of(entry))
        or (entry.msgid_plural and len(entry.msgstr_plural) != 2)
    ]
    fuzzy = [entry.msgid for entry in active_entries(catalogue) if "fuzzy" in entry.flags]
    assert active_entries(catalogue)
    assert untranslated == [], f"untranslated entries in {PO_PATH}"
    assert fuzzy == [], f"fuzzy entries in {PO_PATH} (check the translation, drop the flag)"


def test_translations_keep_the_placeholders(catalogue):
    """%(name)s in python-format entries, {name} in python-brace-format entries: the
    singular translation keeps the msgid's, the plural one the msgid_plural's."""
    patterns = {"python-format": PERCENT_PLACEHOLDER, "python-brace-format": BRACE_PLACEHOLDER}
    wrong = []
    for entry in active_entries(catalogue):
        for flag, pattern in patterns.items():
            if flag not in entry.flags:
                continue
            sources = [entry.msgid, entry.msgid_plural or entry.msgid]
            for index, text in enumerate(translations_of(entry)):
                expected = sorted(pattern.findall(sources[min(index, 1)]))
                if sorted(pattern.findall(text)) != expected:
                    wrong.append((entry.msgid, text))
    assert wrong == []


@pytest.mark.parametrize("language", ["en", "de"])  # de: the admin overrides only
def test_compiled_catalogue_matches_the_po_file(tmp_path, language):
    po_path = settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"
    mo_path = po_path.with_suffix(".mo")
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext (msgfmt) is not installed")
    assert mo_path.exists(), f"compile {po_path} (README, „Sprachen“)"
    fresh = tmp_path / "django.mo"
    subprocess.run(  # noqa: S603 - fixed arguments, our own file
        [msgfmt, "--check-format", "-o", str(fresh), str(po_path)],
        check=True,
        capture_output=True,
    )

    with mo_path.open("rb") as committed_file, fresh.open("rb") as fresh_file:
        committed = gettext.GNUTranslations(committed_file)
        expected = gettext.GNUTranslations(fresh_file)

    # The catalogues' contents, not the bytes; the header entry ("") is left out,
    # since makemessages rewrites its POT-Creation-Date on every run.
    def messages(translations: gettext.GNUTranslations) -> dict:
        return {key: text for key, text in translations._catalog.items() if key != ""}

    assert messages(committed) == messages(expected), (
        f"{mo_path} is out of date (README, „Sprachen“)"
    )
    assert committed.info()["plural-forms"] == expected.info()["plural-forms"]
    assert committed.charset().lower() == expected.charset().lower() == "utf-8"
    assert committed.plural(1) == expected.plural(1) == 0
    assert committed.plural(2) == expected.plural(2) == 1
