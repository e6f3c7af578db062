"""Builds the demo site from ``home.demo.content``, idempotently.

Every object is looked up first (pages by parent and slug, documents by title,
snippets, groups and users by their natural keys) and only created when it is
missing, so a second run changes nothing: no new pages, revisions, documents,
users or groups. Existing objects are left as editors may have changed them."""

from __future__ import annotations

import datetime as dt
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
from materials.models import Material, ReviewState
from materials.tasks import extract_now
from news.models import NewsIndexPage, NewsPage, NewsRegion
from regions.models import (
    RegionContact,
    RegionCriterion,
    RegionIndexPage,
    RegionMaterial,
    RegionPage,
    RegionPartner,
    RegionResultsPage,
)

from ..base_url import site_address
from ..models import Bundesland, HomePage, StandardPage
from . import content as c
from .pdfs import build_pdf

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

INDEX_MODELS: dict[str, type[Page]] = {
    "regionen": RegionIndexPage,
    "veranstaltungen": EventIndexPage,
    "aktuelles": NewsIndexPage,
    "good-practice-kriterien": CriteriaIndexPage,
}


def berlin(value: dt.datetime) -> dt.datetime:
    """A naive wall-clock time in Berlin as an aware datetime."""
    return value.replace(tzinfo=BERLIN)


def midday(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, 0, tzinfo=BERLIN)


