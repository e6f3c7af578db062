"""The placeholder clip of the demo's page in Deutsche Gebärdensprache, made with
ffmpeg (Debian package ``ffmpeg``) when the loader runs: a few seconds of a
plain background with the words "Platzhalter – hier folgt ein Video in Deutscher
Gebärdensprache" (when ffmpeg has its drawtext filter and a font is found),
as WebM (VP9, else VP8) and MP4 (H.264, ``+faststart``), without sound. The
captions (WebVTT) are written from the cues in the content file.

Without ffmpeg the loader skips the page with a warning (demo/builder.py)."""

from __future__ import annotations

import shutil
import subprocess  # noqa: S404 - fixed argument lists, no shell
import tempfile
from dataclasses import dataclass
from pathlib import Path

WIDTH, HEIGHT = 640, 360
BACKGROUND = "0x00594f"  # the site's brand colour
# DejaVu comes with ffmpeg's dependencies on Debian; Liberation as a second choice.
FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)
TIMEOUT_SECONDS = 120


class ClipError(Exception):
    """ffmpeg is missing or failed; the message says which and why."""


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str


@dataclass(frozen=True)
class Clip:
    webm: bytes
    mp4: bytes | None  # None where ffmpeg has no H.264 encoder
    webm_codec: str


def ffmpeg_binary() -> str | None:
    return shutil.which("ffmpeg")


def _run(arguments: list[str]) -> str:
    try:
        result = subprocess.run(  # noqa: S603
            arguments, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ClipError(f"{arguments[0]}: {error}") from None
    if result.returncode != 0:
        raise ClipError(f"{' '.join(arguments[:3])} …: {result.stderr.strip()[-500:]}")
    return result.stdout


def _encoders(ffmpeg: str) -> str:
    return _run([ffmpeg, "-hide_banner", "-encoders"])


def _text_filters(ffmpeg: str, lines: list[str], workdir: Path) -> list[str]:
    """drawtext filters for ``lines``, centred one below the other; none without the
    filter or a font (the clip is then a plain background)."""
    font = next((path for path in FONTS if Path(path).is_file()), None)
    if font is None or " drawtext " not in _run([ffmpeg, "-hide_banner", "-filters"]):
        return []
    filters = []
    sizes = [40] + [26] * (len(lines) - 1)
    top = HEIGHT // 2 - sum(size + 14 for size in sizes) // 2
    for index, (line, size) in enumerate(zip(lines, sizes, strict=True)):
        # Text from a file: no escaping of ":" or quotes in the filter graph.
        textfile = workdir / f"line{index}.txt"
        textfile.write_text(line, encoding="utf-8")
        filters.append(
            f"drawtext=fontfile={font}:textfile={textfile}:fontcolor=white:fontsize={size}"
            f":x=(w-text_w)/2:y={top}"
        )
        top += size + 14
    return filters


def make_clip(seconds: float, lines: list[str]) -> Clip:
    """A silent clip of ``seconds`` showing ``lines``: WebM and (if possible) MP4."""
    ffmpeg = ffmpeg_binary()
    if ffmpeg is None:
        raise ClipError("ffmpeg fehlt (Debian: apt-get install ffmpeg)")
    encoders = _encoders(ffmpeg)
    with tempfile.TemporaryDirectory(prefix="gk-clip-") as tmp:
        workdir = Path(tmp)
        source = ["-f", "lavfi", "-i", f"color=c={BACKGROUND}:s={WIDTH}x{HEIGHT}:r=25:d={seconds}"]
        filters = _text_filters(ffmpeg, lines, workdir)
        video_filter = ["-vf", ",".join(filters)] if filters else []
        base = [ffmpeg, "-hide_banner", "-loglevel", "error", "-y", *source, *video_filter, "-an"]
        if " libvpx-vp9 " in encoders:
            codec, webm_codec = ["-c:v", "libvpx-vp9", "-row-mt", "1"], "vp9"
        elif " libvpx " in encoders:
            codec, webm_codec = ["-c:v", "libvpx"], "vp8"
        else:
            raise ClipError("ffmpeg kann kein WebM schreiben (libvpx fehlt)")
        webm = workdir / "clip.webm"
        _run([*base, *codec, "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k", str(webm)])
        mp4_data = None
        if " libx264 " in encoders:
            mp4 = workdir / "clip.mp4"
            _run(
                [*base, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"]
                + ["-movflags", "+faststart", str(mp4)]
            )
            mp4_data = mp4.read_bytes()
        return Clip(webm=webm.read_bytes(), mp4=mp4_data, webm_codec=webm_codec)


def _timestamp(seconds: float) -> str:
    milliseconds = round(seconds * 1000)
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def webvtt(cues: list[Cue]) -> str:
    """The cues as a WebVTT file (UTF-8 text)."""
    blocks = ["WEBVTT"]
    for number, cue in enumerate(cues, start=1):
        blocks.append(f"{number}\n{_timestamp(cue.start)} --> {_timestamp(cue.end)}\n{cue.text}")
    return "\n\n".join(blocks) + "\n"
