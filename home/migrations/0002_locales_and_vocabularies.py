"""Creates the English locale and the managed vocabularies (16 Bundesländer in
German; their English names as translations)."""

import uuid

from django.db import migrations

from home.models.vocabularies import BUNDESLAENDER

ENGLISH_NAMES = {"BY": "Bavaria", "HE": "Hesse", "NI": "Lower Saxony", "MV": "Mecklenburg-Western Pomerania",
                 "NW": "North Rhine-Westphalia", "RP": "Rhineland-Palatinate", "SN": "Saxony",
                 "ST": "Saxony-Anhalt", "TH": "Thuringia"}


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Bundesland = apps.get_model("home", "Bundesland")
    de, _ = Locale.objects.get_or_create(language_code="de")
    en, _ = Locale.objects.get_or_create(language_code="en")
    for code, name, slug in BUNDESLAENDER:
        if Bundesland.objects.filter(code=code, locale=de).exists():
            continue
        key = uuid.uuid4()
        Bundesland.objects.create(translation_key=key, locale=de, code=code, name=name, slug=slug)
        Bundesland.objects.create(
            translation_key=key, locale=en, code=code, name=ENGLISH_NAMES.get(code, name), slug=slug
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
