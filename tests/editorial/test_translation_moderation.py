"""Translations go through moderation, and a page's privacy follows it into
every language."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Locale, Page, PageViewRestriction, TaskState
from wagtail_localize.models import Translation, TranslationSource

from tests.editorial.site import results_page, synced_translation
from tests.editorial.ui_support import workflow_action_url
from tests.factories import RegionResultsPageFactory, restrict_to_group
from tests.factories.pages import translate


def live(page: Page) -> bool:
    return Page.objects.get(pk=page.pk).live


def test_translator_cannot_publish_translation(editorial_site):
    source = results_page(editorial_site.gera, "live", editorial_site.users["redaktion"])
    english = synced_translation(source)
    client = editorial_site.client_for("redaktion")
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}, follow=True
    )
    assert not live(english)
    assert "veröffentlicht die Moderation" in response.content.decode()


def test_sync_with_publish_needs_publish_right(editorial_site, django_capture_on_commit_callbacks):
    source = results_page(editorial_site.gera, "live", editorial_site.users["redaktion"])
    english = synced_translation(source)
    translation_source = TranslationSource.objects.get(object_id=source.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[translation_source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        editorial_site.client_for("redaktion").post(url, {"publish_translations": "on"})
    assert not live(english)
    with django_capture_on_commit_callbacks(execute=True):
        editorial_site.client_for("moderation").post(url, {"publish_translations": "on"})
    assert live(english)


def test_convert_to_alias_needs_publish_right(editorial_site):
    source = results_page(editorial_site.gera, "live", editorial_site.users["redaktion"])
    english = synced_translation(source)
    url = reverse("wagtail_localize:convert_to_alias", args=[english.pk])
    editorial_site.client_for("redaktion").post(url)
    english = Page.objects.get(pk=english.pk)
    assert english.alias_of_id is None and not english.live
    editorial_site.client_for("moderation").post(url)
    english = Page.objects.get(pk=english.pk)
    assert english.alias_of_id == source.pk and english.live


def test_translation_is_submitted_and_the_moderator_publishes_it(editorial_site):
    site = editorial_site
    source = results_page(site.gera, "live", site.users["redaktion"])
    english = synced_translation(source)
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])

    site.client_for("redaktion").post(edit_url, {"action-submit": "1"})
    english = Page.objects.get(pk=english.pk)
    assert english.workflow_in_progress
    assert english.get_workflow().name == "Redaktionelle Freigabe"  # from the English home
    assert not english.live
    # In review, the page is locked for the translator.
    assert english.permissions_for_user(site.users["redaktion"]).page_locked()

    task_state = english.current_workflow_task_state
    action_url = workflow_action_url(english, "approve", task_state)
    site.client_for("redaktion").post(action_url, {"comment": ""})
    assert not live(english)
    site.client_for("moderation").post(action_url, {"comment": ""})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert live(english)
    assert Translation.objects.get(
        target_locale=english.locale, source__object_id=english.translation_key
    )


def test_rejection_needs_a_comment(editorial_site):
    site = editorial_site
    page = results_page(site.gera, "in_pruefung", site.users["redaktion"])
    task_state = page.current_workflow_task_state
    url = workflow_action_url(page, "reject", task_state)
    moderator = site.client_for("moderation")

    moderator.post(url, {"comment": "   "})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    # The page editor's "Zurückweisen" passes the comment as JSON, past the form.
    moderator.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {
            "action-workflow-action": "1",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": '{"comment": ""}',
        },
    )
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    moderator.post(url, {"comment": "Bitte die Quellen ergänzen."})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Bitte die Quellen ergänzen."


def test_restriction_is_copied_to_existing_translation(editorial_site):
    site = editorial_site
    network = Group.objects.create(name="Netzwerk Gera")
    page = RegionResultsPageFactory(parent=site.gera)
    english = translate(page)
    restrict_to_group(page, network)
    restriction = PageViewRestriction.objects.get(page=english)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert list(restriction.groups.all()) == [network]
    response = site.client_for("anonym").get(english.url)
    assert response.status_code == 302  # to the login page, not the content


def test_restriction_is_copied_when_translating_later(editorial_site):
    site = editorial_site
    network = Group.objects.create(name="Netzwerk Gera")
    page = RegionResultsPageFactory(parent=site.gera)
    restrict_to_group(page, network)

    english = synced_translation(page)  # wagtail-localize
    restriction = PageViewRestriction.objects.get(page=english)
    assert list(restriction.groups.all()) == [network]

    other = RegionResultsPageFactory(parent=site.weimar, slug="ergebnisse-weimar")
    restrict_to_group(other, network)
    copied = other.copy_for_translation(english.locale)  # Wagtail core
    assert list(PageViewRestriction.objects.get(page=copied).groups.all()) == [network]


# -- wagtail-localize publishes on commit: these tests run its on_commit callbacks ------


def translate_as(site, role: str, page: Page, capture) -> Page | None:
    """ "Übersetzen" (wagtail-localize's submit view) into English as ``role``, with the
    transaction's on_commit callbacks run, as in a real request."""
    english = Locale.objects.get(language_code="en")
    with capture(execute=True) as callbacks:
        site.client_for(role).post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [str(english.pk)]},
        )
    assert callbacks is not None
    return Page.objects.filter(translation_key=page.translation_key, locale=english).first()


def test_translating_a_live_page_does_not_publish_the_translation(
    editorial_site, django_capture_on_commit_callbacks
):
    site = editorial_site
    for role in ("redaktion", "moderation"):
        source = results_page(site.gera, "live", site.users["redaktion"])
        source.slug = f"ergebnisse-{role}"
        source.save()
        translation = translate_as(site, role, source, django_capture_on_commit_callbacks)
        assert translation is not None, role
        assert not translation.live, role
        assert site.client_for("anonym").get(f"/en/regionen/gera/{source.slug}/").status_code == 404


def test_without_the_setting_the_translation_would_go_live(
    editorial_site, django_capture_on_commit_callbacks, settings
):
    """The check above can fail: wagtail-localize's default publishes on commit."""
    del settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
    site = editorial_site
    source = results_page(site.gera, "live", site.users["redaktion"])
    translation = translate_as(site, "redaktion", source, django_capture_on_commit_callbacks)
    assert Page.objects.get(pk=translation.pk).live


def test_sync_without_publishing_keeps_the_translation_private(
    editorial_site, django_capture_on_commit_callbacks
):
    site = editorial_site
    source = results_page(site.gera, "live", site.users["redaktion"])
    english = synced_translation(source)
    source.title = "Ergebnisse, überarbeitet"
    source.save_revision().publish()
    translation_source = TranslationSource.objects.get(object_id=source.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[translation_source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = site.client_for("redaktion").post(url, {})
    assert response.status_code == 302
    assert not live(english)
