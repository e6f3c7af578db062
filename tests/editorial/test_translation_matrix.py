"""Who may do what to a translation, checked through the real views.

The German page is live in region Gera; its English translation (wagtail-localize,
synced) is a draft unless a cell says otherwise. Every cell of role × action is one
test: the action is taken as that role through the view the admin uses, with the
transaction's on_commit callbacks run (wagtail-localize publishes on commit), and
the test asserts the effect in the database. ALLOWED is the contract (PRODUCT.md:
translations go through moderation like every page); a cell not listed there must
have no effect. "regional_innen" is Gera's regional editor, "regional_aussen" Weimar's.
"""

from __future__ import annotations

from collections.abc import Callable

from django.test import TestCase
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from wagtail.models import Locale, Page, TaskState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.editorial.site import ROLE_GROUPS, build_editorial_site, results_page, synced_translation
from tests.editorial.ui_support import workflow_action_url

ROLES = tuple(ROLE_GROUPS)
TRANSLATORS = frozenset({"redaktion", "regional_innen", "moderation", "administration"})
REVIEWERS = frozenset({"moderation", "administration"})

ALLOWED: dict[str, frozenset[str]] = {
    # Regional editors translate what exists, they do not start new translations
    # (wagtail_localize.submit_translation is not a regional right, editorial/roles.py).
    "uebersetzung_anlegen": frozenset({"redaktion"}) | REVIEWERS,
    "texte_bearbeiten": TRANSLATORS,
    "entwurf_speichern": TRANSLATORS,
    "einreichen": TRANSLATORS,
    "direkt_veroeffentlichen": REVIEWERS,
    "freigeben_im_editor": REVIEWERS,
    "freigeben_pruefliste": REVIEWERS,
    "zurueckweisen_im_editor": REVIEWERS,
    "zurueckweisen_pruefliste": REVIEWERS,
    "synchronisieren_und_veroeffentlichen": REVIEWERS,
    "in_alias_umwandeln": REVIEWERS,
    "synchronisation_stoppen": TRANSLATORS,
    "entwurf_loeschen": TRANSLATORS,
    # Deleting live content takes it offline without a trace: the Administration's.
    "live_loeschen": frozenset({"administration"}),
}


class Cell:
    def __init__(self, test: TranslationMatrixTest, role: str):
        self.test = test
        self.role = role
        self.client = test.site.client_for(role)
        self.source = test.source
        self.english = test.english

    def post(self, url: str, data: dict | None = None) -> None:
        """POST as this role; wagtail-localize's on_commit work runs, as in a real request."""
        with self.test.captureOnCommitCallbacks(execute=True):
            self.client.post(url, data or {})

    def fresh(self) -> Page | None:
        return Page.objects.filter(pk=self.english.pk).first()

    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.english.pk])

    def translation(self) -> Translation:
        return Translation.objects.get(
            source__object_id=self.source.translation_key, target_locale=self.english.locale
        )

    def submitted(self) -> TaskState:
        """The translation in review, submitted by the Redaktion (set-up, not the action)."""
        author = self.test.site.users["redaktion"]
        self.english.save_revision(user=author)
        self.english.get_workflow().start(self.english, author)
        return Page.objects.get(pk=self.english.pk).current_workflow_task_state


def create_translation(cell: Cell) -> bool:
    english = Locale.objects.get(language_code="en")
    Translation.objects.filter(source__object_id=cell.source.translation_key).delete()
    Page.objects.filter(pk=cell.english.pk).delete()
    cell.post(
        reverse("wagtail_localize:submit_page_translation", args=[cell.source.pk]),
        {"locales": [str(english.pk)]},
    )
    created = Page.objects.filter(translation_key=cell.source.translation_key, locale=english)
    assert not created.filter(live=True).exists(), "a new translation must never be live"
    return created.exists()


def edit_strings(cell: Cell) -> bool:
    translation = cell.translation()
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    cell.client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data=encode_multipart(BOUNDARY, {"value": "Results"}),
        content_type=MULTIPART_CONTENT,
    )
    return StringTranslation.objects.filter(
        translation_of=segment.string, locale=cell.english.locale, data="Results"
    ).exists()


def save_draft(cell: Cell) -> bool:
    before = cell.english.revisions.count()
    cell.post(cell.edit_url(), {"action-draft": "1"})
    page = cell.fresh()
    assert not page.live
    return page.revisions.count() > before