class DemoBuilder:
    """Creates what is missing of the demo site and counts what it did."""

    def __init__(self, demo_accounts: bool | None = None) -> None:
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

    # -- bookkeeping -------------------------------------------------------

    def _count(self, label: str, created: bool) -> None:
        (self.created if created else self.unchanged)[label] += 1

    # -- entry point -------------------------------------------------------

    def build(self) -> None:
        with transaction.atomic():
            self.de = Locale.objects.get_or_create(language_code="de")[0]
            self.en = Locale.objects.get_or_create(language_code="en")[0]
            home = self.ensure_home()
            self.ensure_site(home)
            self.ensure_groups()
            self.ensure_materials()
            indexes = {
                slug: self.ensure_index(home, slug, model) for slug, model in INDEX_MODELS.items()
            }
            for data in c.STANDARD_PAGES:
                self.ensure_standard_page(home, data)
            for data in c.CRITERIA:
                self.ensure_criterion(indexes["good-practice-kriterien"], data)
            for data in c.REGIONS:
                self.ensure_region(indexes["regionen"], data)
            for data in c.EVENTS:
                self.ensure_event(indexes["veranstaltungen"], data)
            for data in c.NEWS:
                self.ensure_news(indexes["aktuelles"], data)
            for data in c.TRANSLATIONS:
                self.ensure_translation(home, data)
            if self.demo_accounts:
                self.ensure_demo_users()
                self.ensure_role_users()
            for obj in self._to_reindex:
                # Tags saved together with a publish reach the index one save late;
                # index the finished objects once more.
                index.insert_or_update_object(obj)

    # -- pages -------------------------------------------------------------

    def _stream(self, blocks: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Raw StreamField data with material keys replaced by document ids."""
        result = []
        for block in blocks:
            if block["type"] == "document":
                value = dict(block["value"])
                value["document"] = self.materials[value["document"]].pk
                block = {"type": "document", "value": value}
            result.append(block)
        return result

    @staticmethod
    def _stages(levels: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
        return [
            {"type": "stage", "value": {"name": name, "description": description}}
            for name, description in levels
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
    ) -> tuple[Page, bool]:
        """The child of ``parent`` with ``slug``; built and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            self._count(label, created=False)
            return existing.specific, False
        page = build()
        page.slug = slug
        page.locale = parent.locale if not parent.is_root() else self.de
        page.live = False
        parent.add_child(instance=page)
        if after_create is not None:
            after_create(page)
        self._publish(page, first_published)
        self._count(label, created=True)
        return page, True

    def ensure_home(self) -> HomePage:
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(depth=2, locale=self.de).first()
        if home is not None:
            self._count("Startseite", created=False)
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
            "home",
            "Startseite",
            lambda: HomePage(
                title=c.HOME_TITLE,
                intro=c.HOME_INTRO,
                body=c.HOME_BODY,
                seo_title="Gesunde Kommune - Netzwerke für Gesundheitsförderung",
                search_description="Portal für kommunale Netzwerke der Gesundheitsförderung "
                "und Präventionsketten.",
            ),
        )
        return page

    def ensure_site(self, home: HomePage) -> None:
        # Full URLs in feeds, iCalendar and the sitemap come from the Site, so it
        # carries the configured origin (BASE_URL, home/base_url.py).
        hostname, port = site_address()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname=hostname,
                port=port,
                site_name=c.HOME_TITLE,
                root_page=home,
                is_default_site=True,
            )
            self._count("Site", created=True)
            return
        wanted = {
            "hostname": hostname,
            "port": port,
            "site_name": c.HOME_TITLE,
            "root_page_id": home.pk,
        }
        changed = [name for name, value in wanted.items() if getattr(site, name) != value]
        if changed:
            for name in changed:
                setattr(site, name, wanted[name])
            site.save()
        self._count("Site", created=bool(changed))

    def ensure_index(self, home: HomePage, slug: str, model: type[Page]) -> Page:
        data = c.INDEX_PAGES[slug]
        page, _created = self.ensure_child(
            home,
            slug,
            "Übersichtsseiten",
            lambda: model(title=data["title"], intro=data["intro"], show_in_menus=True),
        )
        return page

    def ensure_standard_page(self, home: HomePage, data: c.StandardPageData) -> StandardPage:
        page, _created = self.ensure_child(
            home,
            data.slug,
            "Inhaltsseiten",
            lambda: StandardPage(
                title=data.title,
                intro=data.intro,
                body=self._stream(data.body),
                show_in_menus=data.show_in_menus,
                search_description=data.search_description,
            ),
        )
        return page

    def ensure_criterion(self, parent: Page, data: c.CriterionData) -> CriterionPage:
        page, _created = self.ensure_child(
            parent,
            data.slug,
            "Kriterien",
            lambda: CriterionPage(
                title=data.title,
                number=data.number,
                former_name=data.former_name,
                definition=data.definition,
                levels=self._stages(data.levels),
                explanation=data.explanation,
                literature=data.literature,
            ),
            first_published=midday(dt.date(2021, 1, 15)),
        )
        self.criteria[data.number] = page
        return page

    def _bundesland(self, code: str | None) -> Bundesland | None:
        if code is None:
            return None
        return Bundesland.objects.get(code=code, locale=self.de)

    def ensure_region(self, parent: Page, data: c.RegionData) -> RegionPage:
        def build() -> RegionPage:
            page = RegionPage(
                title=data.title,
                kind=data.kind,
                role=data.role,
                bundesland=self._bundesland(data.bundesland),
                network_name=data.network_name,
                process_phase=data.process_phase,
                joined=data.joined,
                intro=data.intro,
                body=self._stream(data.body),
                search_description=data.intro,
            )
            page.tags.add(*data.tags)
            page.contacts.add(*(self._contact(key, i) for i, key in enumerate(data.contacts)))
            page.partners.add(*(RegionPartner(name=name, url=url) for name, url in data.partners))
            page.material_links.add(
                *(RegionMaterial(document=self.materials[key]) for key in data.materials)
            )
            page.criterion_links.add(
                *(RegionCriterion(criterion=self.criteria[number]) for number in data.criteria)
            )
            return page

        page, _created = self.ensure_child(
            parent, data.slug, "Regionen", build, first_published=midday(data.joined)
        )
        self.regions[data.slug] = page
        if data.results:
            self.ensure_results(page, data)
        return page

    def ensure_results(self, region: RegionPage, data: c.RegionData) -> None:
        group = self.groups[data.slug]

        def restrict(page: Page) -> None:
            # Restrict before the first publish, so the page is never public.
            restriction = PageViewRestriction.objects.create(
                page=page, restriction_type=BaseViewRestriction.GROUPS
            )
            restriction.groups.set([group])

        results, _created = self.ensure_child(
            region,
            "ergebnisse",
            "Geschützte Ergebnisseiten",
            lambda: RegionResultsPage(
                title="Ergebnisse",
                body=self._stream(data.results),
                search_description=f"Ausführliche Ergebnisse des Netzwerks {data.network_name}.",
            ),
            after_create=restrict,
        )
        # Also repair a results page whose restriction was removed.
        if not PageViewRestriction.objects.filter(page=results).exists():
            restrict(results)
            self._count("Zugriffsbeschränkungen", created=True)

    def ensure_event(self, parent: Page, data: c.EventData) -> EventPage:
        def build() -> EventPage:
            page = EventPage(
                title=data.title,
                start=berlin(data.start),
                end=berlin(data.end),
                place=data.place,
                venue=data.venue,
                address=data.address,
                online=data.online,
                bundesland=self._bundesland(data.bundesland),
                organiser=data.organiser,
                category=EventCategory.objects.get(slug=data.category, locale=self.de),
                teaser=data.teaser,
                body=self._stream(data.body),
                registration_url=data.registration_url,
                registration_deadline=data.registration_deadline,
                registration_info=data.registration_info,
                search_description=data.teaser,
            )
            page.tags.add(*data.tags)
            page.material_links.add(
                *(EventMaterial(document=self.materials[key]) for key in data.materials)
            )
            page.criterion_links.add(
                *(EventCriterion(criterion=self.criteria[number]) for number in data.criteria)
            )
            page.region_links.add(
                *(EventRegion(region=self.regions[slug]) for slug in data.regions)
            )
            return page

        # Announced about two months ahead; upcoming events count as published now.
        announced: dt.datetime | None = berlin(data.start) - dt.timedelta(days=60)
        if announced > timezone.now():
            announced = None
        page, _created = self.ensure_child(
            parent, data.slug, "Veranstaltungen", build, first_published=announced
        )
        return page

    def ensure_news(self, parent: Page, data: c.NewsData) -> NewsPage:
        def build() -> NewsPage:
            page = NewsPage(
                title=data.title,
                date=data.date,
                author=data.author,
                teaser=data.teaser,
                body=self._stream(data.body),
                search_description=data.teaser,
            )
            page.tags.add(*data.tags)
            page.region_links.add(*(NewsRegion(region=self.regions[slug]) for slug in data.regions))
            return page

        page, _created = self.ensure_child(
            parent, data.slug, "Nachrichten", build, first_published=midday(data.date)
        )
        return page

    def ensure_translation(self, home: HomePage, data: c.TranslationData) -> Page:
        source: Page = home
        for slug in data.path:
            source = source.get_children().get(slug=slug)
        source = source.specific
        existing = source.get_translation_or_none(self.en)
        if existing is not None:
            self._count("Englische Seiten", created=False)
            return existing.specific
        page = source.copy_for_translation(self.en, copy_parents=False, alias=False).specific
        # Vocabulary snippets have English rows: point the copy at them.
        for name in ("bundesland", "category"):
            snippet = getattr(page, name, None)
            if snippet is not None:
                setattr(page, name, snippet.get_translation_or_none(self.en) or snippet)
        page.slug = data.slug
        page.title = data.title
        page.seo_title = ""
        page.search_description = ""
        for name, value in data.fields.items():
            if name == "body":
                value = self._stream(value)
            elif name == "levels":
                value = self._stages(value)
            setattr(page, name, value)
        page.save()
        self._publish(page, first_published=source.first_published_at)
        self._count("Englische Seiten", created=True)
        return page

    # -- documents, snippets, groups, users ----------------------------------

    def _collection(self, name: str) -> Collection:
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=name).first()
        if existing is not None:
            return existing
        self._count("Sammlungen", created=True)
        return root.add_child(name=name)

    def ensure_materials(self) -> None:
        public = self._collection(c.PUBLIC_COLLECTION)
        internal = self._collection(c.INTERNAL_COLLECTION)
        if not CollectionViewRestriction.objects.filter(collection=internal).exists():
            restriction = CollectionViewRestriction.objects.create(
                collection=internal, restriction_type=BaseViewRestriction.GROUPS
            )
            restriction.groups.set(list(self.groups.values()))
            self._count("Zugriffsbeschränkungen", created=True)
        for data in c.MATERIALS:
            material = Material.objects.filter(title=data.title).first()
            if material is not None:
                self._count("Materialien (PDF)", created=False)
                self.materials[data.key] = material
                continue
            pdf = build_pdf(data.title, data.sections, author=data.author, subtitle=data.subtitle)
            material = Material(
                title=data.title,
                kind=data.kind,
                description=data.description,
                collection=internal if data.internal else public,
                review_state=ReviewState.APPROVED,  # the demo's materials are reviewed
            )
            material.file.save(data.filename, ContentFile(pdf), save=False)
            material._set_document_file_metadata()
            material.save()
            # The demo's PDFs are searchable at once, with or without a worker:
            # their text is read here, by the task's own code (the queued task
            # then finds nothing left to do).
            extract_now(material)
            if data.tags:
                material.tags.add(*data.tags)
            self._to_reindex.append(material)
            self.materials[data.key] = material
            self._count("Materialien (PDF)", created=True)

    @staticmethod
    def _contact(key: str, sort_order: int) -> RegionContact:
        """A contact as inline data of a region page (translated with the page)."""
        data = c.CONTACTS_BY_KEY[key]
        return RegionContact(
            sort_order=sort_order,
            role=data.role,
            organisation=data.organisation,
            email=data.email,
            phone=data.phone,
            address=data.address,
        )

    def ensure_groups(self) -> None:
        titles = {region.slug: region.title for region in c.REGIONS}
        for slug in c.MODEL_REGIONS:
            group, created = Group.objects.get_or_create(name=c.network_group_name(titles[slug]))
            self.groups[slug] = group
            self._count("Netzwerk-Gruppen", created)

    def ensure_demo_users(self) -> None:
        user_model = get_user_model()
        admin = user_model.objects.filter(username=c.DEMO_ADMIN_USERNAME).first()
        if admin is None:
            admin = user_model.objects.create_superuser(
                username=c.DEMO_ADMIN_USERNAME,
                email="admin@gesunde-kommune.example.org",
                password=c.DEMO_PASSWORD,
            )
            self._count("Demo-Konten", created=True)
        else:
            self._count("Demo-Konten", created=False)
        self.admin_password_valid = admin.check_password(c.DEMO_PASSWORD)

        member = user_model.objects.filter(username=c.DEMO_NETWORK_USERNAME).first()
        if member is None:
            member = user_model.objects.create_user(
                username=c.DEMO_NETWORK_USERNAME,
                email="netzwerk@gera.example.org",
                password=c.DEMO_PASSWORD,
            )
            member.groups.add(self.groups["gera"])
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
        for data in c.DEMO_ROLE_ACCOUNTS:
            group = self._role_group(data.role)
            user = user_model.objects.filter(username=data.username).first()
            if user is None:
                user = user_model.objects.create_user(
                    username=data.username,
                    email=f"{data.username}@gesunde-kommune.example.org",
                    password=c.DEMO_PASSWORD,
                    first_name=data.first_name,
                    last_name=data.last_name,
                )
                user.groups.add(group)
                self._count("Demo-Konten", created=True)
            else:
                self._count("Demo-Konten", created=False)
            if user.check_password(c.DEMO_PASSWORD):
                self.role_accounts.append((data.username, data.description))
