"""wagtail-localize's translation editor under moderation (editorial/translations.py):
translators submit from the editor itself, moderators approve or reject there, and
nothing a translator saves reaches the public before the approval."""

from wagtail.models import Page, TaskState, WorkflowState

from tests.editorial.site import results_page, synced_translation
from tests.editorial.translation_support import edit_url, footer_for, translate_title

ENGLISH_TITLE = "Results in English"


def fresh(page: Page) -> Page:
    return Page.objects.get(pk=page.pk).specific


def english_of_live_page(site) -> Page:
    source = results_page(site.gera, "live", site.users["redaktion"])
    return synced_translation(source)


def public_text(site, page: Page) -> str:
    response = site.client_for("anonym").get(fresh(page).url)
    return response.content.decode() if response.status_code == 200 else ""


def test_translators_primary_action_is_submit(editorial_site):
    site = editorial_site
    english = english_of_live_page(site)
    for role in ("redaktion", "regional_innen"):
        response = site.client_for(role).get(edit_url(english))
        html = response.content.decode()
        footer = footer_for(site.client_for(role), english)
        assert footer.primary == "Zur Prüfung einreichen", role
        assert not footer.primary_is_destructive
        assert "Entwurf speichern" in footer.menu
        assert "Löschen" in footer.menu  # a draft: editors may delete it, from the menu
        assert not any(label.startswith("Veröffentlichen") for label in footer.menu)
        assert "In Alias umwandeln" not in footer.menu
        # wagtail-localize's own footer (primary "Löschen", no submit) is hidden.
        assert ".js-translation-editor > footer.footer { display: none; }" in html


def test_moderators_submit_too_and_may_publish_from_the_menu(editorial_site):
    site = editorial_site
    english = english_of_live_page(site)
    footer = footer_for(site.client_for("moderation"), english)
    assert footer.primary == "Zur Prüfung einreichen"
    assert "Veröffentlichen in Englisch" in footer.menu
    assert "In Alias umwandeln" in footer.menu


def test_translator_submits_from_the_editor_and_the_moderator_approves_there(editorial_site):
    site = editorial_site
    english = english_of_live_page(site)
    translator = site.client_for("redaktion")
    assert translate_title(translator, english, ENGLISH_TITLE) == 201

    response = translator.post(edit_url(english), {"action-submit": "1"}, follow=True)
    assert "wurde zur Prüfung eingereicht" in response.content.decode()
    english = fresh(english)
    assert english.workflow_in_progress and not english.live
    assert english.get_latest_revision_as_object().title == ENGLISH_TITLE
    assert site.client_for("anonym").get(english.url).status_code == 404

    # In review the translator has nothing to press but the preview.
    footer = footer_for(translator, english)
    assert footer.primary == ""
    assert "In Prüfung" in footer.text
    # ... and cannot decide by posting either.
    response = translator.post(edit_url(english), {"workflow-action-name": "approve"}, follow=True)
    assert "Sie dürfen über diese Übersetzung nicht entscheiden." in response.content.decode()
    assert fresh(english).workflow_in_progress and not fresh(english).live

    moderator = site.client_for("moderation")
    footer = footer_for(moderator, english)
    assert footer.primary == "Freigeben"
    assert footer.menu == ["Zurückweisen"]
    response = moderator.post(edit_url(english), {"workflow-action-name": "approve"}, follow=True)
    assert "freigegeben und veröffentlicht" in response.content.decode()
    english = fresh(english)
    assert english.live and not english.workflow_in_progress
    assert ENGLISH_TITLE in public_text(site, english)


