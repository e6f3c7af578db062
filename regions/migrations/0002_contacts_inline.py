"""Contacts become part of the region page: each RegionContact holds the contact's
own fields instead of pointing at a home.Contact snippet.

The data step copies every linked contact into its RegionContact rows and
rewrites the ``contacts`` of the stored RegionPage revisions (drafts, revisions
in review, history) and of wagtail-localize's translation sources the same way, so nothing waiting for approval loses its
contacts. A row's translation key is derived from the page's translation key
and the contact, so the German row and its English copy stay one contact for
wagtail-localize."""

import json
import uuid

import django.db.models.deletion
from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models

CONTACT_FIELDS = ("role", "organisation", "email", "phone", "address")
KEY_NAMESPACE = uuid.UUID("6f1c3f0e-3c55-4d0a-9a57-2f0a1f0c7d11")


def contact_translation_key(page_translation_key, contact_id, occurrence: int) -> uuid.UUID:
    """The same key for the same contact on a page and on its translations."""
    return uuid.uuid5(KEY_NAMESPACE, f"{page_translation_key}:{contact_id}:{occurrence}")


def copy_contacts(apps, schema_editor) -> None:
    Contact = apps.get_model("home", "Contact")
    RegionContact = apps.get_model("regions", "RegionContact")
    RegionPage = apps.get_model("regions", "RegionPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")

    contacts = {
        pk: dict(zip(CONTACT_FIELDS, values, strict=True))
        for pk, *values in Contact.objects.values_list("pk", *CONTACT_FIELDS)
    }
    pages = {
        pk: (str(key), locale_id)
        for pk, key, locale_id in RegionPage.objects.values_list(
            "pk", "translation_key", "locale_id"
        )
    }
    seen: dict[tuple, int] = {}
    for row in RegionContact.objects.order_by("page_id", "sort_order", "pk"):
        page_key, locale_id = pages[row.page_id]
        occurrence = seen.setdefault((row.page_id, row.contact_id), 0)
        seen[(row.page_id, row.contact_id)] += 1
        for name, value in contacts.get(row.contact_id, {}).items():
            setattr(row, name, value)
        row.translation_key = contact_translation_key(page_key, row.contact_id, occurrence)
        row.locale_id = locale_id
        row.save()

    content_type = ContentType.objects.filter(app_label="regions", model="regionpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content
        if rewrite_revision_contacts(content, contacts):
            revision.content = content
            revision.save(update_fields=["content"])
    # wagtail-localize keeps its own copy of each translated source page.
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.filter(specific_content_type=content_type):
        content = json.loads(source.content_json)
        if rewrite_revision_contacts(content, contacts):
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
            source.save(update_fields=["content_json"])


def rewrite_revision_contacts(content: dict, contacts: dict[int, dict]) -> bool:
    """Puts the contact's own fields into each entry of ``content["contacts"]``
    (a RegionPage revision); entries whose contact no longer exists are dropped.
    Returns whether anything changed."""
    entries = content.get("contacts")
    if not entries:
        return False
    seen: dict = {}
    rewritten = []
    for entry in sorted(entries, key=lambda e: e.get("sort_order") or 0):
        contact_id = entry.get("contact")
        if contact_id is None and "role" in entry:
            rewritten.append(entry)  # already in the new form
            continue
        if contact_id not in contacts:
            continue
        occurrence = seen.setdefault(contact_id, 0)
        seen[contact_id] += 1
        new = {k: v for k, v in entry.items() if k != "contact"}
        new.update(contacts[contact_id])
        new["translation_key"] = str(
            contact_translation_key(content.get("translation_key"), contact_id, occurrence)
        )
        new["locale"] = content.get("locale")
        rewritten.append(new)
    content["contacts"] = rewritten
    return True


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_page_depth_path_index"),
        ("regions", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.AddField(
            model_name="regioncontact",
            name="role",
            field=models.CharField(default="", max_length=200, verbose_name="Funktion"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="regioncontact",
            name="organisation",
            field=models.CharField(default="", max_length=255, verbose_name="Organisation"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="regioncontact",
            name="email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="E-Mail"),
        ),
        migrations.AddField(
            model_name="regioncontact",
            name="phone",
            field=models.CharField(blank=True, max_length=50, verbose_name="Telefon"),
        ),
        migrations.AddField(
            model_name="regioncontact",
            name="address",
            field=models.TextField(blank=True, verbose_name="Anschrift"),
        ),
        migrations.AddField(
            model_name="regioncontact",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="regioncontact",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="regioncontact",
            name="contact",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="home.contact",
                verbose_name="Kontakt",
            ),
        ),
        migrations.RunPython(copy_contacts, migrations.RunPython.noop),
        migrations.RemoveField(model_name="regioncontact", name="contact"),
        migrations.AlterField(
            model_name="regioncontact",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="regioncontact",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="regioncontact", unique_together={("translation_key", "locale")}
        ),
        migrations.AlterModelOptions(
            name="regioncontact",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "Kontakt",
                "verbose_name_plural": "Kontakte",
            },
        ),
    ]
