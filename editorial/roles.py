"""Roles and workflows of the editorial team, declared as data.

This module is the single place that says who may do what: `apply_editorial`
(editorial/setup.py) makes the database match it and removes any right of a
managed group that is not declared here. Change rights here, not in the admin.

- Redaktion: Seiten anlegen, bearbeiten, übersetzen und einreichen, nie
  veröffentlichen; Materialien und Bilder hochladen (Materialien zur Prüfung);
  Vokabulare nur auswählen, Schlagwörter vorschlagen.
- Regionale Redaktion <Region>: Seiten wie die Redaktion, aber nur im Teilbaum
  der eigenen Region; Materialien nur in der Sammlung der Region.
- Moderation: zusätzlich veröffentlichen (freigeben), zurückziehen, sperren;
  Vokabulare pflegen; die Einreichungen der Praxisdatenbank einsehen.
- Administration: alles, auch löschen und Benutzerkonten.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from regions.models import RegionPage

REDAKTION = "Redaktion"
MODERATION = "Moderation"
ADMINISTRATION = "Administration"
REGIONAL_GROUP_PREFIX = "Regionale Redaktion "
# Groups whose rights apply_editorial owns (regional groups are added per region).
FIXED_GROUP_NAMES = (REDAKTION, MODERATION, ADMINISTRATION)
# Regional groups are created for the regions of this locale (the source language).
REGION_SOURCE_LANGUAGE = "de"

WORKFLOW_STANDARD = "Redaktionelle Freigabe"
WORKFLOW_NEWS = "Zweistufige Freigabe (Aktuelles)"
TASK_STANDARD = "Redaktionelle Prüfung"
TASK_SUBJECT_REVIEW = "Fachliche Prüfung"
TASK_RELEASE = "Freigabe"

# Page scopes a role's page rights are granted on.
#   "site":   every locale's home page (all content of both languages)
#   "region": the group's region page and its translations
PageScope = Literal["site", "region"]
# Pages a workflow is assigned to: every HomePage or every NewsIndexPage.
WorkflowScope = Literal["home.HomePage", "news.NewsIndexPage"]


def regional_group_name(region: RegionPage) -> str:
    """Name of the group that edits one region, e.g. "Regionale Redaktion Gera".

    Uses the German (source) title, so a region's translations share the group."""
    source = region
    if region.locale.language_code != REGION_SOURCE_LANGUAGE:
        source = (
            region.get_translations(inclusive=True)
            .filter(locale__language_code=REGION_SOURCE_LANGUAGE)
            .first()
            or region
        )
    return f"{REGIONAL_GROUP_PREFIX}{source.title}"


@dataclass(frozen=True)
class Role:
    """One editorial group and everything it may do.

    ``page_permissions`` are wagtailcore codenames granted on ``page_scope``;
    ``collection_permissions`` ("app_label.codename") are granted on the root
    collection, ``region_collection_permissions`` on the region's collection
    ("Regionen" › <Region>, regional roles); ``model_permissions``
    ("app_label.codename") are plain Django permissions (admin access, snippets,
    translations, users)."""

    name: str
    description: str
    page_scope: PageScope
    page_permissions: tuple[str, ...]
    collection_permissions: tuple[str, ...]
    model_permissions: tuple[str, ...]
    region_collection_permissions: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaskDeclaration:
    """One review step; members of ``groups`` approve or reject."""

    name: str
    groups: tuple[str, ...]


@dataclass(frozen=True)
class WorkflowDeclaration:
    """A workflow, its steps in order and the pages it applies to (with their subtrees)."""

    name: str
    tasks: tuple[TaskDeclaration, ...]
    pages: WorkflowScope


ACCESS_ADMIN = ("wagtailadmin.access_admin",)

# Shared vocabularies (snippets). Contacts are part of the region pages.
VOCABULARY_MODELS = (
    "home.bundesland",
    "events.eventcategory",
    "home.schlagwort",
    # The Praxisdatenbank's vocabularies (practice/).
    "home.handlungsfeld",
    "home.lebensphase",
    "home.zielgruppe",
)


