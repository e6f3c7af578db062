"""The translator's journey (PRODUCT.md, "Roles and the editorial workflow"): the
editor ("redaktion") translates a German news item into English with wagtail-localize,
fills in the English title in the translation editor and submits it with the
editor's primary button "Zur Prüfung einreichen" (never a destructive one); the
moderator opens the translation editor from the review list and approves both steps
of the news workflow there ("Freigeben"); the English
item is then public under /en/, the language switcher links German and English, and
both pages carry hreflang alternates.

Named so that it runs after test_reader_journey (alphabetical order) and before
test_workflow_journeys; the English page it publishes is checked only here."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from wagtail.models import Page as Page_
from wagtail.models import TaskState

from news.models import NewsPage
from tests.browser.support import log_in, untranslated_german_page
from tests.factories.pages import NewsPageFactory

# Roles, rights and workflows as `make run` applies them (conftest.py).
pytestmark = pytest.mark.usefixtures("editorial_roles")

ENGLISH_TITLE = "Translated for the browser test"


def untranslated_news_item() -> NewsPage:
    return untranslated_german_page(NewsPage, NewsPageFactory, "Nachricht aus dem Netzwerk")


def translate_title(page: Page) -> None:
    """In wagtail-localize's translation editor: translate the title segment (the other
    segments stay untranslated and fall back to the German source when saved)."""
    segment = page.locator("li.incomplete", has=page.locator("p.title"))
    segment.get_by_role("button", name="Übersetzen").click()
    segment.locator("textarea").fill(ENGLISH_TITLE)
    # Wait for the server to have stored the string: the editor shows it at once, and
    # the test's next database read must not meet the server's write (SQLite locks).
    with page.expect_response(
        lambda r: "/admin/localize/" in r.url and r.request.method in ("POST", "PUT")
    ) as saved:
        segment.get_by_role("button", name="Speichern").click()
    assert saved.value.ok, saved.value.status
    expect(page.get_by_text(ENGLISH_TITLE).first).to_be_visible()


def test_translator_journey(browser: Browser, base_url: str, page: Page):
    item = untranslated_news_item()
    assert item is not None, "the demo needs a German news item without translation"
    german_url = item.url

    # The editor translates the news item ("Übersetzen" in the page's menu).
    editor = log_in(browser, base_url, "redaktion")
    editor.goto(f"/admin/pages/{item.get_parent().pk}/")
    row = editor.locator("tr", has_text=item.title)
    row.get_by_role("button", name=re.compile("Weitere|More")).click()
    row.get_by_role("link", name=re.compile("übersetzen", re.IGNORECASE)).click()
    editor.wait_for_url(re.compile(rf"/admin/localize/submit/page/{item.pk}/"))
    locales = editor.locator("input[name=locales]")
    if locales.count() > 1:
        editor.get_by_label("Englisch").check()
    else:
        locales.check()
    editor.locator("form input[type=submit]").click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    english_id = int(re.search(r"/admin/pages/(\d+)/edit/", editor.url).group(1))
    english = Page_.objects.get(pk=english_id)
    assert english.locale.language_code == "en"
    assert not english.live

    translate_title(editor)
    title = ENGLISH_TITLE

    # The translation editor's primary button submits (editorial/translations.py);
    # wagtail-localize's own footer, whose primary button was "Löschen", is hidden.
    footer = editor.locator("[data-editorial-translation-footer]")
    primary = footer.locator("[data-editorial-primary]")
    expect(primary).to_have_text(re.compile(r"^\s*Zur Prüfung einreichen\s*$"))
    expect(primary).not_to_have_attribute("data-destructive", re.compile(".*"))
    expect(editor.locator(".js-translation-editor > footer.footer")).to_be_hidden()
    footer.locator(".w-dropdown__toggle").click()
    expect(footer.get_by_role("link", name="Löschen")).to_be_visible()
    footer.locator(".w-dropdown__toggle").click()
    primary.focus()  # submitted with the keyboard
    with editor.expect_navigation():
        editor.keyboard.press("Enter")
    expect(editor.locator(".messages")).to_contain_text("zur Prüfung eingereicht")
    english = Page_.objects.get(pk=english_id)
    assert english.workflow_in_progress and not english.live
    assert page.request.get(f"/en/news/{english.slug}/").status == 404
    expect(primary).to_have_count(0)  # in review: nothing left to press but the preview

    # The moderator approves both steps (Fachliche Prüfung, Freigabe) in the
    # translation editor, opened from the review list's "Prüfen".
    moderator = log_in(browser, base_url, "moderation")
    for _step in range(2):
        moderator.goto("/admin/pruefliste/")
        moderator.locator("tr", has_text=title).first.get_by_role("link", name="Prüfen").click()
        moderator.wait_for_url(re.compile(rf"/admin/pages/{english_id}/edit/"))
        task_state = Page_.objects.get(pk=english_id).current_workflow_task_state
        approve = moderator.locator("[data-editorial-translation-footer] [data-editorial-primary]")
        expect(approve).to_have_text(re.compile(r"^\s*Freigeben\s*$"))
        with moderator.expect_navigation():
            approve.click()
        expect(moderator.locator(".messages")).to_contain_text("freigegeben")
        task_state.refresh_from_db()
        assert task_state.status == TaskState.STATUS_APPROVED, task_state.task.name
    english = Page_.objects.get(pk=english_id)
    assert english.live
    assert page.request.get(english.url).status == 200

    # Public: the English item, the language switcher both ways, hreflang links.
    page.goto(german_url)
    switcher = page.locator("nav.language-switcher")
    switcher.locator("a[hreflang=en]").click()
    page.wait_for_url(re.compile(r"/en/"))
    assert page.url.endswith(english.url)
    expect(page.locator("h1")).to_contain_text(title)
    expect(page.locator("head link[rel=alternate][hreflang=de]")).to_have_attribute(
        "href", re.compile(re.escape(german_url) + "$")
    )
    expect(page.locator("head link[rel=alternate][hreflang=en]")).to_have_count(1)
    page.locator("nav.language-switcher a[hreflang=de]").click()
    page.wait_for_url(re.compile(re.escape(german_url) + "$"))
    expect(page.locator("head link[rel=alternate][hreflang=en]")).to_have_attribute(
        "href", re.compile(re.escape(english.url) + "$")
    )
    page.goto("/en/news/")
    expect(page.locator("main").get_by_role("link", name=title).first).to_be_visible()
