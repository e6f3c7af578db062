"""The page editor as editors and moderators use it (issue 10), autosave on:

- an editor writes, Wagtail autosaves, then "Entwurf speichern": no false
  conflict with their own autosave, the text is saved;
- a moderator approves both steps of the news workflow from the page editor
  ("Freigeben" in the action menu, once per step) and the news item goes live.

Runs on the package's demo site with the roles and workflows applied. The news
items used here are created by this module and deleted when it is done, so the
other browser tests see the demo site as before."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Browser, Page, expect

from django.contrib.auth import get_user_model
from django.core.management import call_command

from news.models import NewsIndexPage, NewsPage
from tests.browser.support import log_in

DRAFT_TITLE = "Werkstattbericht Bewegte Kommune (Browsertest)"
REVIEW_TITLE = "Neue Partnerkommune im Netzwerk (Browsertest)"
TYPED = "Autosave und Speichern: ein Satz, der bleiben muss."


@pytest.fixture(scope="module")
def news_items(demo_site, django_db_blocker):
    """Roles and workflows as `make run` applies them; a draft news item and one
    submitted by "redaktion" (waiting at "Fachliche Prüfung")."""
    with django_db_blocker.unblock():
        call_command("apply_editorial", stdout=io.StringIO())
        index = NewsIndexPage.objects.get(locale__language_code="de")
        author = get_user_model().objects.get(username="redaktion")
        pages = {}
        for key, title in (("draft", DRAFT_TITLE), ("review", REVIEW_TITLE)):
            page = NewsPage(
                title=title,
                teaser="Aus dem Partnerprozess „Gesundheit für alle“.",
                author="Koordinierungsstelle",
                live=False,
                owner=author,
            )
            index.add_child(instance=page)
            page.save_revision(user=author)
            pages[key] = page.pk
        review = NewsPage.objects.get(pk=pages["review"])
        review.get_workflow().start(review, author)
    yield pages
    with django_db_blocker.unblock():
        for page in NewsPage.objects.filter(pk__in=pages.values()):
            page.delete()


def editor_action(page: Page, label: str) -> None:
    """Click an action of the editor's footer menu by its label."""
    footer = page.locator("footer nav.actions")
    button = footer.get_by_role("button", name=label, exact=True)
    if not button.is_visible():
        footer.get_by_role("button", name="Mehr Aktionen").click()
    button.click()


def is_autosave(page_id: int):
    def matches(response) -> bool:
        request = response.request
        return (
            request.method == "POST"
            and response.url.endswith(f"/admin/pages/{page_id}/edit/")
            and "application/json" in (request.headers.get("accept") or "")
        )

    return matches


def test_editor_saves_after_an_autosave_without_a_false_conflict(
    browser: Browser, base_url: str, news_items
):
    page_id = news_items["draft"]
    editor = log_in(browser, base_url, "redaktion")
    editor.goto(f"/admin/pages/{page_id}/edit/")
    expect(editor.locator("#id_title")).to_have_value(DRAFT_TITLE)

    # Wagtail's w-unsaved controller takes the form's initial state 2 s after
    # loading; only changes after that count (and trigger the autosave).
    editor.wait_for_timeout(3000)
    with editor.expect_response(is_autosave(page_id), timeout=20_000) as autosaved:
        editor.fill("#id_teaser", "")
        editor.locator("#id_teaser").press_sequentially(TYPED, delay=10)
    assert autosaved.value.json()["success"] is True
    indicator = editor.locator("#w-autosave-indicator")
    expect(indicator).to_have_attribute("data-w-autosave-state-value", "saved")
    expect(indicator).to_have_attribute(
        "data-w-tooltip-content-value", "Die Änderungen wurden automatisch gespeichert."
    )

    editor_action(editor, "Entwurf speichern")
    messages = editor.locator(".messages")
    expect(messages).to_contain_text(DRAFT_TITLE)
    expect(messages).not_to_contain_text("wurde geändert, seit Sie sie geöffnet haben")
    expect(editor.locator("#id_teaser")).to_have_value(TYPED)
    saved = NewsPage.objects.get(pk=page_id).get_latest_revision().as_object()
    assert saved.teaser == TYPED


def test_moderator_approves_both_news_steps_from_the_editor(
    browser: Browser, base_url: str, page: Page, news_items
):
    page_id = news_items["review"]
    public_url = NewsPage.objects.get(pk=page_id).url
    assert page.request.get(public_url).status == 404  # not live yet

    moderator = log_in(browser, base_url, "moderation")
    for step in ("Fachliche Prüfung", "Freigabe"):
        moderator.goto(f"/admin/pages/{page_id}/edit/")
        expect(moderator.locator("#id_title")).to_have_value(REVIEW_TITLE)
        expect(moderator.locator("body")).to_contain_text(step)
        editor_action(moderator, "Freigeben")
        expect(moderator.locator(".messages")).to_contain_text(REVIEW_TITLE)

    live = page.request.get(public_url)
    assert live.status == 200
    assert REVIEW_TITLE in live.text()
    page_record = NewsPage.objects.get(pk=page_id)
    assert page_record.live
    assert not page_record.workflow_in_progress
