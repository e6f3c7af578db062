"""Parallel autosaves and saves through the live server (a real HTTP server and
client, SQLite or PostgreSQL): no 500 ("database is locked" on SQLite), no lost
text. Four people work at once, each on a news item of their own and all on one
shared news item; every thread has its own logged-in HTTP session and posts what
the browser posts (the editor's form, autosaves as Wagtail's JS sends them)."""

from __future__ import annotations

import http.cookiejar
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

import pytest

from django.db import connection

from news.models import NewsPage
from tests.factories import NewsPageFactory

from .ui_support import PASSWORD, browser_form, encode_form, ui_site, ui_team, with_values

ROUNDS = 3
AUTOSAVES_PER_ROUND = 2
SAVE_ATTEMPTS = 4
SESSIONS_PER_PERSON = 2  # two browser tabs each: eight sessions at once


@dataclass
class Result:
    status: int
    body: str


class Session:
    """One person's browser: cookies, CSRF token, real HTTP requests."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def request(self, path: str, body: bytes | None = None, headers=None) -> Result:
        url = self.base_url + path  # the live server, always http://
        request = urllib.request.Request(url, data=body, headers=headers or {})  # noqa: S310
        try:
            with self.opener.open(request, timeout=120) as response:
                return Result(response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return Result(error.code, error.read().decode(errors="replace"))

    def csrf_token(self) -> str:
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")

    def log_in(self, username: str) -> None:
        self.request("/admin/login/")
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": self.csrf_token(),
                "username": username,
                "password": PASSWORD,
            }
        ).encode()
        result = self.request(
            "/admin/login/", body, {"Content-Type": "application/x-www-form-urlencoded"}
        )
        assert result.status == 302, f"login of {username}: {result.status}"

    def open_editor(self, page_id: int) -> list[tuple[str, str]]:
        result = self.request(f"/admin/pages/{page_id}/edit/")
        assert result.status == 200, result.status
        return browser_form(result.body)

    def post_form(self, page_id: int, pairs, *, autosave: bool) -> Result:
        body, content_type = encode_form(pairs)
        headers = {"Content-Type": content_type}
        if autosave:  # Wagtail's w-autosave controller (fetch with FormData)
            headers |= {"Accept": "application/json", "X-CSRFToken": self.csrf_token()}
        else:
            headers["Accept"] = "text/html,application/xhtml+xml"
        return self.request(f"/admin/pages/{page_id}/edit/", body, headers)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 after a save is the answer we check


@dataclass
class Post:
    """A successful save or autosave of the shared page, with when it was sent and
    when its answer arrived (its transaction committed in between)."""

    text: str
    sent: float
    answered: float
    autosave: bool


@dataclass
class Worker:
    username: str
    own_page: int
    shared_page: int
    submit_last: bool = False
    statuses: list[int] = field(default_factory=list)
    saved: list[tuple[int, str]] = field(default_factory=list)  # (page, text) answered 302
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)
    shared_posts: list[Post] = field(default_factory=list)

    def post(self, session: Session, page_id: int, pairs, text: str, *, autosave: bool) -> Result:
        sent = time.monotonic()
        result = session.post_form(page_id, pairs, autosave=autosave)
        answered = time.monotonic()
        self.statuses.append(result.status)
        ok = result.status == 302 if not autosave else result.status == 200
        if ok and page_id == self.shared_page:
            self.shared_posts.append(Post(text, sent, answered, autosave))
        return result

    def edit(self, session: Session, page_id: int, label: str, *, submit: bool = False) -> None:
        form = session.open_editor(page_id)
        revision_id = None
        for number in range(AUTOSAVES_PER_ROUND):
            draft = f"{label}, Entwurf {number}."
            pairs = with_values(form, teaser=draft)
            if revision_id:
                pairs = with_values(pairs, overwrite_revision_id=str(revision_id))
            result = self.post(session, page_id, pairs, draft, autosave=True)
            if result.status == 200:
                revision_id = json.loads(result.body)["revision_id"]
        text = f"{label}, gespeichert."
        pairs = with_values(form, teaser=text)
        if submit:
            pairs.append(("action-submit", "true"))
        for _attempt in range(SAVE_ATTEMPTS):
            result = self.post(session, page_id, pairs, text, autosave=False)
            if result.status == 302:
                self.saved.append((page_id, text))
                return
            assert result.status == 200, result.status
            assert "Die Seite wurde geändert" in result.body, result.body[:500]
            self.conflicts += 1
            # Refused, the text still in the form: the person saves again on purpose
            # (the re-rendered form names the latest revision).
            pairs = browser_form(result.body)
            assert (("teaser", text)) in pairs, "the refused text must stay in the form"

    def run(self, base_url: str, start: threading.Barrier) -> None:
        try:
            session = Session(base_url)
            session.log_in(self.username)
            start.wait(timeout=60)
            for round_ in range(ROUNDS):
                self.edit(session, self.own_page, f"{self.username} Runde {round_}")
                self.edit(session, self.shared_page, f"{self.username} gemeinsam {round_}")
            self.edit(session, self.own_page, f"{self.username} zuletzt", submit=self.submit_last)
        except Exception as error:  # reported by the test, not lost in the thread
            self.errors.append(repr(error))
        finally:
            connection.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_autosaves_and_saves_lose_nothing(live_server):
    tree = ui_site()
    team = ui_team()
    editors = [user.username for user in team.values()] * SESSIONS_PER_PERSON
    shared = NewsPageFactory(parent=tree.news, title="Gemeinsame Meldung", live=False).pk
    workers = [
        Worker(
            name,
            NewsPageFactory(parent=tree.news, title=f"Meldung {number} von {name}", live=False).pk,
            shared,
            submit_last=number < len(team),
        )
        for number, name in enumerate(editors)
    ]
    start = threading.Barrier(len(workers))
    threads = [
        threading.Thread(target=worker.run, args=(live_server.url, start)) for worker in workers
    ]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    elapsed = time.monotonic() - began

    errors = [error for worker in workers for error in worker.errors]
    assert not errors, errors
    statuses = [status for worker in workers for status in worker.statuses]
    print(  # noqa: T201 - the figures for the report (pytest -s)
        f"{len(statuses)} posts in {elapsed:.1f} s on {connection.vendor}; "
        f"conflicts refused: {sum(worker.conflicts for worker in workers)}"
    )
    assert all(status < 500 for status in statuses), statuses

    for worker in workers:
        # Alone on their own page: every save of theirs succeeded and the last is current.
        own_saves = [text for page_id, text in worker.saved if page_id == worker.own_page]
        assert len(own_saves) == ROUNDS + 1, worker
        page = NewsPage.objects.get(pk=worker.own_page)
        assert page.get_latest_revision().as_object().teaser == own_saves[-1]
        if worker.submit_last:
            assert page.workflow_in_progress

    # Every successful save's text is in some revision (none silently overwritten).
    for worker in workers:
        for page_id, text in worker.saved:
            page = NewsPage.objects.get(pk=page_id)
            teasers = {revision.as_object().teaser for revision in page.revisions.all()}
            assert text in teasers, (worker.username, text)

    # The shared page ends with what the last successful save sent, or with a save
    # or autosave that may have committed after it (answered after it was sent).
    posts = [post for worker in workers for post in worker.shared_posts]
    last_save = max((post for post in posts if not post.autosave), key=lambda p: p.answered)
    candidates = {post.text for post in posts if post.answered >= last_save.sent}
    final = NewsPage.objects.get(pk=shared).get_latest_revision().as_object().teaser
    assert final in candidates, (final, last_save.text)
