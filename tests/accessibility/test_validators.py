"""Uploads of sign-language videos: a file must be what its field says (WebM,
MP4, WebVTT in UTF-8), within its size limit; anything else is a form error in
the page editor with a message, never a 500 (accessibility/validators.py)."""

import io

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.test import TestCase

from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accessibility.models import SignLanguagePage, SignLanguageVideo
from accessibility.validators import (
    CAPTIONS_MAX_BYTES,
    VIDEO_MAX_BYTES,
    validate_mp4,
    validate_webm,
    validate_webvtt,
)
from tests.factories import SignLanguagePageFactory, build_tree
from tests.factories.accessibility import CAPTIONS, MP4_HEAD, WEBM_HEAD

HTML = b"<!DOCTYPE html><html><script>alert(1)</script></html>"


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def oversized(name: str, head: bytes, size: int) -> UploadedFile:
    """A file that says it is ``size`` bytes long (without taking the memory)."""
    return UploadedFile(io.BytesIO(head), name=name, size=size)


def message(error: pytest.ExceptionInfo) -> str:
    return " ".join(error.value.messages)


@pytest.mark.parametrize(
    ("validator", "name", "content"),
    [
        (validate_webm, "clip.webm", WEBM_HEAD + b"\x00" * 100),
        (validate_webm, "CLIP.WEBM", WEBM_HEAD),
        (validate_mp4, "clip.mp4", MP4_HEAD + b"\x00" * 100),
        (validate_webvtt, "clip.vtt", CAPTIONS.encode()),
        (validate_webvtt, "clip.vtt", b"\xef\xbb\xbfWEBVTT - mit Kopfzeile\n\n"),
        (validate_webvtt, "clip.vtt", b"WEBVTT"),
    ],
)
def test_real_files_pass(validator, name, content):
    validator(upload(name, content))


@pytest.mark.parametrize(
    ("validator", "name", "content"),
    [
        (validate_webm, "clip.mp4", WEBM_HEAD),
        (validate_webm, "clip.webm.html", WEBM_HEAD),
        (validate_mp4, "clip.mov", MP4_HEAD),
        (validate_webvtt, "clip.srt", CAPTIONS.encode()),
        (validate_webvtt, "clip", CAPTIONS.encode()),
    ],
)
def test_a_wrong_extension_is_refused(validator, name, content):
    with pytest.raises(ValidationError) as error:
        validator(upload(name, content))
    assert error.value.code == "extension"
    assert "Endung" in message(error)


@pytest.mark.parametrize(
    ("validator", "name", "content"),
    [
        (validate_webm, "clip.webm", HTML),
        (validate_webm, "clip.webm", MP4_HEAD),
        # Matroska, not WebM: same EBML magic, another DocType.
        (validate_webm, "clip.webm", WEBM_HEAD.replace(b"webm", b"mkvx")),
        (validate_webm, "clip.webm", b""),
        (validate_mp4, "clip.mp4", HTML),
        (validate_mp4, "clip.mp4", WEBM_HEAD),
        (validate_mp4, "clip.mp4", b"\x00\x00"),
    ],
)
def test_fake_content_is_refused(validator, name, content):
    with pytest.raises(ValidationError) as error:
        validator(upload(name, content))
    assert error.value.code == "content"
    assert "Inhalt der Datei" in message(error)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"1\n00:00:00.000 --> 00:00:01.000\nKein Kopf\n", "content"),
        (b"WEBVTTX\n\n", "content"),
        (b"  WEBVTT\n", "content"),
        (HTML, "content"),
        (b"WEBVTT\n\n\x00", "content"),
        ("WEBVTT\n\nGebärdensprache\n".encode("latin-1"), "encoding"),
        ("WEBVTT\n".encode("utf-16"), "encoding"),
    ],
)
def test_bad_webvtt_is_refused(content, code):
    with pytest.raises(ValidationError) as error:
        validate_webvtt(upload("untertitel.vtt", content))
    assert error.value.code == code


@pytest.mark.parametrize(
    ("validator", "name", "head", "limit"),
    [
        (validate_webm, "clip.webm", WEBM_HEAD, VIDEO_MAX_BYTES),
        (validate_mp4, "clip.mp4", MP4_HEAD, VIDEO_MAX_BYTES),
        (validate_webvtt, "clip.vtt", CAPTIONS.encode(), CAPTIONS_MAX_BYTES),
    ],
)
def test_too_large_is_refused_and_the_limit_passes(validator, name, head, limit):
    with pytest.raises(ValidationError) as error:
        validator(oversized(name, head, limit + 1))
    assert error.value.code == "size"
    assert "zu groß" in message(error)
    validator(oversized(name, head, limit))


class EditorFormTests(WagtailTestUtils, TestCase):
    """The page editor shows a bad upload as an error at its field."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.page = SignLanguagePageFactory(parent=cls.tree.home, videos=[])
        cls.user = cls.create_superuser("admin")

    def post(self, **files):
        row = {
            "title": "Willkommen",
            "transcript": rich_text("<p>Der Text zum Video.</p>"),
        }
        files = {
            "webm": upload("clip.webm", WEBM_HEAD),
            "captions": upload("clip.vtt", CAPTIONS.encode()),
            **files,
        }
        data = nested_form_data(
            {
                "title": "Gebärdensprache",
                "slug": "gebaerdensprache",
                "intro": rich_text("<p>Videos.</p>"),
                "videos": inline_formset([row]),
            }
        )
        for name, file in files.items():
            data[f"videos-0-{name}"] = file
        self.client.force_login(self.user)
        return self.client.post(f"/admin/pages/{self.page.pk}/edit/", data)

    def video_errors(self, response) -> dict:
        formset = response.context["form"].formsets["videos"]
        return formset.forms[0].errors

    def test_good_files_are_saved(self):
        response = self.post()
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        revision = SignLanguagePage.objects.get(pk=self.page.pk).get_latest_revision_as_object()
        video = revision.videos.get()
        self.assertTrue(video.webm.name.startswith("gebaerdensprache/"))
        self.assertTrue(video.captions.name.endswith(".vtt"))

    def test_each_bad_file_is_an_error_at_its_field(self):
        cases = {
            "webm": upload("clip.webm", HTML),
            "mp4": upload("clip.mp4", WEBM_HEAD),
            "captions": upload("clip.vtt", b"Kein WebVTT"),
        }
        for field, file in cases.items():
            with self.subTest(field):
                response = self.post(**{field: file})
                self.assertEqual(response.status_code, 200)
                errors = self.video_errors(response)
                self.assertEqual(list(errors), [field])
        self.assertFalse(SignLanguageVideo.objects.exists())

    def test_too_large_captions_are_an_error_not_a_crash(self):
        big = b"WEBVTT\n\n" + b"x" * CAPTIONS_MAX_BYTES
        response = self.post(captions=upload("clip.vtt", big))
        self.assertEqual(response.status_code, 200)
        self.assertIn("zu groß", str(self.video_errors(response)["captions"]))
