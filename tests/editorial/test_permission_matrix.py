"""Who may do what to a page, checked through the real admin URLs.

Every cell of role × page state × action is one test: the action is performed
as that role with the test client (POST where the admin posts) and the test
asserts the effect in the database (live or not, revision saved, workflow
started, page moved), never only a status code. ALLOWED is the contract
(PRODUCT.md, "Roles and the editorial workflow"): a cell not listed there must
have no effect.

All pages under test sit in region Gera: "regional_innen" is Gera's regional
editor, "regional_aussen" Weimar's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page, Revision, TaskState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield
from wagtail_localize.models import Translation

from regions.models import RegionResultsPage
from tests.editorial.site import (
    ROLE_GROUPS,
    build_editorial_site,
    results_page,
    synced_translation,
)
from tests.editorial.ui_support import workflow_action_url

ROLES = tuple(ROLE_GROUPS)
STATES = ("entwurf", "in_pruefung", "live")
EDITORS = ("redaktion", "regional_innen")
REVIEWERS = ("moderation", "administration")
STAFF = EDITORS + REVIEWERS
ALL_STATES = frozenset(STATES)
NOT_IN_REVIEW = frozenset({"entwurf", "live"})

# action -> role -> states in which the action takes effect. Missing = never.
ALLOWED: dict[str, dict[str, frozenset[str]]] = {
    "oeffentlich_ansehen": {role: frozenset({"live"}) for role in ROLES},
    "vorschau": dict.fromkeys(STAFF, ALL_STATES),
    # A page in review is locked for everyone outside the reviewing groups.
    "bearbeiten": {**dict.fromkeys(EDITORS, NOT_IN_REVIEW), **dict.fromkeys(REVIEWERS, ALL_STATES)},
    "einreichen": dict.fromkeys(STAFF, NOT_IN_REVIEW),
    "freigeben": {role: frozenset({"in_pruefung"}) for role in REVIEWERS},
    "zurueckweisen": {role: frozenset({"in_pruefung"}) for role in REVIEWERS},
    "direkt_veroeffentlichen": dict.fromkeys(REVIEWERS, ALL_STATES),
    "zurueckziehen": {role: frozenset({"live"}) for role in REVIEWERS},
    "planen": dict.fromkeys(REVIEWERS, ALL_STATES),
    # Editors delete only drafts; deleting live content is the Administration's.
    # (the review lock keeps editors out while a page is in review).
    "loeschen": {
        **dict.fromkeys(EDITORS, frozenset({"entwurf"})),
        "moderation": frozenset({"entwurf", "in_pruefung"}),
        "administration": ALL_STATES,
    },
    # Moved to region Weimar, outside the regional editor's subtree.
    "verschieben": {"redaktion": frozenset({"entwurf"}), **dict.fromkeys(REVIEWERS, ALL_STATES)},
    "kopieren": dict.fromkeys(STAFF, ALL_STATES),
    "kopie_veroeffentlichen": {role: frozenset({"live"}) for role in REVIEWERS},
    "wiederherstellen_und_veroeffentlichen": dict.fromkeys(REVIEWERS, ALL_STATES),
    "verlauf_ansehen": dict.fromkeys(STAFF, ALL_STATES),
    "revisionen_vergleichen": dict.fromkeys(STAFF, ALL_STATES),
    "uebersetzen": dict.fromkeys(("redaktion", *REVIEWERS), ALL_STATES),
    "uebersetzung_veroeffentlichen": dict.fromkeys(REVIEWERS, ALL_STATES),
}

# Actions that only exist in some states (approve needs a running review, ...).
APPLICABLE_STATES: dict[str, frozenset[str]] = {
    "freigeben": frozenset({"in_pruefung"}),
    "zurueckweisen": frozenset({"in_pruefung"}),
    "zurueckziehen": frozenset({"live"}),
}


class MatrixCase:
    """One cell: a role's client, the page in its state and the site."""

    def __init__(self, test: PermissionMatrixTest, role: str, state: str):
        self.test = test
        self.role = role
        self.state = state
        self.page: RegionResultsPage = test.pages[state]
        self.client: Client = test.site.client_for(role)

    def fresh(self) -> RegionResultsPage | None:
        return RegionResultsPage.objects.filter(pk=self.page.pk).first()

    def edit_form(self, url: str | None = None, **changes) -> dict:
        """The page editor's form as an administrator sees it, with ``changes``."""
        admin = Client()
        admin.force_login(get_user_model().objects.get(username="superuser"))
        response = admin.get(url or reverse("wagtailadmin_pages:edit", args=[self.page.pk]))
        assert response.status_code == 200, response.status_code
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        data = {key: data.getlist(key) for key in data}
        # The StreamField editor is drawn by JavaScript; post an empty body.
        data.update(
            {key: [value] for key, value in nested_form_data({"body": streamfield([])}).items()}
        )
        data.update({key: [value] for key, value in changes.items()})
        return data

    def post_edit(self, **changes) -> None:
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.page.pk]), self.edit_form(**changes)
        )

    def latest_title(self) -> str:
        return self.fresh().get_latest_revision_as_object().title


