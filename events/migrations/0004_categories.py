"""Creates the event categories in German and English."""

import uuid

from django.db import migrations

CATEGORIES = [
    ("werkstatt", "Werkstatt", "Learning workshop"),
    ("fachtag", "Fachtag", "Conference day"),
    ("seminar", "Seminar", "Seminar"),
    ("workshop", "Workshop", "Workshop"),
    ("austauschtreffen", "Austauschtreffen", "Exchange meeting"),
    ("coaching", "Coaching", "Coaching"),
    ("online", "Online", "Online"),
]


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    EventCategory = apps.get_model("events", "EventCategory")
    de, _ = Locale.objects.get_or_create(language_code="de")
    en, _ = Locale.objects.get_or_create(language_code="en")
    for slug, name_de, name_en in CATEGORIES:
        if EventCategory.objects.filter(slug=slug, locale=de).exists():
            continue
        key = uuid.uuid4()
        EventCategory.objects.create(translation_key=key, locale=de, slug=slug, name=name_de)
        EventCategory.objects.create(translation_key=key, locale=en, slug=slug, name=name_en)


class Migration(migrations.Migration):
    dependencies = [("events", "0003_initial"), ("home", "0002_locales_and_vocabularies")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
