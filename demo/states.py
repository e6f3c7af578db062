"""Demo pages in every editorial state (editorial/states.py), idempotently.

Run by ``manage.py load_demo_states`` after ``load_demo_content``: it first
applies the editorial setup (groups, rights, workflows; idempotent), because a
page can only be put "In Prüfung" once its workflow exists. Kept apart from
``load_demo_content`` so that the demo site itself stays fully published.

Each page is looked up by parent and slug and only built when missing; pages
editors have changed since are left alone."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page

from editorial.setup import apply_editorial_setup
from editorial.states import PageState
from events.models import EventCategory, EventIndexPage, EventPage
from home.models import Bundesland, HomePage
from news.models import NewsIndexPage, NewsPage

from .builder import berlin, ensure_keyword_translations
from .data import DemoContent, PageFile, parse_date, parse_datetime


class DemoStates:
    def __init__(self, content_dir: str | None = None) -> None:
        self.content = DemoContent(content_dir)
        self.created: Counter[str] = Counter()
        self.unchanged: Counter[str] = Counter()
        self.setup_changes: list[str] = []

    def _user(self, username: str):
        return get_user_model().objects.filter(username=username).first()

    def build(self) -> None:
        with transaction.atomic():
            self.setup_changes = apply_editorial_setup()
            de = Locale.objects.get(language_code="de")
            home = HomePage.objects.filter(depth=2, locale=de).first()
            if home is None:
                raise RuntimeError("Erst `manage.py load_demo_content` ausführen.")
            self.de = de
            self.author = self._user("redaktion")
            self.moderator = self._user("moderation")
            events = EventIndexPage.objects.child_of(home).get()
            news = NewsIndexPage.objects.child_of(home).get()
            parents = {"event": (events, self.event), "news": (news, self.news)}
            for data in self.content.states:
                if data.get("type") not in parents:
                    raise data.error("„type:“ muss „event“ oder „news“ sein")
                if data.get("state") not in PageState.values:
                    raise data.error(f"unbekannter Zustand „{data.get('state')}“")
                parent, build = parents[data.get("type")]
                self.ensure(parent, data.get("state"), data.slug, lambda d=data, b=build: b(d))
            # Keywords only these pages use get their English name here.
            english = Locale.objects.get(language_code="en")
            ensure_keyword_translations(self.content.keywords, english, self._count)

    def _count(self, label: str, created: bool) -> None:
        (self.created if created else self.unchanged)[label] += 1

    @staticmethod
    def _body(blocks: list[dict]) -> list[dict]:
        return [{"type": kind, "value": value} for block in blocks for kind, value in block.items()]

    def event(self, data: PageFile) -> EventPage:
        text = data.de
        page = EventPage(
            title=text["title"],
            start=berlin(parse_datetime(data.get("start"))),
            end=berlin(parse_datetime(data.get("end"))),
            place=text.get("place", ""),
            bundesland=Bundesland.objects.get(code=data.get("bundesland"), locale=self.de),
            organiser=text.get("organiser", ""),
            category=EventCategory.objects.get(slug=data.get("category"), locale=self.de),
            teaser=text.get("teaser", ""),
            body=self._body(text.get("body", [])),
            search_description=text.get("teaser", ""),
        )
        page.tags.add(*data.get("tags", []))
        return page

    def news(self, data: PageFile) -> NewsPage:
        text = data.de
        page = NewsPage(
            title=text["title"],
            date=parse_date(data.get("date")),
            author=text.get("author", ""),
            teaser=text.get("teaser", ""),
            body=self._body(text.get("body", [])),
            search_description=text.get("teaser", ""),
        )
        page.tags.add(*data.get("tags", []))
        return page

    def ensure(self, parent: Page, state: str, slug: str, build) -> None:
        label = f"Seiten im Zustand „{PageState(state).label}“"
        if parent.get_children().filter(slug=slug).exists():
            self.unchanged[label] += 1
            return
        page = build()
        page.slug = slug
        page.locale = parent.locale
        page.live = False
        page.owner = self.author
        parent.add_child(instance=page)
        getattr(self, f"make_{state}")(page)
        self.created[label] += 1

    # -- one method per state --------------------------------------------------

    def make_entwurf(self, page: Page) -> None:
        page.save_revision(user=self.author, log_action=True)

    def make_in_pruefung(self, page: Page) -> None:
        page.save_revision(user=self.author, log_action=True)
        workflow = page.get_workflow()
        workflow.start(page, self.author)

    def make_geplant(self, page: Page) -> None:
        page.go_live_at = timezone.now() + dt.timedelta(days=14)
        page.save_revision(user=self.moderator, log_action=True).publish(user=self.moderator)

    def make_abgelaufen(self, page: Page) -> None:
        page.save_revision(user=self.moderator, log_action=True).publish(user=self.moderator)
        page.expire_at = timezone.now() - dt.timedelta(days=1)
        Page.objects.filter(pk=page.pk).update(expire_at=page.expire_at)
        # What `publish_scheduled` does with an expired page.
        page = Page.objects.get(pk=page.pk).specific
        page.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")

    def make_zurueckgezogen(self, page: Page) -> None:
        page.save_revision(user=self.moderator, log_action=True).publish(user=self.moderator)
        page = Page.objects.get(pk=page.pk).specific
        # Without a user: the loader acts as the system, not through anyone's rights.
        page.unpublish(log_action=True)