def view_public(case: MatrixCase) -> bool:
    return (
        case.client.get(case.page.url or f"/de/regionen/gera/{case.page.slug}/").status_code == 200
    )


def preview(case: MatrixCase) -> bool:
    response = case.client.get(reverse("wagtailadmin_pages:view_draft", args=[case.page.pk]))
    return response.status_code == 200 and b"Ergebnisse" in response.content


def edit(case: MatrixCase) -> bool:
    case.post_edit(title="Geänderte Ergebnisse")
    return case.latest_title() == "Geänderte Ergebnisse"


def submit(case: MatrixCase) -> bool:
    before = case.page.current_workflow_state
    case.post_edit(**{"action-submit": "1"})
    state = case.fresh().current_workflow_state
    return state is not None and state != before


def _workflow_action(case: MatrixCase, action: str, **data) -> TaskState:
    task_state = case.page.current_workflow_task_state
    case.client.post(
        workflow_action_url(case.page, action, task_state),
        data,
    )
    task_state.refresh_from_db()
    return task_state


def approve(case: MatrixCase) -> bool:
    task_state = _workflow_action(case, "approve", comment="")
    return task_state.status == TaskState.STATUS_APPROVED and case.fresh().live


def reject(case: MatrixCase) -> bool:
    task_state = _workflow_action(case, "reject", comment="Bitte die Quellen ergänzen.")
    return task_state.status == TaskState.STATUS_REJECTED


def publish_directly(case: MatrixCase) -> bool:
    case.post_edit(title="Direkt veröffentlicht", **{"action-publish": "1"})
    page = case.fresh()
    return page.live and page.title == "Direkt veröffentlicht"


def unpublish(case: MatrixCase) -> bool:
    case.client.post(reverse("wagtailadmin_pages:unpublish", args=[case.page.pk]))
    return not case.fresh().live


def schedule(case: MatrixCase) -> bool:
    go_live = (timezone.localtime() + timedelta(days=7)).strftime("%Y-%m-%d %H:%M")
    case.post_edit(go_live_at=go_live, **{"action-publish": "1"})
    return Revision.page_revisions.filter(
        object_id=str(case.page.pk), approved_go_live_at__isnull=False
    ).exists()


def delete(case: MatrixCase) -> bool:
    case.client.post(reverse("wagtailadmin_pages:delete", args=[case.page.pk]))
    return case.fresh() is None


def move(case: MatrixCase) -> bool:
    weimar = case.test.site.weimar
    case.client.post(reverse("wagtailadmin_pages:move_confirm", args=[case.page.pk, weimar.pk]))
    page = case.fresh()
    return page is not None and page.get_parent().pk == weimar.pk


def _copy(case: MatrixCase) -> Page | None:
    case.client.post(
        reverse("wagtailadmin_pages:copy", args=[case.page.pk]),
        {
            "new_title": "Kopie",
            "new_slug": "kopie",
            "new_parent_page": str(case.test.site.gera.pk),
            "publish_copies": "on",
        },
    )
    return Page.objects.filter(slug="kopie").first()


def copy(case: MatrixCase) -> bool:
    return _copy(case) is not None


