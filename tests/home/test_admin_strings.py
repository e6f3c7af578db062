"""The German admin says "Sprache", not "Locale": the project's catalogue
locale/de/LC_MESSAGES/django.po overrides a few entries of Wagtail's and
wagtail-localize's German catalogues (and holds nothing else)."""

import json
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

import wagtail
import wagtail_localize

from tests.helpers import page_text

PO_PATH = settings.BASE_DIR / "locale" / "de" / "LC_MESSAGES" / "django.po"
PACKAGES = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent]


def package_msgids() -> set[str]:
    """Every msgid of the installed packages' German catalogues."""
    msgids: set[str] = set()
    for package in PACKAGES:
        for po in package.rglob("locale/de/LC_MESSAGES/django.po"):
            msgids.update(entry.msgid for entry in polib.pofile(str(po)))
    return msgids


def test_the_catalogue_only_overrides_the_packages_strings():
    entries = [entry for entry in polib.pofile(str(PO_PATH)) if not entry.obsolete]
    assert entries
    unknown = {entry.msgid for entry in entries} - package_msgids()
    assert unknown == set(), "not a msgid of Wagtail or wagtail-localize"
    assert all("Locale" not in entry.msgstr for entry in entries)


def test_the_overrides_win_over_the_packages():
    with translation.override("de"):
        assert translation.gettext("Switch locales") == "Sprache wechseln"
        assert translation.gettext("Locales") == "Sprachen"
        assert translation.gettext("locale") == "Sprache"
    with translation.override("en"):
        assert translation.gettext("Switch locales") == "Switch locales"


@pytest.mark.django_db
def test_the_page_editor_and_the_translation_form_say_sprache(client, site_tree):
    site_tree.translate_home()
    admin = get_user_model().objects.create_superuser("sprache", "s@example.org")
    client.force_login(admin)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[site_tree.home.pk]))
    html = editor.content.decode()
    assert "Sprache wechseln" in html
    assert "In 2 Sprachen verfügbar" in page_text(editor)
    assert "Locales umschalten" not in html and "Switch locales" not in html
    submit = client.get(
        reverse("wagtail_localize:submit_page_translation", args=[site_tree.events.pk])
    )
    assert "Sprachen" in page_text(submit)
    assert "Locale" not in page_text(submit)


@pytest.mark.django_db
def test_the_translation_editor_gets_its_english_script_texts_translated(client, site_tree):
    """wagtail-localize's editor script writes "Deutsch to Englisch translation" and
    "More actions" itself; the page gives their German texts to a small script
    (site/static/js/translation-editor-strings.js)."""
    from tests.editorial.site import synced_translation

    english = synced_translation(site_tree.events)
    admin = get_user_model().objects.create_superuser("editor", "e@example.org")
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    start = html.index('<script id="gk-translation-editor-strings" type="application/json">')
    data = html[html.index(">", start) + 1 : html.index("</script>", start)]
    assert json.loads(data) == {
        "Deutsch to Englisch translation": "Übersetzung Deutsch → Englisch",
        "More actions": "Mehr Aktionen",
    }
    # The script builds its heading from the same locale names (the editor's props).
    assert "&quot;displayName&quot;: &quot;Deutsch&quot;" in html
    assert "/static/js/translation-editor-strings.js" in html
    assert html.index("wagtail-localize.js") < html.index("translation-editor-strings.js")
