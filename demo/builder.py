"""Builds the demo site from the data files in demo/content/, idempotently.

Every object is looked up first (pages by parent and slug, documents by title,
snippets, groups and users by their natural keys) and only created when it is
missing, so a second run changes nothing: no new pages, revisions, documents,
users or groups. Existing objects are left as editors may have changed them."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.search import index

from accessibility.models import (
    AccessibilityStatementPage,
    EasyReadPage,
    SignLanguagePage,
    SignLanguageVideo,
)
from criteria.models import CriteriaIndexPage, CriterionPage
from editorial.roles import ADMINISTRATION, MODERATION, REDAKTION, regional_group_name
from events.models import (
    EventCategory,
    EventCriterion,
    EventIndexPage,
    EventMaterial,
    EventPage,
    EventRegion,
)
from home.base_url import site_address
from home.models import (
    Bundesland,
    Handlungsfeld,
    HomePage,
    Lebensphase,
    Schlagwort,
    StandardPage,
    Zielgruppe,
)
from home.models.vocabularies import set_translation
from materials.models import Material, ReviewState
from materials.tasks import extract_now
from news.models import NewsIndexPage, NewsPage, NewsRegion
from practice.models import PracticeAssessment, PracticeIndexPage, PracticeMaterial, PracticePage
from regions.models import (
    RegionContact,
    RegionCriterion,
    RegionIndexPage,
    RegionMaterial,
    RegionPage,
    RegionPartner,
    RegionResultsPage,
)

from .clips import ClipError, Cue, make_clip, webvtt
from .data import DemoContent, PageFile, network_group_name, parse_date, parse_datetime
from .pdfs import build_pdf
from .translation import STREAM_KEYS, EnglishText, copy_block_ids, translate_page

# A link to a German page of the site in the content files' HTML.
INTERNAL_LINK = re.compile(r'<a href="/de/((?:[\w-]+/)*)">')

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

# ``type:`` of the page file in seiten/ that is the accessibility statement.
STATEMENT_TYPE = "erklaerung-barrierefreiheit"
INDEX_MODELS: dict[str, type[Page]] = {
    "regionen": RegionIndexPage,
    "veranstaltungen": EventIndexPage,
    "aktuelles": NewsIndexPage,
    "good-practice-kriterien": CriteriaIndexPage,
    "praxisdatenbank": PracticeIndexPage,
}

# Vocabulary fields of a practice example -> their model (German rows by slug).
PRACTICE_TERMS = {
    "handlungsfelder": Handlungsfeld,
    "lebensphasen": Lebensphase,
    "zielgruppen": Zielgruppe,
}


def berlin(value: dt.datetime) -> dt.datetime:
    """A naive wall-clock time in Berlin as an aware datetime."""
    return value.replace(tzinfo=BERLIN)


def midday(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, 0, tzinfo=BERLIN)


def ensure_keyword_translations(
    names: dict[str, str], locale: Locale, count: Callable[[str, bool], None]
) -> None:
    """Gives each existing keyword of ``names`` (German -> English, keywords.yaml)
    its English name, unless it has one: a name an editor gave since stays."""
    for keyword in Schlagwort.objects.filter(name__in=names).prefetch_related("translations"):
        translated = any(t.locale_id == locale.pk for t in keyword.translations.all())
        if not translated:
            set_translation(keyword, locale, names[keyword.name])
        count("Englische Schlagwörter", not translated)


class DemoBuilder:
    """Creates what is missing of the demo site and counts what it did."""

    def __init__(self, demo_accounts: bool | None = None, content_dir: str | None = None) -> None:
        self.content = DemoContent(content_dir)
        self.demo_accounts = (
            getattr(settings, "DEMO_ACCOUNTS", False) if demo_accounts is None else demo_accounts
        )
        self.created: Counter[str] = Counter()
        self.unchanged: Counter[str] = Counter()
        self.materials: dict[str, Material] = {}
        self.regions: dict[str, RegionPage] = {}
        self.criteria: dict[int, CriterionPage] = {}
        self.groups: dict[str, Group] = {}
        self.admin_password_valid = False
        # (username, description) of the role accounts whose password is the demo one.
        self.role_accounts: list[tuple[str, str]] = []
        self._to_reindex: list[Any] = []
        # (data, German page) of every page with an English version, parents first.
        self._with_english: list[tuple[PageFile, Page]] = []
        # File -> fields of its English page marked "~" (not yet translated).
        self.untranslated: dict[str, list[str]] = {}
        # What the loader left out and why (e.g. the DGS page without ffmpeg).
        self.warnings: list[str] = []

    # -- bookkeeping -------------------------------------------------------

    def _count(self, label: str, created: bool) -> None:
        (self.created if created else self.unchanged)[label] += 1

    # -- entry point -------------------------------------------------------

    def build(self) -> None:
        c = self.content
        with transaction.atomic():
            self.de = Locale.objects.get_or_create(language_code="de")[0]
            self.en = Locale.objects.get_or_create(language_code="en")[0]
            home = self.ensure_home()
            self.ensure_site(home)
            self.ensure_groups()
            self.ensure_materials()
            indexes = {slug: self.ensure_index(home, data) for slug, data in c.indexes.items()}
            for data in c.standard_pages:
                self.ensure_standard_page(home, data)
            for data in c.german_only_pages:  # they link the standard pages
                self.ensure_german_only_page(home, data)
            for data in c.criteria:
                self.ensure_criterion(indexes["good-practice-kriterien"], data)
            for data in c.regions:
                self.ensure_region(indexes["regionen"], data)
            for data in c.events:
                self.ensure_event(indexes["veranstaltungen"], data)
            for data in c.news:
                self.ensure_news(indexes["aktuelles"], data)
            for data in c.practice:
                self.ensure_practice(indexes["praxisdatenbank"], data)
            for data, page in self._with_english:
                self.ensure_translation(data, page)
            ensure_keyword_translations(c.keywords, self.en, self._count)
            if c.untranslated_keywords():
                self.untranslated["keywords.yaml"] = c.untranslated_keywords()
            if self.demo_accounts:
                self.ensure_demo_users()
                self.ensure_role_users()
            for obj in self._to_reindex:
                # Tags saved together with a publish reach the index one save late;
                # index the finished objects once more.
                index.insert_or_update_object(obj)

    # -- pages -------------------------------------------------------------

    def _stream(self, blocks: Iterable[Any]) -> list[dict[str, Any]]:
        """Raw StreamField data from the files' block list (see content/README.md)."""
        return [self._block(block) for block in blocks]

    def _block(self, block: dict[str, Any]) -> dict[str, Any]:
        ((kind, value),) = block.items()
        if kind == "heading" and isinstance(value, str):
            value = {"text": value, "level": "h2"}
        elif kind == "document":
            value = {
                "document": self.materials[value["material"]].pk,
                "title": value.get("title", ""),
            }
        elif kind == "quote":
            value = {"text": value["text"], "attribution": value.get("attribution", "")}
        elif kind == "paragraph":
            value = self._page_links(value)
        elif kind == "link":  # Leichte Sprache: {page: /de/…/, text: …}
            value = {"page": self._page_at(value["page"]).pk, "text": value["text"]}
        return {"type": kind, "value": value}

    def _page_at(self, url: str) -> Page:
        """The German page at ``url`` (``/de/barrierefreiheit/``)."""
        path = url.removeprefix("/de/")
        page = Page.objects.filter(url_path=f"/home/{path}", locale=self.de).first()
        if page is None:
            raise ValueError(f"Link auf {url}: keine solche Seite (noch nicht angelegt?)")
        return page

    def _page_links(self, html: str) -> str:
        """Links to the site's own pages (``href="/de/veranstaltungen/"``) as Wagtail page
        links, which each language renders as its own translation of the page."""

        def page_link(match: re.Match[str]) -> str:
            path = match.group(1)
            page = Page.objects.filter(url_path=f"/home/{path}", locale=self.de).first()
            if page is None:
                raise ValueError(f"Link auf /de/{path}: keine solche Seite (noch nicht angelegt?)")
            return f'<a linktype="page" id="{page.pk}">'

        return INTERNAL_LINK.sub(page_link, html)

    @staticmethod
    def _stages(levels: Iterable[dict[str, str]]) -> list[dict[str, Any]]:
        return [
            {"type": "stage", "value": {"name": level["name"], "description": level["description"]}}
            for level in levels
        ]

    def _publish(self, page: Page, first_published: dt.datetime | None = None) -> None:
        page.save_revision(log_action=True).publish()
        if first_published is not None:
            Page.objects.filter(pk=page.pk).update(first_published_at=first_published)
            page.first_published_at = first_published
        self._to_reindex.append(page)

    def ensure_child(
        self,
        parent: Page,
        slug: str,
        label: str,
        build: Callable[[], Page],
        first_published: dt.datetime | None = None,
        after_create: Callable[[Page], None] | None = None,
        data: PageFile | None = None,
    ) -> tuple[Page, bool]:
        """The child of ``parent`` with ``slug``; built and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            self._count(label, created=False)
            page, created = existing.specific, False
        else:
            page = build()
            page.slug = slug
            page.locale = parent.locale if not parent.is_root() else self.de
            page.live = False
            parent.add_child(instance=page)
            if after_create is not None:
                after_create(page)
            self._publish(page, first_published)
            self._count(label, created=True)
            created = True
        if data is not None and data.en is not None:
            self._with_english.append((data, page))
        return page, created

    def ensure_home(self) -> HomePage:
        data = self.content.start
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(depth=2, locale=self.de).first()
        if home is not None:
            self._count("Startseite", created=False)
            if data.en is not None:
                self._with_english.append((data, home))
            return home
        # Wagtail's initial "Welcome to your new Wagtail site!" page occupies the slug
        # "home"; remove it (deleting it also removes the site pointing to it, which
        # ensure_site recreates).
        plain_page = ContentType.objects.get_for_model(Page)
        for welcome in Page.objects.filter(depth=2, content_type=plain_page, slug="home"):
            if welcome.get_children_count() == 0:
                welcome.delete()
        page, _created = self.ensure_child(
            root,
            data.slug,
            "Startseite",
            lambda: HomePage(**self._home_fields(data.de)),
            data=data,
        )
        return page

    def _home_fields(self, text: dict[str, Any]) -> dict[str, Any]:
        return {
            "title": text["title"],
            "intro": text["intro"],
            "body": self._stream(text["body"]),
            "seo_title": text.get("seo_title", ""),
            "search_description": text.get("search_description", ""),
        }

    def ensure_site(self, home: HomePage) -> None:
        # Full URLs in feeds, iCalendar and the sitemap come from the Site, so it
        # carries the configured origin (BASE_URL, home/base_url.py).
        hostname, port = site_address()
        site_name = self.content.site_name
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname=hostname,
                port=port,
                site_name=site_name,
                root_page=home,
                is_default_site=True,
            )
            self._count("Site", created=True)
            return
        wanted = {
            "hostname": hostname,
            "port": port,
            "site_name": site_name,
            "root_page_id": home.pk,
        }
        changed = [name for name, value in wanted.items() if getattr(site, name) != value]
        if changed:
            for name in changed:
                setattr(site, name, wanted[name])
            site.save()
        self._count("Site", created=bool(changed))

    def _index_fields(self, data: PageFile, text: dict[str, Any]) -> dict[str, Any]:
        fields = {
            "title": text["title"],
            "intro": self._page_links(text["intro"]),
            "show_in_menus": data.get("show_in_menus", False),
        }
        if "submission_intro" in text:  # the Praxisdatenbank
            fields["submission_intro"] = self._page_links(text["submission_intro"])
        return fields

    def ensure_index(self, home: HomePage, data: PageFile) -> Page:
        model = INDEX_MODELS[data.slug]
        page, _created = self.ensure_child(
            home,
            data.slug,
            "Übersichtsseiten",
            lambda: model(**self._index_fields(data, data.de)),
            data=data,
        )
        return page

    def _standard_fields(self, data: PageFile, text: dict[str, Any]) -> dict[str, Any]:
        return {
            "title": text["title"],
            "intro": text.get("intro", ""),
            "body": self._stream(text.get("body", [])),
            "show_in_menus": data.get("show_in_menus", False),
            "search_description": text.get("search_description", ""),
        }

    def _statement_fields(self, data: PageFile, text: dict[str, Any]) -> dict[str, Any]:
        """The accessibility statement (``type: erklaerung-barrierefreiheit``): a
        content page with the compliance status, the last review and the
        Schlichtungsstelle as fields."""
        return {
            **self._standard_fields(data, text),
            "compliance": data.get("compliance", "partially"),
            "last_review": parse_date(data.get("last_review")),
            "arbitration_name": text["arbitration_name"],
            "arbitration_address": text["arbitration_address"],
            "arbitration_url": data.get("arbitration_url", ""),
            "arbitration_email": data.get("arbitration_email", ""),
        }

    def ensure_standard_page(self, home: HomePage, data: PageFile) -> Page:
        if data.get("type") == STATEMENT_TYPE:
            label, build = (
                "Erklärung zur Barrierefreiheit",
                lambda: AccessibilityStatementPage(**self._statement_fields(data, data.de)),
            )
        else:
            label, build = (
                "Inhaltsseiten",
                lambda: StandardPage(**self._standard_fields(data, data.de)),
            )
        page, _created = self.ensure_child(home, data.slug, label, build, data=data)
        return page

    def ensure_german_only_page(self, home: HomePage, data: PageFile) -> Page | None:
        """The page in Leichte Sprache or in DGS (``type:``), German only. The DGS
        page is made with its placeholder clip; without ffmpeg it is left out with a
        warning (no page rather than one without its video: the header links only
        live pages), and a later run with ffmpeg adds it."""
        text = data.de

        def easy_read() -> EasyReadPage:
            return EasyReadPage(
                title=text["title"],
                body=self._stream(text["body"]),
                search_description=text.get("search_description", ""),
            )

        def sign_language() -> SignLanguagePage:
            page = SignLanguagePage(
                title=text["title"],
                intro=self._page_links(text.get("intro", "")),
                search_description=text.get("search_description", ""),
            )
            page.videos.add(*(self._sign_language_video(video) for video in text["videos"]))
            return page

        build = easy_read if data.get("type") == "leichte-sprache" else sign_language
        try:
            page, _created = self.ensure_child(
                home, data.slug, "Leichte Sprache und Gebärdensprache", build
            )
        except ClipError as error:
            self.warnings.append(f"{data.name}: Seite nicht angelegt, das Video fehlt: {error}")
            return None
        return page

    def _sign_language_video(self, data: dict[str, Any]) -> SignLanguageVideo:
        """A video row with the generated placeholder clip and its captions."""
        clip = make_clip(data["seconds"], data["lines"])
        name = data["file"]
        video = SignLanguageVideo(
            title=data["title"], transcript=self._page_links(data["transcript"])
        )
        video.webm.save(f"{name}.webm", ContentFile(clip.webm), save=False)
        if clip.mp4 is not None:
            video.mp4.save(f"{name}.mp4", ContentFile(clip.mp4), save=False)
        cues = [Cue(start, end, cue_text) for start, end, cue_text in data["captions"]]
        video.captions.save(f"{name}.vtt", ContentFile(webvtt(cues).encode()), save=False)
        self._count("Videos (Gebärdensprache)", created=True)
        return video

    def _criterion_fields(self, data: PageFile, text: dict[str, Any]) -> dict[str, Any]:
        return {
            "title": text["title"],
            "number": data.get("number"),
            "former_name": text.get("former_name", ""),
            "definition": text.get("definition", ""),
            "levels": self._stages(text.get("levels", [])),
            "explanation": text.get("explanation", ""),
            "literature": text.get("literature", ""),
        }

    def ensure_criterion(self, parent: Page, data: PageFile) -> CriterionPage:
        page, _created = self.ensure_child(
            parent,
            data.slug,
            "Kriterien",
            lambda: CriterionPage(**self._criterion_fields(data, data.de)),
            first_published=midday(parse_date(data.get("first_published"))),
            data=data,
        )
        self.criteria[data.get("number")] = page
        return page

    def _bundesland(self, code: str | None) -> Bundesland | None:
        if code is None:
            return None
        return Bundesland.objects.get(code=code, locale=self.de)

    def _contact(self, key: str, sort_order: int, language: str = "de") -> RegionContact:
        """A contact as inline data of a region page (translated with the page)."""
        data = self.content.contacts[key]
        text = data[language]
        return RegionContact(
            sort_order=sort_order,
            role=text["role"],
            organisation=text["organisation"],
            email=data["email"],
            phone=data.get("phone", ""),
            address=text.get("address", ""),
        )

    def _region_fields(self, data: PageFile, text: dict[str, Any]) -> dict[str, Any]:
        return {
            "title": text["title"],
            "kind": data.get("kind"),
            "role": data.get("role"),
            "bundesland": self._bundesland(data.get("bundesland")),
            "network_name": text.get("network_name", ""),
            "process_phase": data.get("process_phase"),
            "joined": parse_date(data.get("joined")),
            "intro": text.get("intro", ""),
            "body": self._stream(text.get("body", [])),
            "search_description": text.get("intro", ""),
        }

    def ensure_region(self, parent: Page, data: PageFile) -> RegionPage:
        def build() -> RegionPage:
            page = RegionPage(**self._region_fields(data, data.de))
            page.tags.add(*data.get("tags", []))
            page.contacts.add(
                *(self._contact(key, i) for i, key in enumerate(data.get("contacts", [])))
            )
            page.partners.add(
                *(
                    RegionPartner(name=partner["name"], url=partner.get("url", ""))
                    for partner in data.get("partners", [])
                )
            )
            page.material_links.add(
                *(RegionMaterial(document=self.materials[key]) for key in data.get("materials", []))
            )
            page.criterion_links.add(
                *(
                    RegionCriterion(criterion=self.criteria[number])
                    for number in data.get("criteria", [])
                )
            )
            return page

        page, _created = self.ensure_child(
            parent,
            data.slug,
            "Regionen",
            build,
            first_published=midday(parse_date(data.get("joined"))),
            data=data,
        )
        self.regions[data.slug] = page
        if data.get("results"):
            self.ensure_results(page, data)
        return page

    def ensure_results(self, region: RegionPage, data: PageFile) -> None:
        group = self.groups[data.slug]
        results_data = PageFile(f"{data.name} (results)", data.get("results"))

        def restrict(page: Page) -> None:
            # Restrict before the first publish, so the page is never public.
            restriction = PageViewRestriction.objects.create(
                page=page, restriction_type=BaseViewRestriction.GROUPS
            )
            restriction.groups.set([group])

        results, _created = self.ensure_child(
            region,
            results_data.slug,
            "Geschützte Ergebnisseiten",
            lambda: RegionResultsPage(**self._results_fields(results_data, results_data.de)),
            after_create=restrict,
            data=results_data,
        )
        # Also repair a results page whose restriction was removed.
        if not PageViewRestriction.objects.filter(page=results).exists():
            restrict(results)
            self._count("Zugriffsbeschränkungen", created=True)

    def _results_fields(self, data: PageFile, text: dict[str, Any]) -> dict[str, Any]:
        return {
            "title": text["title"],
            "body": self._stream(text.get("body", [])),
            "search_description": text.get("search_description", ""),
        }

    def _event_fields(self, data: PageFile, text: dict[str, Any]) -> dict[str, Any]:
        deadline = data.get("registration_deadline")
        return {
            "title": text["title"],
            "start": berlin(parse_datetime(data.get("start"))),
            "end": berlin(parse_datetime(data.get("end"))),
            "place": text.get("place", ""),
            "venue": text.get("venue", ""),
            "address": text.get("address", ""),
            "online": data.get("online", False),
            "bundesland": self._bundesland(data.get("bundesland")),
            "organiser": text.get("organiser", ""),
            "category": EventCategory.objects.get(slug=data.get("category"), locale=self.de),
            "teaser": text.get("teaser", ""),
            "body": self._stream(text.get("body", [])),
            "registration_url": data.get("registration_url", ""),
            "registration_deadline": parse_date(deadline) if deadline else None,
            "registration_info": text.get("registration_info", ""),
            "search_description": text.get("teaser", ""),
        }

    def ensure_event(self, parent: Page, data: PageFile) -> EventPage:
        def build() -> EventPage:
            page = EventPage(**self._event_fields(data, data.de))
            page.tags.add(*data.get("tags", []))
            page.material_links.add(
                *(EventMaterial(document=self.materials[key]) for key in data.get("materials", []))
            )
            page.criterion_links.add(
                *(
                    EventCriterion(criterion=self.criteria[number])
                    for number in data.get("criteria", [])
                )
            )
            page.region_links.add(
                *(EventRegion(region=self.regions[slug]) for slug in data.get("regions", []))
            )
            return page

        # Announced about two months ahead; upcoming events count as published now.
        announced: dt.datetime | None = berlin(parse_datetime(data.get("start"))) - dt.timedelta(
            days=60
        )
        if announced > timezone.now():
            announced = None
        page, _created = self.ensure_child(
            parent, data.slug, "Veranstaltungen", build, first_published=announced, data=data
        )
        return page

    def _news_fields(self, data: PageFile, text: dict[str, Any]) -> dict[str, Any]:
        return {
            "title": text["title"],
            "date": parse_date(data.get("date")),
            "author": text.get("author", ""),
            "teaser": text.get("teaser", ""),
            "body": self._stream(text.get("body", [])),
            "search_description": text.get("teaser", ""),
        }

    def ensure_news(self, parent: Page, data: PageFile) -> NewsPage:
        def build() -> NewsPage:
            page = NewsPage(**self._news_fields(data, data.de))
            page.tags.add(*data.get("tags", []))
            page.region_links.add(
                *(NewsRegion(region=self.regions[slug]) for slug in data.get("regions", []))
            )
            return page

        page, _created = self.ensure_child(
            parent,
            data.slug,
            "Nachrichten",
            build,
            first_published=midday(parse_date(data.get("date"))),
            data=data,
        )
        return page

    def _practice_fields(self, data: PageFile, text: dict[str, Any]) -> dict[str, Any]:
        end = data.get("end")
        region = data.get("region")
        return {
            "title": text["title"],
            "region": self.regions[region] if region else None,
            "municipality": text.get("municipality", ""),
            "bundesland": self._bundesland(data.get("bundesland")),
            "start_date": parse_date(data.get("start")),
            "end_date": parse_date(end) if end else None,
            "teaser": text["teaser"],
            "body": self._stream(text.get("body", [])),
            "contact_role": text["contact_role"],
            "contact_organisation": text["contact_organisation"],
            "contact_email": data.get("contact_email", ""),
            "contact_url": data.get("contact_url", ""),
            "search_description": text["teaser"],
        }

    def _assessments(self, data: PageFile, reasons: dict[int, str]) -> list[PracticeAssessment]:
        """The self-assessment on every criterion, in the criteria's order: the stage
        number from ``assessment:``, the justification from ``reasons``."""
        return [
            PracticeAssessment(
                sort_order=index,
                criterion=self.criteria[number],
                level=level,
                justification=reasons[number],
            )
            for index, (number, level) in enumerate(sorted(data.get("assessment").items()))
        ]

    def ensure_practice(self, parent: Page, data: PageFile) -> PracticePage:
        def build() -> PracticePage:
            page = PracticePage(**self._practice_fields(data, data.de))
            page.tags.add(*data.get("tags", []))
            for name, model in PRACTICE_TERMS.items():
                getattr(page, name).set(
                    [model.objects.get(slug=slug, locale=self.de) for slug in data.get(name, [])]
                )
            page.material_links.add(
                *(
                    PracticeMaterial(document=self.materials[key])
                    for key in data.get("materials", [])
                )
            )
            page.assessments.add(*self._assessments(data, data.de["justifications"]))
            return page

        page, _created = self.ensure_child(
            parent,
            data.slug,
            "Praxisbeispiele",
            build,
            first_published=midday(parse_date(data.get("published", data.get("start")))),
            data=data,
        )
        return page

    # Builds the unsaved page of a file's text, by the German page's class.
    def _fields_for(self, page: Page) -> Callable[[PageFile, dict[str, Any]], dict[str, Any]]:
        for model, method in (
            (HomePage, lambda data, text: self._home_fields(text)),
            (StandardPage, self._standard_fields),
            (AccessibilityStatementPage, self._statement_fields),
            (CriterionPage, self._criterion_fields),
            (RegionPage, self._region_fields),
            (RegionResultsPage, self._results_fields),
            (EventPage, self._event_fields),
            (NewsPage, self._news_fields),
            (PracticePage, self._practice_fields),
        ):
            if isinstance(page, model):
                return method
        return self._index_fields

    def ensure_translation(self, data: PageFile, source: Page) -> Page | None:
        """The English page of ``source`` from ``data.en``, made through wagtail-localize."""
        existing = source.get_translation_or_none(self.en)
        if existing is not None:
            self._count("Englische Seiten", created=False)
            return existing.specific
        parent = source.get_parent()
        if not parent.is_root() and not parent.has_translation(self.en):
            raise data.error(
                "en: die Elternseite hat keine englische Fassung; erst dort „en:“ anlegen"
            )
        fields = self._fields_for(source)

        def english_copy(text: EnglishText) -> Page:
            values = {**fields(data, text.values), "slug": data.en["slug"]}
            for name in STREAM_KEYS:
                if name in values:
                    values[name] = copy_block_ids(values[name], getattr(source, name))
            copy = type(source)(**values)
            # Search descriptions the loader derives from a text marked "~" stay German too.
            for derived in ("intro", "teaser"):
                if derived in text.untranslated and source.search_description == data.de.get(
                    derived
                ):
                    text.untranslated.add("search_description")
            if isinstance(source, RegionPage):
                rows = list(source.contacts.order_by("sort_order"))
                for index, (key, row) in enumerate(
                    zip(data.get("contacts", []), rows, strict=True)
                ):
                    language = "en" if self.content.contacts[key].get("en") else "de"
                    if language == "de":
                        text.untranslated.add(f"contacts.{index}")
                    contact = self._contact(key, index, language)
                    contact.translation_key = row.translation_key
                    copy.contacts.add(contact)
            if isinstance(source, PracticePage):
                copy.assessments.add(*self._english_assessments(data, source, text))
            return copy

        page, untranslated = translate_page(data, source, english_copy, self.en)
        self._publish(page, first_published=source.first_published_at)
        self._count("Englische Seiten", created=True)
        if untranslated:
            self.untranslated[data.name] = untranslated
        return page

    def _english_assessments(
        self, data: PageFile, source: PracticePage, text: EnglishText
    ) -> list[PracticeAssessment]:
        """The assessment rows of the English copy: the German rows' translation keys
        with the English justifications (``~``: the German one, reported)."""
        german = data.de["justifications"]
        english = text.values["justifications"]
        reasons = {}
        for position, number in enumerate(sorted(german)):
            if english is german or english.get(number) is None:
                text.untranslated.add(f"assessments.{position}")
                reasons[number] = german[number]
            else:
                reasons[number] = english[number]
        rows = self._assessments(data, reasons)
        for row, original in zip(rows, source.assessments.order_by("sort_order"), strict=True):
            row.translation_key = original.translation_key
        return rows

    # -- documents, snippets, groups, users ----------------------------------

    def _collection(self, name: str) -> Collection:
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=name).first()
        if existing is not None:
            return existing
        self._count("Sammlungen", created=True)
        return root.add_child(name=name)

    def ensure_materials(self) -> None:
        c = self.content
        public = self._collection(c.collections["public"])
        internal = self._collection(c.collections["internal"])
        if not CollectionViewRestriction.objects.filter(collection=internal).exists():
            restriction = CollectionViewRestriction.objects.create(
                collection=internal, restriction_type=BaseViewRestriction.GROUPS
            )
            restriction.groups.set(list(self.groups.values()))
            self._count("Zugriffsbeschränkungen", created=True)
        for data in c.materials:
            key = data["key"]
            material = Material.objects.filter(title=data["title"]).first()
            if material is not None:
                self._count("Materialien (PDF)", created=False)
                self.materials[key] = material
                continue
            sections = [(section["heading"], section["text"]) for section in data["sections"]]
            pdf = build_pdf(
                data["title"], sections, author=data["author"], subtitle=data["subtitle"]
            )
            material = Material(
                title=data["title"],
                kind=data["kind"],
                description=data["description"],
                # Without a date the material takes its event's day (or today).
                date=parse_date(data["date"]) if data.get("date") else None,
                collection=internal if data.get("internal") else public,
                review_state=ReviewState.APPROVED,  # the demo's materials are reviewed
            )
            material.file.save(data["filename"], ContentFile(pdf), save=False)
            material._set_document_file_metadata()
            material.save()
            # The demo's PDFs are searchable at once, with or without a worker:
            # their text is read here, by the task's own code (the queued task
            # then finds nothing left to do).
            extract_now(material)
            if data.get("tags"):
                material.tags.add(*data["tags"])
            self._to_reindex.append(material)
            self.materials[key] = material
            self._count("Materialien (PDF)", created=True)

    def ensure_groups(self) -> None:
        titles = {region.slug: region.de["title"] for region in self.content.regions}
        for slug in self.content.model_regions:
            group, created = Group.objects.get_or_create(name=network_group_name(titles[slug]))
            self.groups[slug] = group
            self._count("Netzwerk-Gruppen", created)

    def ensure_demo_users(self) -> None:
        accounts = self.content.accounts
        password = accounts["password"]
        user_model = get_user_model()
        admin_data = accounts["admin"]
        admin = user_model.objects.filter(username=admin_data["username"]).first()
        if admin is None:
            admin = user_model.objects.create_superuser(
                username=admin_data["username"], email=admin_data["email"], password=password
            )
            self._count("Demo-Konten", created=True)
        else:
            self._count("Demo-Konten", created=False)
        self.admin_password_valid = admin.check_password(password)

        member_data = accounts["network_member"]
        member = user_model.objects.filter(username=member_data["username"]).first()
        if member is None:
            member = user_model.objects.create_user(
                username=member_data["username"], email=member_data["email"], password=password
            )
            member.groups.add(self.groups[member_data["region"]])
            self._count("Demo-Konten", created=True)
        else:
            self._count("Demo-Konten", created=False)

    def _role_group(self, role: str) -> Group:
        """The editorial group of ``role`` by its editorial/roles.py name.

        Only the group is created here; ``manage.py apply_editorial`` gives it its
        rights (and would create it too)."""
        if role.startswith("regional:"):
            name = regional_group_name(self.regions[role.split(":", 1)[1]])
        else:
            name = {"redaktion": REDAKTION, "moderation": MODERATION}.get(role, ADMINISTRATION)
        group, created = Group.objects.get_or_create(name=name)
        self._count("Redaktionsgruppen", created)
        return group

    def ensure_role_users(self) -> None:
        """One demo account per editorial role (issue #3)."""
        user_model = get_user_model()
        password = self.content.accounts["password"]
        for data in self.content.accounts["roles"]:
            group = self._role_group(data["role"])
            user = user_model.objects.filter(username=data["username"]).first()
            if user is None:
                user = user_model.objects.create_user(
                    username=data["username"],
                    email=f"{data['username']}@gesunde-kommune.example.org",
                    password=password,
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                )
                user.groups.add(group)
                self._count("Demo-Konten", created=True)
            else:
                self._count("Demo-Konten", created=False)
            if user.check_password(password):
                self.role_accounts.append((data["username"], data["description"]))
