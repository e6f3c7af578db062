"""What the browser tests check on a page: axe-core's WCAG 2.1 A/AA rules and the
checks axe cannot make (heading order, focus visibility, reflow at 320 px)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Locator, Page

from demo.data import DemoContent

DEMO_PASSWORD = DemoContent().password

# axe-core, vendored (tests/browser/vendor/README.md): never fetched at test time.
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_URL = "/__browser-tests__/axe.min.js"  # answered by the browser tests, not the site
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations of WCAG 2.0/2.1 level A and AA on the current page."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Served as a same-origin script file, because the Content-Security-Policy
        # refuses inline scripts without the nonce (add_script_tag(path=…) inlines).
        page.route(f"**{AXE_URL}", lambda route: route.fulfill(path=AXE_JS))
        page.add_script_tag(url=AXE_URL)
        page.unroute(f"**{AXE_URL}")
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                          html: n.html, summary: n.failureSummary})),
            }));
        }""",
        WCAG_21_AA,
    )
    return result


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """The violations as readable text for an assertion message."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {node['target']}: {node['html'][:160]}")
            summary = " ".join((node["summary"] or "").split())
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """axe finds no WCAG 2.1 A/AA violation on the page as it is now."""
    violations = run_axe(page)
    assert not violations, f"axe, {page.url}:\n{describe_violations(violations)}"


def heading_levels(page: Page) -> list[tuple[int, str]]:
    """Visible and screen-reader headings (h1–h6) in document order."""
    return page.evaluate(
        """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
            .map(h => [Number(h.tagName[1]), h.textContent.trim()])"""
    )


def heading_order_problems(levels: list[tuple[int, str]]) -> list[str]:
    """One h1, first; no level skipped on the way down (h2 → h4)."""
    problems = []
    if not levels:
        return ["no heading at all"]
    if levels[0][0] != 1:
        problems.append(f"first heading is h{levels[0][0]} {levels[0][1]!r}, not h1")
    if sum(1 for level, _ in levels if level == 1) != 1:
        problems.append("not exactly one h1")
    for (before, _), (level, text) in zip(levels, levels[1:], strict=False):
        if level > before + 1:
            problems.append(f"h{before} followed by h{level} {text!r}")
    return problems


def horizontal_overflow(page: Page) -> dict[str, Any]:
    """Document width and the widest offending elements (for the failure message)."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > width + 0.5)
                .slice(0, 5)
                .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                     + ' ' + Math.round(el.getBoundingClientRect().right) + 'px');
            return {scrollWidth: document.documentElement.scrollWidth, clientWidth: width, wide};
        }"""
    )


def focus_indicator(page: Page) -> dict[str, Any]:
    """The focused element and the computed styles that make its focus visible."""
    return page.evaluate(
        r"""() => {
            const el = document.activeElement;
            if (!el || el === document.body) return {tag: 'body'};
            const s = getComputedStyle(el);
            return {
                tag: el.tagName.toLowerCase(),
                text: (el.textContent || el.value || '').replace(/\s+/g, ' ').trim().slice(0, 200),
                href: el.getAttribute('href'),
                // A transparent outline (kept for forced-colours mode) shows nothing.
                outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                         && s.outlineColor !== 'rgba(0, 0, 0, 0)'
                    ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none',
                boxShadow: s.boxShadow,
                background: s.backgroundColor,
            };
        }"""
    )


def focus_is_visible(indicator: dict[str, Any]) -> bool:
    """An outline or a box-shadow is drawn around the focused element."""
    return indicator.get("outline", "none") != "none" or indicator.get("boxShadow", "none") not in (
        "none",
        "",
    )


def tab_to(page: Page, target: Locator, *, max_presses: int = 400) -> None:
    """Press Tab (only the keyboard) until ``target`` has the focus; fails when it is
    not reached in ``max_presses`` steps (not focusable, or hidden from the tab order).
    Also proves that the focus is drawn there (``focus_is_visible``)."""
    handle = target.element_handle()
    for _ in range(max_presses):
        if page.evaluate("(el) => document.activeElement === el", handle):
            assert focus_is_visible(focus_indicator(page)), focus_indicator(page)
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"not reached by Tab: {target}")


def type_into(page: Page, field: Locator, text: str) -> None:
    """Tab to a text field, empty it and type ``text`` (keyboard only)."""
    tab_to(page, field)
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text)


def log_in(browser: Browser, base_url: str, username: str) -> Page:
    """A new browser context logged in to the admin as a demo user (German UI)."""
    context = browser.new_context(base_url=base_url, locale="de-DE")
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


def untranslated_german_page(model: type, factory: Any, title: str) -> Any:
    """A live German page of ``model`` without an English translation. The demo is
    complete in English, so the first call adds one (``factory``, under the German
    index page of that type's first demo page); later calls find it again."""
    from wagtail.models import Locale
    from wagtail.models import Page as Page_

    english = Locale.objects.get(language_code="en")
    translated = Page_.objects.filter(locale=english).values_list("translation_key", flat=True)
    german = model.objects.live().filter(locale__language_code="de")
    page = german.exclude(translation_key__in=translated).order_by("path").first()
    if page is None:
        page = factory(parent=german.order_by("path").first().get_parent(), title=title)
    return page
