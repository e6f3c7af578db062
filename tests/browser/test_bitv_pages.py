"""The pages in Leichte Sprache and Deutsche Gebärdensprache in Chromium (their axe
checks: test_accessibility.py): the video plays from this site with its German
captions track loaded, the Leichte Sprache text is set large, widely spaced,
left-aligned and unhyphenated, and the header links reach both pages from every
language by keyboard.

Debian's Chromium may lack H.264: the page offers WebM first, which it plays."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.accessibility.media import needs_ffmpeg
from tests.browser.support import focus_indicator, focus_is_visible


@needs_ffmpeg  # the demo makes its clip with ffmpeg (demo/clips.py)
def test_the_video_plays_webm_from_this_site_with_its_captions(page: Page, base_url: str):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("/de/gebaerdensprache/")
    result = page.evaluate(
        """async () => {
            const video = document.querySelector('video');
            const track = video.textTracks[0];
            track.mode = 'showing';
            for (let i = 0; i < 100 && !(track.cues && track.cues.length); i++) {
                await new Promise(r => setTimeout(r, 100));
            }
            for (let i = 0; i < 100 && video.readyState < 1; i++) {
                await new Promise(r => setTimeout(r, 100));
            }
            return {
                kind: track.kind, language: track.language,
                cues: track.cues ? [...track.cues].map(c => [c.startTime, c.endTime, c.text]) : [],
                src: video.currentSrc, duration: video.duration,
                error: video.error && video.error.code,
            };
        }"""
    )
    assert result["kind"] == "captions" and result["language"] == "de"
    assert result["cues"], "the captions track did not load"
    assert result["cues"][0][2] == "Dieses Video ist ein Platzhalter."
    assert all(end <= result["duration"] + 0.05 for _start, end, _text in result["cues"])
    assert result["error"] is None
    assert result["src"].startswith(base_url) and result["src"].endswith(".webm")
    assert abs(result["duration"] - 12) < 0.2
    # Nothing from another origin: no third-party player, no tracking.
    assert [url for url in requests if not url.startswith(base_url)] == []
    # The transcript opens below the video.
    page.locator("summary", has_text="Text zum Video").click()
    expect(page.locator(".sign-video__transcript")).to_contain_text("Platzhalter")


def test_leichte_sprache_is_set_large_spaced_left_aligned_unhyphenated(page: Page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/de/leichte-sprache/")
    style = page.evaluate(
        """() => {
            const p = document.querySelector('.easy-read__sentences p');
            const s = getComputedStyle(p);
            const rootSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
            return {size: parseFloat(s.fontSize) / rootSize,
                    lineHeight: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
                    align: s.textAlign, hyphens: s.hyphens, fontStyle: s.fontStyle,
                    width: p.getBoundingClientRect().width,
                    h2Hyphens: getComputedStyle(document.querySelector('.easy-read h2')).hyphens};
        }"""
    )
    assert style["size"] >= 1.25, style
    assert style["lineHeight"] >= 1.6, style
    assert style["align"] in ("left", "start"), style
    assert style["hyphens"] == "manual" and style["h2Hyphens"] == "manual", style
    assert style["fontStyle"] == "normal", style
    assert style["width"] <= 38 * 16 + 1, style  # short lines (max-width 38rem)
    word = page.locator(".easy-read__word").first
    assert word.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"


@pytest.mark.parametrize("start", ["/de/aktuelles/", "/en/news/"])
def test_the_header_links_are_the_first_stops_after_the_skip_link(page: Page, start: str):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(start)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    indicator = focus_indicator(page)
    assert indicator["href"] == "/de/leichte-sprache/" and focus_is_visible(indicator)
    if start.startswith("/en/"):
        link = page.locator('a[data-access-link="leichte-sprache"]')
        assert link.get_attribute("hreflang") == "de"
        assert link.locator("[lang=de]").inner_text() == "Leichte Sprache"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/de/leichte-sprache/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Leichte Sprache")
    expect(page.locator('a[data-access-link="leichte-sprache"]')).to_have_attribute(
        "aria-current", "page"
    )