def submit(cell: Cell) -> bool:
    cell.post(cell.edit_url(), {"action-submit": "1"})
    page = cell.fresh()
    assert not page.live
    return page.workflow_in_progress


def publish_directly(cell: Cell) -> bool:
    cell.post(cell.edit_url(), {"action": "publish"})
    return cell.fresh().live


def approve_in_editor(cell: Cell) -> bool:
    task_state = cell.submitted()
    cell.post(cell.edit_url(), {"workflow-action-name": "approve"})
    task_state.refresh_from_db()
    return task_state.status == TaskState.STATUS_APPROVED and cell.fresh().live


def approve_from_review_list(cell: Cell) -> bool:
    task_state = cell.submitted()
    cell.post(workflow_action_url(cell.english, "approve", task_state), {"comment": ""})
    task_state.refresh_from_db()
    return task_state.status == TaskState.STATUS_APPROVED and cell.fresh().live


def reject_in_editor(cell: Cell) -> bool:
    task_state = cell.submitted()
    cell.post(
        cell.edit_url(),
        {"workflow-action-name": "reject", "comment": "Bitte den Titel übersetzen."},
    )
    task_state.refresh_from_db()
    return task_state.status == TaskState.STATUS_REJECTED


def reject_from_review_list(cell: Cell) -> bool:
    task_state = cell.submitted()
    cell.post(
        workflow_action_url(cell.english, "reject", task_state),
        {"comment": "Bitte den Titel übersetzen."},
    )
    task_state.refresh_from_db()
    return task_state.status == TaskState.STATUS_REJECTED


def sync_and_publish(cell: Cell) -> bool:
    source = TranslationSource.objects.get(object_id=cell.source.translation_key)
    cell.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )
    return cell.fresh().live


def convert_to_alias(cell: Cell) -> bool:
    cell.post(reverse("wagtail_localize:convert_to_alias", args=[cell.english.pk]))
    page = cell.fresh()
    return page.alias_of_id == cell.source.pk


def stop_sync(cell: Cell) -> bool:
    cell.post(reverse("wagtail_localize:stop_translation", args=[cell.translation().pk]))
    return not cell.translation().enabled


def delete_draft(cell: Cell) -> bool:
    cell.post(reverse("wagtailadmin_pages:delete", args=[cell.english.pk]))
    return cell.fresh() is None


def delete_live(cell: Cell) -> bool:
    cell.english.save_revision().publish()
    assert cell.fresh().live
    return delete_draft(cell)


ACTIONS: dict[str, Callable[[Cell], bool]] = {
    "uebersetzung_anlegen": create_translation,
    "texte_bearbeiten": edit_strings,
    "entwurf_speichern": save_draft,
    "einreichen": submit,
    "direkt_veroeffentlichen": publish_directly,
    "freigeben_im_editor": approve_in_editor,
    "freigeben_pruefliste": approve_from_review_list,
    "zurueckweisen_im_editor": reject_in_editor,
    "zurueckweisen_pruefliste": reject_from_review_list,
    "synchronisieren_und_veroeffentlichen": sync_and_publish,
    "in_alias_umwandeln": convert_to_alias,
    "synchronisation_stoppen": stop_sync,
    "entwurf_loeschen": delete_draft,
    "live_loeschen": delete_live,
}
assert set(ACTIONS) == set(ALLOWED)


class TranslationMatrixTest(TestCase):
    """One generated test per cell; see ALLOWED for the expected outcomes."""

    @classmethod
    def setUpTestData(cls):
        cls.site = build_editorial_site()
        cls.source = results_page(cls.site.gera, "live", cls.site.users["redaktion"])
        cls.english = synced_translation(cls.source)
        assert cls.source.live and not cls.english.live

    def check_cell(self, role: str, action: str) -> None:
        expected = role in ALLOWED[action]
        happened = ACTIONS[action](Cell(self, role))
        verb = "erlaubt" if expected else "verboten"
        self.assertEqual(happened, expected, f"{action} als {role} ist {verb}")


def _make_test(role: str, action: str):
    def test(self):
        self.check_cell(role, action)

    test.__doc__ = f"{role} / {action}"
    return test


for _action in ACTIONS:
    for _role in ROLES:
        setattr(TranslationMatrixTest, f"test_{_action}__{_role}", _make_test(_role, _action))
