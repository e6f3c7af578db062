"""Checking generated video and captions: ffprobe (Debian package ffmpeg) and a
strict WebVTT reader. Tests that need ffmpeg skip on a machine without it and
fail in CI (CI=true; .ci/run installs it), like the chromium and nginx tests."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

FFPROBE = shutil.which("ffprobe") or "/usr/bin/ffprobe"
FFMPEG_PRESENT = bool(shutil.which("ffmpeg") and shutil.which("ffprobe"))
# Without ffmpeg the loader leaves the DGS page out (demo/builder.py); in CI (.ci/run
# installs ffmpeg) these tests fail instead of skipping.
needs_ffmpeg = pytest.mark.skipif(
    not FFMPEG_PRESENT and not os.environ.get("CI"), reason="ffmpeg missing: apt-get install ffmpeg"
)
WEBVTT_TIMING = re.compile(
    r"(\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3}) --> (\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3})"
)


def parse_webvtt(text: str) -> list[tuple[float, float, str]]:
    """Cues of a WebVTT file, strictly: the "WEBVTT" line, blank-line separated cues
    with an optional identifier, one timing line each, non-empty text, in order."""
    assert text.startswith("WEBVTT\n") or text.startswith("WEBVTT "), text[:20]
    blocks = text.replace("\r\n", "\n").strip("\n").split("\n\n")
    cues = []
    for block in blocks[1:]:
        lines = block.split("\n")
        if "-->" not in lines[0]:
            lines.pop(0)  # the cue identifier
        match = WEBVTT_TIMING.fullmatch(lines[0])
        assert match, f"bad timing line: {lines[0]!r}"
        h1, m1, s1, ms1, h2, m2, s2, ms2 = (int(part) for part in match.groups())
        start = h1 * 3600 + m1 * 60 + s1 + ms1 / 1000
        end = h2 * 3600 + m2 * 60 + s2 + ms2 / 1000
        body = "\n".join(lines[1:]).strip()
        assert start < end and body, block
        cues.append((start, end, body))
    assert cues, "no cue"
    assert all(a[1] <= b[0] for a, b in zip(cues, cues[1:], strict=False)), "cues overlap"
    return cues


def ffprobe(path: str) -> dict:
    result = subprocess.run(  # noqa: S603
        [FFPROBE, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout)