def copy_published(case: MatrixCase) -> bool:
    copied = _copy(case)
    return bool(copied and copied.live)


def revert_and_publish(case: MatrixCase) -> bool:
    page = case.fresh()
    page.title = "Alte Fassung"
    old = page.save_revision()
    page.title = "Neuere Fassung"
    page.save_revision()
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, old.pk])
    data = case.edit_form(url=url, **{"action-publish": "1"})
    case.client.post(url, data)
    page = case.fresh()
    return page.live and page.title == "Alte Fassung"


def view_history(case: MatrixCase) -> bool:
    response = case.client.get(reverse("wagtailadmin_pages:history", args=[case.page.pk]))
    return response.status_code == 200 and b"Ergebnisse" in response.content


def compare_revisions(case: MatrixCase) -> bool:
    url = reverse("wagtailadmin_pages:revisions_compare", args=[case.page.pk, "earliest", "latest"])
    response = case.client.get(url)
    return response.status_code == 200 and b"Ergebnisse" in response.content


def translate_page(case: MatrixCase) -> bool:
    english = Locale.objects.get(language_code="en")
    # The fixture translated every page; start again from an untranslated one.
    Translation.objects.filter(source__object_id=case.page.translation_key).delete()
    Page.objects.filter(translation_key=case.page.translation_key, locale=english).delete()
    case.client.post(
        reverse("wagtail_localize:submit_page_translation", args=[case.page.pk]),
        {"locales": [str(english.pk)]},
    )
    translation = Page.objects.filter(
        translation_key=case.page.translation_key, locale=english
    ).first()
    return translation is not None and not translation.live


def publish_translation(case: MatrixCase) -> bool:
    translation = case.test.translations[case.state]
    with case.test.captureOnCommitCallbacks(execute=True):
        case.client.post(
            reverse("wagtailadmin_pages:edit", args=[translation.pk]), {"action": "publish"}
        )
    return Page.objects.get(pk=translation.pk).live


ACTIONS: dict[str, Callable[[MatrixCase], bool]] = {
    "oeffentlich_ansehen": view_public,
    "vorschau": preview,
    "bearbeiten": edit,
    "einreichen": submit,
    "freigeben": approve,
    "zurueckweisen": reject,
    "direkt_veroeffentlichen": publish_directly,
    "zurueckziehen": unpublish,
    "planen": schedule,
    "loeschen": delete,
    "verschieben": move,
    "kopieren": copy,
    "kopie_veroeffentlichen": copy_published,
    "wiederherstellen_und_veroeffentlichen": revert_and_publish,
    "verlauf_ansehen": view_history,
    "revisionen_vergleichen": compare_revisions,
    "uebersetzen": translate_page,
    "uebersetzung_veroeffentlichen": publish_translation,
}
assert set(ACTIONS) == set(ALLOWED)


class PermissionMatrixTest(TestCase):
    """One generated test per cell; see ALLOWED for the expected outcomes."""

    @classmethod
    def setUpTestData(cls):
        cls.site = build_editorial_site()
        get_user_model().objects.create_superuser("superuser", "su@example.org", "x")
        author = cls.site.users["redaktion"]
        cls.pages = {state: results_page(cls.site.gera, state, author) for state in STATES}
        cls.translations = {state: synced_translation(cls.pages[state]) for state in STATES}

    def check_cell(self, role: str, state: str, action: str) -> None:
        expected = state in ALLOWED[action].get(role, frozenset())
        happened = ACTIONS[action](MatrixCase(self, role, state))
        verb = "erlaubt" if expected else "verboten"
        self.assertEqual(happened, expected, f"{action} als {role} ({state}) ist {verb}")


def _make_test(role: str, state: str, action: str):
    def test(self):
        self.check_cell(role, state, action)

    test.__doc__ = f"{role} / {state} / {action}"
    return test


for _action in ACTIONS:
    for _role in ROLES:
        for _state in APPLICABLE_STATES.get(_action, STATES):
            setattr(
                PermissionMatrixTest,
                f"test_{_action}__{_role}__{_state}",
                _make_test(_role, _state, _action),
            )
