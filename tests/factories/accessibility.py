"""The pages in Leichte Sprache and Deutsche Gebärdensprache and the accessibility
statement with its Schlichtungsstelle (accessibility/).

The video files here are the first bytes of real files (enough for the upload
checks in accessibility/validators.py, not for a player); the browser tests play
the demo's generated clip."""

import datetime as dt

import factory

from django.core.files.base import ContentFile

from accessibility.models import (
    AccessibilityStatementPage,
    Compliance,
    EasyReadPage,
    SignLanguagePage,
    SignLanguageVideo,
)

from .pages import BasePageFactory, paragraph, publish, translate

# An EBML header with DocType "webm" and an MP4 "ftyp" box, as ffmpeg writes them.
WEBM_HEAD = bytes.fromhex("1a45dfa39f4286810142f7810142f2810442f381084282847765626d")
MP4_HEAD = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41"
CAPTIONS = (
    "WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\nDieses Video ist ein Platzhalter.\n\n"
    "2\n00:00:04.000 --> 00:00:08.000\nHier folgt ein Video in Gebärdensprache.\n"
)

EASY_READ_BODY = [
    ("heading", {"text": "Was ist Gesunde Kommune?", "level": "h2"}),
    ("sentences", "Gesunde Kommune ist eine Internet-Seite.\n\nHier finden Sie Termine.\n"),
    ("word", {"word": "Kommune", "explanation": "Eine Kommune ist eine Stadt.\nOder ein Kreis."}),
]


def video(title: str = "Willkommen", *, mp4: bool = True) -> SignLanguageVideo:
    """An unsaved video row for ``SignLanguagePageFactory(videos=[...])``."""
    row = SignLanguageVideo(
        title=title, transcript="<p>Der Text zum Video: Willkommen bei Gesunde Kommune.</p>"
    )
    row.webm.save("willkommen.webm", ContentFile(WEBM_HEAD), save=False)
    if mp4:
        row.mp4.save("willkommen.mp4", ContentFile(MP4_HEAD), save=False)
    row.captions.save("willkommen.vtt", ContentFile(CAPTIONS.encode()), save=False)
    return row


class EasyReadPageFactory(BasePageFactory):
    title = "Leichte Sprache"
    slug = "leichte-sprache"
    body = factory.LazyFunction(lambda: list(EASY_READ_BODY))

    class Meta:
        model = EasyReadPage


class SignLanguagePageFactory(BasePageFactory):
    title = "Gebärdensprache"
    slug = "gebaerdensprache"
    intro = "<p>Videos in Deutscher Gebärdensprache.</p>"
    videos = factory.LazyFunction(lambda: [video()])

    class Meta:
        model = SignLanguagePage


class AccessibilityStatementPageFactory(BasePageFactory):
    title = "Erklärung zur Barrierefreiheit"
    slug = "barrierefreiheit"
    intro = "<p>Wie barrierefrei das Portal ist.</p>"
    body = paragraph("<p>Einige ältere PDF-Dokumente sind nicht barrierefrei.</p>")
    compliance = Compliance.PARTIALLY
    last_review = dt.date(2026, 3, 5)
    arbitration_name = "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz (BGG)"
    arbitration_address = "Mauerstraße 53\n10117 Berlin"
    arbitration_url = "https://www.schlichtungsstelle-bgg.de"
    arbitration_email = "schlichtung@example.org"

    class Meta:
        model = AccessibilityStatementPage


def translate_statement(page: AccessibilityStatementPage) -> AccessibilityStatementPage:
    """The English statement (/en/accessibility/), published."""
    english = translate(page, "en")
    english.title = "Accessibility statement"
    english.slug = "accessibility"
    english.arbitration_name = "Arbitration body under the Disability Equality Act"
    return publish(english)
