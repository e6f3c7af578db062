"""Loads the Praxisdatenbank's vocabularies (Handlungsfelder, Lebensphasen,
Zielgruppen) in German, with their English names as translations. Moderators
extend them in the admin."""

import uuid

from django.db import migrations

# (German slug, German name, English slug, English name)
TERMS = {
    "Handlungsfeld": [
        ("bewegung", "Bewegung", "physical-activity", "Physical activity"),
        ("ernaehrung", "Ernährung", "nutrition", "Nutrition"),
        ("psychische-gesundheit", "Psychische Gesundheit", "mental-health", "Mental health"),
        ("suchtpraevention", "Suchtprävention", "addiction-prevention", "Addiction prevention"),
        ("gesundheitskompetenz", "Gesundheitskompetenz", "health-literacy", "Health literacy"),
        ("wohnumfeld", "Wohnumfeld und Quartier", "neighbourhood", "Neighbourhood and housing"),
        ("vernetzung", "Vernetzung und Steuerung", "networking", "Networking and governance"),
    ],
    "Lebensphase": [
        ("rund-um-die-geburt", "Rund um die Geburt", "around-birth", "Around birth"),
        ("fruehe-kindheit", "Frühe Kindheit", "early-childhood", "Early childhood"),
        ("kita-alter", "Kita-Alter", "pre-school-age", "Pre-school age"),
        ("schulalter", "Schulalter", "school-age", "School age"),
        ("uebergang-schule-beruf", "Übergang Schule – Beruf", "school-to-work", "School to work"),
        ("erwerbsalter", "Erwerbsalter", "working-age", "Working age"),
        ("aelter-werden", "Älter werden", "older-age", "Older age"),
    ],
    "Zielgruppe": [
        ("familien", "Familien in schwieriger sozialer Lage", "families", "Families in difficult social circumstances"),
        ("alleinerziehende", "Alleinerziehende", "single-parents", "Single parents"),
        ("kinder-und-jugendliche", "Kinder und Jugendliche", "children-and-young-people", "Children and young people"),
        ("migrationsgeschichte", "Menschen mit Migrationsgeschichte", "migrant-background", "People with a migrant background"),
        ("arbeitslose", "Arbeitslose Menschen", "unemployed", "Unemployed people"),
        ("aeltere-menschen", "Ältere Menschen", "older-people", "Older people"),
        ("fachkraefte", "Fachkräfte und Multiplikatoren", "professionals", "Professionals and multipliers"),
    ],
}


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    de, _ = Locale.objects.get_or_create(language_code="de")
    en, _ = Locale.objects.get_or_create(language_code="en")
    for model_name, terms in TERMS.items():
        model = apps.get_model("home", model_name)
        for slug, name, en_slug, en_name in terms:
            if model.objects.filter(slug=slug, locale=de).exists():
                continue
            key = uuid.uuid4()
            model.objects.create(translation_key=key, locale=de, slug=slug, name=name)
            model.objects.create(translation_key=key, locale=en, slug=en_slug, name=en_name)


class Migration(migrations.Migration):
    dependencies = [("home", "0006_handlungsfeld_lebensphase_zielgruppe")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
