"""The smallest editorial site: two languages, two regions, the declared roles and
one user per role. Shared by the editorial tests (fixture in conftest.py,
``setUpTestData`` in the permission matrix)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from editorial.roles import ADMINISTRATION, MODERATION, REDAKTION, regional_group_name
from editorial.setup import apply_editorial_setup
from home.models import HomePage
from regions.models import RegionPage, RegionResultsPage
from tests.factories import RegionPageFactory, RegionResultsPageFactory, SiteTree, build_tree
from tests.factories.pages import translate

PASSWORD = "redaktion-test"  # noqa: S105

# Role keys used in the tests, with the groups their user belongs to.
ROLE_GROUPS: dict[str, tuple[str, ...]] = {
    "anonym": (),
    "redaktion": (REDAKTION,),
    "regional_innen": ("Regionale Redaktion Gera",),
    "regional_aussen": ("Regionale Redaktion Weimar",),
    "moderation": (MODERATION,),
    "administration": (ADMINISTRATION,),
}


@dataclass
class EditorialSite:
    tree: SiteTree
    home_en: HomePage
    gera: RegionPage
    weimar: RegionPage
    users: dict[str, object]

    def client_for(self, role: str) -> Client:
        client = Client()
        if self.users.get(role) is not None:
            client.force_login(self.users[role])
        return client


def build_editorial_site() -> EditorialSite:
    """de + en home pages, regions Gera and Weimar (both translated), roles applied."""
    tree = build_tree()
    home_en = tree.translate_home()
    gera = RegionPageFactory(parent=tree.regions, title="Gera", slug="gera")
    weimar = RegionPageFactory(parent=tree.regions, title="Weimar", slug="weimar")
    translate(gera)
    translate(weimar)
    apply_editorial_setup()
    assert regional_group_name(gera) == "Regionale Redaktion Gera"
    users: dict[str, object] = {"anonym": None}
    user_model = get_user_model()
    for role, groups in ROLE_GROUPS.items():
        if role == "anonym":
            continue
        user = user_model.objects.create_user(
            username=role, email=f"{role}@example.org", password=PASSWORD
        )
        user.groups.set(Group.objects.filter(name__in=groups))
        users[role] = user
    return EditorialSite(tree=tree, home_en=home_en, gera=gera, weimar=weimar, users=users)


def results_page(parent: Page, state: str, author) -> RegionResultsPage:
    """A page under ``parent`` in one state: "entwurf", "in_pruefung" or "live"."""
    page = RegionResultsPageFactory(
        parent=parent,
        title=f"Ergebnisse {state}",
        slug=f"ergebnisse-{state.replace('_', '-')}",
        live=state == "live",
    )
    if state == "in_pruefung":
        page.save_revision(user=author)
        page.get_workflow().start(page, author)
    return RegionResultsPage.objects.get(pk=page.pk)


def synced_translation(page: Page, language_code: str = "en") -> Page:
    """A wagtail-localize translation of ``page`` (a draft, as the settings demand)."""
    locale = Locale.objects.get(language_code=language_code)
    translate_object(page, [locale])
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    return translation.get_target_instance()