def _model_perms(actions: tuple[str, ...], models: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(
        f"{label}.{action}_{name}"
        for label, name in (model.split(".") for model in models)
        for action in actions
    )


# Editors (Redaktion, regional) choose and view vocabularies and may propose a
# keyword (home/moderation.py); only Moderation and Administration change them, a
# moderator's change being its own approval.
VOCABULARY_EDIT = _model_perms(("view",), VOCABULARY_MODELS) + ("home.add_schlagwort",)
VOCABULARY_MODERATE = _model_perms(("add", "change", "view"), VOCABULARY_MODELS)
VOCABULARY_ALL = _model_perms(("add", "change", "delete", "view"), VOCABULARY_MODELS)
SUBMIT_TRANSLATION = ("wagtail_localize.submit_translation",)
USER_ADMIN = _model_perms(("add", "change", "delete", "view"), ("auth.user",))
REDIRECTS = _model_perms(("add", "change", "delete"), ("wagtailredirects.redirect",))
# The public submissions to the Praxisdatenbank (practice/admin_views.py): who
# submitted what; read-only, for those who decide on them.
SUBMISSIONS_VIEW = ("practice.view_submission",)
# Barriers reported through the accessibility statement (accessibility/admin_views.py):
# read them and set their status.
BARRIER_REPORTS = ("accessibility.view_barrierreport", "accessibility.change_barrierreport")

# Wagtail checks document rights against wagtaildocs.Document, also for the
# custom materials.Material model.
MEDIA_EDIT = (
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
)
# Regional editors: images as everyone (adding lets them edit their own only);
# materials only in their region's collection, where they edit all of them.
MEDIA_ADD_OWN = ("wagtailimages.add_image", "wagtailimages.choose_image")
MATERIALS_REGION = (
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)
MEDIA_ALL = MEDIA_EDIT + (
    "wagtaildocs.delete_document",
    "wagtailimages.delete_image",
    "wagtailcore.add_collection",
    "wagtailcore.change_collection",
    "wagtailcore.delete_collection",
)

EDIT_PAGES = ("add_page", "change_page")
MODERATE_PAGES = EDIT_PAGES + ("publish_page", "lock_page", "unlock_page")
ALL_PAGES = MODERATE_PAGES + ("bulk_delete_page",)

ROLES: tuple[Role, ...] = (
    Role(
        name=REDAKTION,
        description="Legt Seiten an, bearbeitet sie und reicht sie zur Freigabe ein.",
        page_scope="site",
        page_permissions=EDIT_PAGES,
        collection_permissions=MEDIA_EDIT,
        model_permissions=ACCESS_ADMIN + VOCABULARY_EDIT + SUBMIT_TRANSLATION,
    ),
    Role(
        name=MODERATION,
        description="Gibt eingereichte Seiten frei oder weist sie mit Begründung zurück; "
        "bearbeitet und zieht Seiten zurück.",
        page_scope="site",
        page_permissions=MODERATE_PAGES,
        collection_permissions=MEDIA_EDIT,
        model_permissions=ACCESS_ADMIN
        + VOCABULARY_MODERATE
        + SUBMIT_TRANSLATION
        + SUBMISSIONS_VIEW
        + BARRIER_REPORTS,
    ),
    Role(
        name=ADMINISTRATION,
        description="Darf alles: Seiten, Materialien, Vokabulare, Benutzerkonten.",
        page_scope="site",
        page_permissions=ALL_PAGES,
        collection_permissions=MEDIA_ALL,
        model_permissions=ACCESS_ADMIN
        + VOCABULARY_ALL
        + SUBMIT_TRANSLATION
        + USER_ADMIN
        + REDIRECTS
        + SUBMISSIONS_VIEW
        + BARRIER_REPORTS,
    ),
)

# The template for every "Regionale Redaktion <Region>" group; the name is filled in
# per region by regional_roles() in editorial/setup.py.
REGIONAL_ROLE = Role(
    name=REGIONAL_GROUP_PREFIX + "{region}",
    description="Wie die Redaktion, aber nur im Teilbaum der eigenen Region.",
    page_scope="region",
    page_permissions=EDIT_PAGES,
    region_collection_permissions=MATERIALS_REGION,
    collection_permissions=MEDIA_ADD_OWN,
    model_permissions=ACCESS_ADMIN + VOCABULARY_EDIT,
)

WORKFLOWS: tuple[WorkflowDeclaration, ...] = (
    WorkflowDeclaration(
        name=WORKFLOW_STANDARD,
        tasks=(TaskDeclaration(TASK_STANDARD, (MODERATION, ADMINISTRATION)),),
        pages="home.HomePage",
    ),
    WorkflowDeclaration(
        name=WORKFLOW_NEWS,
        tasks=(
            TaskDeclaration(TASK_SUBJECT_REVIEW, (MODERATION,)),
            TaskDeclaration(TASK_RELEASE, (MODERATION, ADMINISTRATION)),
        ),
        pages="news.NewsIndexPage",
    ),
)

# Groups that may approve in some workflow step (for review lists and notifications).
REVIEWER_GROUP_NAMES = (MODERATION, ADMINISTRATION)
# Groups that write but never publish.
AUTHOR_GROUP_NAMES = (REDAKTION,)


def is_regional_group_name(name: str) -> bool:
    """True for the names of "Regionale Redaktion <Region>" groups."""
    return name.startswith(REGIONAL_GROUP_PREFIX)


# Wagtail's initial data creates these; they are not part of this portal's roles.
# apply_editorial deletes the groups and retires the workflow, so nobody can
# publish by being put into a group nobody declared.
RETIRED_GROUP_NAMES: tuple[str, ...] = ("Editors", "Moderators")
RETIRED_WORKFLOW_NAMES: tuple[str, ...] = ("Moderators approval",)