def test_rejection_needs_a_comment_and_the_translator_resubmits(editorial_site):
    site = editorial_site
    english = english_of_live_page(site)
    translator = site.client_for("redaktion")
    moderator = site.client_for("moderation")
    translator.post(edit_url(english), {"action-submit": "1"})
    task_state = fresh(english).current_workflow_task_state

    response = moderator.post(
        edit_url(english), {"workflow-action-name": "reject", "comment": "  "}, follow=True
    )
    assert "Bitte begründen Sie die Zurückweisung." in response.content.decode()
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    moderator.post(
        edit_url(english), {"workflow-action-name": "reject", "comment": "Titel übersetzen."}
    )
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Titel übersetzen."
    state = WorkflowState.objects.get(object_id=str(english.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not fresh(english).live

    # Sent back: the translator may edit and submit again (the same workflow resumes).
    assert footer_for(translator, english).primary == "Zur Prüfung einreichen"
    translate_title(translator, english, ENGLISH_TITLE)
    response = translator.post(edit_url(english), {"action-submit": "1"}, follow=True)
    assert response.status_code == 200
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.filter(object_id=str(english.pk)).count() == 1

    moderator.post(edit_url(english), {"workflow-action-name": "approve"})
    assert ENGLISH_TITLE in public_text(site, english)


def test_reject_dialog_is_offered_to_the_moderator(editorial_site):
    site = editorial_site
    english = english_of_live_page(site)
    site.client_for("redaktion").post(edit_url(english), {"action-submit": "1"})
    html = site.client_for("moderation").get(edit_url(english)).content.decode()
    assert 'data-a11y-dialog-show="editorial-reject-translation"' in html
    assert 'id="editorial-reject-translation"' in html
    assert 'name="comment" rows="4" required' in html


def test_a_draft_of_a_live_translation_stays_private_until_approved(editorial_site):
    site = editorial_site
    english = english_of_live_page(site)
    translator = site.client_for("redaktion")
    moderator = site.client_for("moderation")
    translator.post(edit_url(english), {"action-submit": "1"})
    moderator.post(edit_url(english), {"workflow-action-name": "approve"})
    english = fresh(english)
    assert english.live
    live_title = english.title
    # Live content is deleted only by the Administration: not in the menu of others.
    assert "Löschen" not in footer_for(moderator, english).menu
    assert "Löschen" in footer_for(site.client_for("administration"), english).menu

    # A later change, saved as a draft: the public still sees the approved text.
    translate_title(translator, english, ENGLISH_TITLE)
    response = translator.post(edit_url(english), {"action-draft": "1"}, follow=True)
    assert "Entwurf von" in response.content.decode()
    english = fresh(english)
    assert english.live and english.has_unpublished_changes
    assert english.title == live_title
    assert english.get_latest_revision_as_object().title == ENGLISH_TITLE
    assert ENGLISH_TITLE not in public_text(site, english)
    assert live_title in public_text(site, english)

    # Submitted: still the approved text in public, until the moderator approves.
    translator.post(edit_url(english), {"action-submit": "1"})
    assert fresh(english).workflow_in_progress
    assert ENGLISH_TITLE not in public_text(site, english)
    moderator.post(edit_url(english), {"workflow-action-name": "approve"})
    assert ENGLISH_TITLE in public_text(site, english)


def test_no_draft_while_in_review(editorial_site):
    site = editorial_site
    english = english_of_live_page(site)
    translator = site.client_for("redaktion")
    translator.post(edit_url(english), {"action-submit": "1"})
    revisions = fresh(english).revisions.count()
    moderator = site.client_for("moderation")
    response = moderator.post(edit_url(english), {"action-draft": "1"}, follow=True)
    assert "in Prüfung" in response.content.decode()
    assert fresh(english).revisions.count() == revisions


def test_translator_cannot_publish_from_the_editor(
    editorial_site, django_capture_on_commit_callbacks
):
    site = editorial_site
    english = english_of_live_page(site)
    with django_capture_on_commit_callbacks(execute=True):
        response = site.client_for("redaktion").post(
            edit_url(english), {"action": "publish"}, follow=True
        )
    assert not fresh(english).live
    assert "veröffentlicht die Moderation" in response.content.decode()
