"""The demo's placeholder clip (demo/clips.py): WebM and MP4 from ffmpeg with the
length asked for, captions as strict WebVTT; without ffmpeg the loader leaves the
page in Deutsche Gebärdensprache out with a warning instead of failing
(the whole demo, with the clip, is checked in tests/demo/test_demo_content.py)."""

import pytest

from django.test import TestCase

from wagtail.models import Locale

from accessibility.models import SignLanguagePage
from demo import clips
from demo.builder import DemoBuilder
from demo.clips import Cue, make_clip, webvtt
from demo.data import DemoContent
from tests.accessibility.media import ffprobe, needs_ffmpeg, parse_webvtt
from tests.factories import build_tree


@needs_ffmpeg
def test_clip_has_the_length_and_codecs_asked_for(tmp_path):
    clip = make_clip(3, ["Platzhalter", "Hier folgt ein Video in", "Deutscher Gebärdensprache"])
    (tmp_path / "clip.webm").write_bytes(clip.webm)
    (tmp_path / "clip.mp4").write_bytes(clip.mp4)
    webm = ffprobe(str(tmp_path / "clip.webm"))
    mp4 = ffprobe(str(tmp_path / "clip.mp4"))
    assert [s["codec_name"] for s in webm["streams"]] == [clip.webm_codec]
    assert clip.webm_codec in ("vp9", "vp8")
    assert [s["codec_name"] for s in mp4["streams"]] == ["h264"]
    for probe in (webm, mp4):
        assert abs(float(probe["format"]["duration"]) - 3) < 0.2
        assert (probe["streams"][0]["width"], probe["streams"][0]["height"]) == (640, 360)
        assert not [s for s in probe["streams"] if s["codec_type"] == "audio"]


def test_captions_are_strict_webvtt_with_the_cues_in_order():
    cues = [Cue(0, 2.5, "Dies ist ein Platzhalter."), Cue(2.5, 3661.25, "Gebärdensprache")]
    text = webvtt(cues)
    assert text.startswith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.500\n")
    assert parse_webvtt(text) == [
        (0.0, 2.5, "Dies ist ein Platzhalter."),
        (2.5, 3661.25, "Gebärdensprache"),
    ]


def test_the_strict_reader_refuses_broken_captions():
    for broken in (
        "WEBVTT\n\n00:00:01.000 --> 00:00:00.500\nRückwärts\n",
        "WEBVTT\n\n00:00:00.000 -> 00:00:01.000\nFalscher Pfeil\n",
        "1\n00:00:00.000 --> 00:00:01.000\nKein Kopf\n",
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nA\n\n00:00:01.000 --> 00:00:03.000\nB\n",
    ):
        with pytest.raises(AssertionError):
            parse_webvtt(broken)


class WithoutFfmpegTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()

    def test_the_loader_leaves_the_dgs_page_out_with_a_warning(self):
        builder = DemoBuilder()
        builder.de = Locale.objects.get(language_code="de")
        builder._page_links = lambda html: html  # the test tree's home is not /home/
        data = next(
            p for p in DemoContent().german_only_pages if p.get("type") == "gebaerdensprache"
        )
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(clips.shutil, "which", lambda name: None)
            self.assertIsNone(builder.ensure_german_only_page(self.tree.home, data))
        self.assertFalse(SignLanguagePage.objects.exists())
        (warning,) = builder.warnings
        self.assertIn("bitv/gebaerdensprache.yaml", warning)
        self.assertIn("ffmpeg fehlt", warning)
