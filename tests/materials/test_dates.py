"""A material's date (Material.effective_date): the date an editor entered, else
the start day of the earliest live event page that lists it, else the upload day;
kept true when event pages are published, unpublished, changed or deleted, and
shown with the material's format and size."""

from __future__ import annotations

import importlib
from datetime import date, datetime, timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from events.models import EventMaterial, EventPage
from materials.models import Material
from tests.factories import EventPageFactory, MaterialFactory, build_tree
from tests.factories.pages import publish
from tests.helpers import page_text

UPLOADED = timezone.make_aware(datetime(2021, 3, 4, 12))


def berlin(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def uploaded_material(**kwargs) -> Material:
    """A material uploaded on 4 March 2021 (its upload day, as stored)."""
    material = MaterialFactory(**kwargs)
    Material.objects.filter(pk=material.pk).update(created_at=UPLOADED)
    material.refresh_from_db()
    material.save()
    return material


def date_of(material: Material) -> date | None:
    return Material.objects.values_list("effective_date", flat=True).get(pk=material.pk)


class EffectiveDateRuleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()

    def event(self, start: datetime, material: Material | None = None, **kwargs) -> EventPage:
        event = EventPageFactory(parent=self.tree.events, start=start, **kwargs)
        if material is not None:
            EventMaterial.objects.create(page=event, document=material)
        return event

    def test_without_event_or_entered_date_the_upload_day(self):
        material = uploaded_material()
        self.assertEqual(date_of(material), date(2021, 3, 4))

    def test_the_start_day_of_the_earliest_live_event(self):
        material = uploaded_material()
        # 00:30 in Berlin is the evening before in UTC: the day is Berlin's.
        self.event(berlin(2019, 9, 30, 0, 30), material)
        self.event(berlin(2020, 5, 5, 10), material)
        self.event(berlin(2018, 1, 1, 10), material, live=False)  # a draft
        expired = self.event(berlin(2017, 1, 1, 10), material)
        expired.unpublish(set_expired=True)
        # Past its expiry date, before publish_scheduled withdrew it.
        expiring = self.event(berlin(2016, 1, 1, 10), material)
        expiring.expire_at = timezone.now() - timedelta(minutes=5)
        expiring.save()
        self.assertEqual(date_of(material), date(2019, 9, 30))

    def test_an_entered_date_wins(self):
        material = uploaded_material()
        self.event(berlin(2019, 9, 30, 10), material)
        material.date = date(2018, 6, 1)
        material.save()
        self.assertEqual(date_of(material), date(2018, 6, 1))
        material.date = None
        material.save()
        self.assertEqual(date_of(material), date(2019, 9, 30))

    def test_publish_and_unpublish_of_the_event(self):
        material = uploaded_material()
        event = self.event(berlin(2019, 9, 30, 10), material, live=False)
        self.assertEqual(date_of(material), date(2021, 3, 4))
        event = publish(event)
        self.assertEqual(date_of(material), date(2019, 9, 30))
        event.unpublish()
        self.assertEqual(date_of(material), date(2021, 3, 4))

    def test_a_published_change_of_the_start_day(self):
        material = uploaded_material()
        event = self.event(berlin(2019, 9, 30, 10), material)
        event.start = berlin(2019, 10, 7, 10)
        event.end = berlin(2019, 10, 7, 16)
        event.save_revision()
        self.assertEqual(date_of(material), date(2019, 9, 30))  # a draft changes nothing
        event.get_latest_revision().publish()
        self.assertEqual(date_of(material), date(2019, 10, 7))

    def test_a_link_removed_by_a_publish(self):
        material = uploaded_material()
        event = self.event(berlin(2019, 9, 30, 10), material)
        event = EventPage.objects.get(pk=event.pk)
        event.material_links.set([])
        event.save_revision().publish()
        self.assertEqual(date_of(material), date(2021, 3, 4))

    def test_the_event_deleted(self):
        material = uploaded_material()
        event = self.event(berlin(2019, 9, 30, 10), material)
        Page.objects.get(pk=event.pk).delete()
        self.assertEqual(date_of(material), date(2021, 3, 4))

    def test_the_migration_fills_existing_materials(self):
        linked = uploaded_material()
        alone = uploaded_material()
        self.event(berlin(2019, 9, 30, 10), linked)
        Material.objects.update(effective_date=None)
        migration = importlib.import_module("materials.migrations.0004_material_date")
        migration.backfill_effective_date(apps, None)
        self.assertEqual(date_of(linked), date(2019, 9, 30))
        self.assertEqual(date_of(alone), date(2021, 3, 4))


class EnteredDateAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")

    def test_editors_enter_the_date_in_the_edit_form(self):
        material = uploaded_material(title="Programm der Lernwerkstatt")
        self.client.force_login(self.user)
        edit = reverse("wagtaildocs:edit", args=[material.pk])
        form = self.client.get(edit).content.decode()
        self.assertIn('name="date"', form)
        self.assertIn("Datum (angezeigt)", form)
        data = {
            "title": material.title,
            "collection": material.collection_id,
            "kind": material.kind,
            "date": "2019-09-30",
            "description": "",
            "tags": "",
        }
        response = self.client.post(edit, data)
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        self.assertEqual(date_of(material), date(2019, 9, 30))


class DisplayTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.material = MaterialFactory(title="Programm der Lernwerkstatt (PDF)")
        cls.event = EventPageFactory(
            parent=cls.tree.events,
            title="Lernwerkstatt Strategieentwicklung",
            start=berlin(2019, 9, 30, 10),
            end=berlin(2019, 9, 30, 16),
            body=[
                (
                    "document",
                    {"document": cls.material, "title": "Programm zum Herunterladen (pdf)"},
                )
            ],
        )
        EventMaterial.objects.create(page=cls.event, document=cls.material)

    def test_material_list_shows_format_size_and_date_once(self):
        text = page_text(self.client.get(self.event.url))
        self.assertRegex(text, r"Programm der Lernwerkstatt \(PDF, [^,()]+, 30\.09\.2019 ?\)")
        self.assertNotIn("(PDF) (PDF", text)

    def test_document_block_link_without_its_format_suffix(self):
        html = self.client.get(self.event.url).content.decode()
        text = page_text(self.client.get(self.event.url))
        self.assertRegex(text, r"Programm zum Herunterladen \(PDF, [^,()]+, 30\.09\.2019 ?\)")
        self.assertNotIn("(pdf)", text)
        self.assertIn('<time datetime="2019-09-30">30.09.2019</time>', html)
