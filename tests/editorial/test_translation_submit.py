"""A translator submits a translation (edited in wagtail-localize, which has no
submit action) through "Zur Prüfung einreichen" (/admin/pruefliste/einreichen/<id>/);
the moderator approves it through the workflow and it goes live under /en/."""

from django.urls import reverse

from wagtail.models import Page, WorkflowState

from tests.editorial.site import results_page, synced_translation
from tests.editorial.ui_support import workflow_action_url


def submit_url(page: Page) -> str:
    return reverse("editorial_submit_for_review", args=[page.pk])


def states(page: Page):
    return WorkflowState.objects.filter(object_id=str(page.pk))


def english_draft(site) -> Page:
    source = results_page(site.gera, "live", site.users["redaktion"])
    return synced_translation(source)


def test_translator_submits_and_moderator_approves(editorial_site):
    site = editorial_site
    english = english_draft(site)
    translator = site.client_for("redaktion")

    # The button is offered in the page header and the explorer's "more" menu.
    explorer = translator.get(reverse("wagtailadmin_explore", args=[english.get_parent().pk]))
    assert submit_url(english) in explorer.content.decode()

    confirm = translator.get(submit_url(english))
    assert confirm.status_code == 200
    assert "csrfmiddlewaretoken" in confirm.content.decode()
    assert 'type="submit"' in confirm.content.decode()

    response = translator.post(submit_url(english), follow=True)
    assert response.status_code == 200
    assert "zur Prüfung eingereicht" in response.content.decode()
    english = Page.objects.get(pk=english.pk)
    assert english.workflow_in_progress
    assert not english.live
    state = states(english).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == site.users["redaktion"]
    assert state.workflow.name == "Redaktionelle Freigabe"
    assert site.client_for("anonym").get(english.get_url()).status_code == 404

    # No button while in review.
    explorer = translator.get(reverse("wagtailadmin_explore", args=[english.get_parent().pk]))
    assert submit_url(english) not in explorer.content.decode()

    task_state = english.current_workflow_task_state
    action_url = workflow_action_url(english, "approve", task_state)
    site.client_for("moderation").post(action_url, {"comment": ""})
    english = Page.objects.get(pk=english.pk)
    assert english.live
    assert not english.has_unpublished_changes
    assert english.url.startswith("/en/")
    public = site.client_for("anonym").get(english.url)
    assert public.status_code == 200
    assert english.title in public.content.decode()


def test_outsider_gets_403(editorial_site):
    site = editorial_site
    english = english_draft(site)
    outsider = site.client_for("regional_aussen")  # Weimar's editors, the page is in Gera
    assert outsider.get(submit_url(english)).status_code == 403
    assert outsider.post(submit_url(english)).status_code == 403
    assert "nicht bearbeiten" in outsider.get(submit_url(english)).content.decode()
    assert not states(english).exists()
    anonymous = site.client_for("anonym").post(submit_url(english))
    assert anonymous.status_code == 302  # to the login page
    assert not states(english).exists()


def test_double_submit_gives_a_message_not_a_second_workflow(editorial_site):
    site = editorial_site
    english = english_draft(site)
    translator = site.client_for("redaktion")
    translator.post(submit_url(english))
    second = translator.post(submit_url(english))
    assert second.status_code == 400
    assert "bereits in Prüfung" in second.content.decode()
    assert states(english).count() == 1
    assert "bereits in Prüfung" in translator.get(submit_url(english)).content.decode()


def test_nothing_to_submit(editorial_site):
    site = editorial_site
    live_page = results_page(site.gera, "live", site.users["redaktion"])
    live_page.save_revision(user=site.users["redaktion"]).publish()
    live_page = Page.objects.get(pk=live_page.pk)
    assert not live_page.has_unpublished_changes
    response = site.client_for("redaktion").post(submit_url(live_page))
    assert response.status_code == 400
    assert "keine unveröffentlichten Änderungen" in response.content.decode()
    assert not states(live_page).exists()


def test_resubmit_after_rejection(editorial_site):
    site = editorial_site
    english = english_draft(site)
    translator = site.client_for("redaktion")
    translator.post(submit_url(english))
    task_state = Page.objects.get(pk=english.pk).current_workflow_task_state
    site.client_for("moderation").post(
        workflow_action_url(english, "reject", task_state), {"comment": "Bitte übersetzen."}
    )
    assert states(english).get().status == WorkflowState.STATUS_NEEDS_CHANGES

    response = translator.post(submit_url(english))
    assert response.status_code == 302, response.content.decode()[-3000:]
    state = states(english).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
