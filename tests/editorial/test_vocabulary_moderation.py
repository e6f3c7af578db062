"""Vocabularies and keywords go through moderation.

Bundesländer, event categories and the Praxisdatenbank's Handlungsfelder,
Lebensphasen and Zielgruppen: only Moderation and Administration change them,
stale saves are refused. Keywords (Schlagwörter) typed by editors are
proposals, invisible on every public channel until a moderator approves them
(directly, or by approving a page that carries them)."""

from __future__ import annotations

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, ModelLogEntry, TaskState
from wagtail.search.index import insert_or_update_object
from wagtail.test.utils.form_data import querydict_from_html

from events.models import EventCategory, EventPage
from home.models import Bundesland, Handlungsfeld, Lebensphase, Schlagwort, Zielgruppe
from home.moderation import approve_keyword, pending_keywords, reject_keyword
from news.models import NewsPage
from tests.editorial.edit_form import edit_form
from tests.editorial.ui_support import workflow_action_url
from tests.factories import EventPageFactory, NewsPageFactory
from tests.helpers import page_text

ROLES = ("redaktion", "regional_innen", "moderation", "administration")
VOCABULARIES = {
    "bundesland": (Bundesland, {"name": "Testland", "code": "TL", "slug": "testland"}),
    "kategorie": (EventCategory, {"name": "Testformat", "slug": "testformat"}),
    "schlagwort": (Schlagwort, {"name": "Testwort", "slug": "testwort"}),
    "handlungsfeld": (Handlungsfeld, {"name": "Testfeld", "slug": "testfeld"}),
    "lebensphase": (Lebensphase, {"name": "Testphase", "slug": "testphase"}),
    "zielgruppe": (Zielgruppe, {"name": "Testgruppe", "slug": "testgruppe"}),
}
# vocabulary -> action -> roles for which the action takes effect.
ALLOWED = {
    name: {
        "add": {"moderation", "administration"},
        "change": {"moderation", "administration"},
        "delete": {"administration"},
        "view": set(ROLES),
    }
    for name in VOCABULARIES
}
ALLOWED["schlagwort"]["add"] = set(ROLES)  # editors propose keywords
# The keyword form's inline translations, posted empty as a browser posts them.
NO_TRANSLATIONS = {
    "translations-TOTAL_FORMS": "0",
    "translations-INITIAL_FORMS": "0",
    "translations-MIN_NUM_FORMS": "0",
    "translations-MAX_NUM_FORMS": "1000",
}
INLINE_FORMS = {Schlagwort: NO_TRANSLATIONS}


def snippet_url(model, view: str, *args) -> str:
    return reverse(
        f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{view}", args=args
    )


def existing(model):
    if model is Schlagwort:
        return Schlagwort.objects.create(name="Altes Wort", approved=True)
    return model.objects.filter(locale__language_code="de").first()


def took_effect(client: Client, name: str, action: str) -> bool:
    model, fields = VOCABULARIES[name]
    if action == "view":
        return client.get(snippet_url(model, "list")).status_code == 200
    if action == "add":
        client.post(snippet_url(model, "add") + "?locale=de", fields | INLINE_FORMS.get(model, {}))
        return model.objects.filter(slug=fields["slug"]).exists()
    obj = existing(model)
    if action == "delete":
        client.post(snippet_url(model, "delete", obj.pk))
        return not model.objects.filter(pk=obj.pk).exists()
    data = {key: getattr(obj, key) for key in fields} | {"name": "Geänderter Name"}
    data |= INLINE_FORMS.get(model, {})
    client.post(snippet_url(model, "edit", obj.pk), data)
    return model.objects.get(pk=obj.pk).name == "Geänderter Name"


@pytest.mark.parametrize("action", ["add", "change", "delete", "view"])
@pytest.mark.parametrize("name", list(VOCABULARIES))
@pytest.mark.parametrize("role", ROLES)
def test_vocabulary_permission_matrix(editorial_site, role, name, action):
    effect = took_effect(editorial_site.client_for(role), name, action)
    assert effect == (role in ALLOWED[name][action]), (role, name, action)


def test_keyword_added_in_the_snippet_admin_by_an_editor_is_proposed(editorial_site):
    editorial_site.client_for("redaktion").post(
        snippet_url(Schlagwort, "add"), {"name": "Vorschlag", "slug": "vorschlag"} | NO_TRANSLATIONS
    )
    editorial_site.client_for("moderation").post(
        snippet_url(Schlagwort, "add"), {"name": "Gesetzt", "slug": "gesetzt"} | NO_TRANSLATIONS
    )
    assert not Schlagwort.objects.get(slug="vorschlag").approved
    assert Schlagwort.objects.get(slug="gesetzt").approved


# -- stale saves --------------------------------------------------------------


def _form_data(html: str) -> dict[str, str]:
    data = querydict_from_html(html, form_id="w-editor-form")
    return {key: data.get(key) for key in data}


def loaded_form(client: Client, obj) -> dict[str, str]:
    """The snippet editor's form as loaded now (with its hidden revision fields)."""
    return _form_data(client.get(snippet_url(type(obj), "edit", obj.pk)).content.decode())


@pytest.mark.parametrize("with_history", [True, False], ids=["revisionen", "erste-speicherung"])
def test_stale_snippet_save_is_refused_and_the_text_kept(editorial_site, with_history):
    site = editorial_site
    category = EventCategory.objects.create(name="Fachtagung", slug="fachtagung-test")
    first, second = site.client_for("moderation"), site.client_for("administration")
    url = snippet_url(EventCategory, "edit", category.pk)
    if with_history:
        first.post(url, {"name": "Fachtagung", "slug": "fachtagung-test"})
        assert EventCategory.objects.get(pk=category.pk).latest_revision_id
    form_a, form_b = loaded_form(first, category), loaded_form(second, category)

    first.post(url, form_a | {"name": "Fachtag", "slug": "fachtagung-test"})
    response = second.post(url, form_b | {"name": "Fachkongress", "slug": "fachtagung-test"})

    assert EventCategory.objects.get(pk=category.pk).name == "Fachtag"
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Fachkongress"' in html  # the second editor's text is still in the form
    assert "geändert" in page_text(response) and "moderation" in page_text(response)
    # Saving once more from the refreshed form is a deliberate overwrite.
    second.post(url, _form_data(html) | {"name": "Fachkongress", "slug": "fachtagung-test"})
    assert EventCategory.objects.get(pk=category.pk).name == "Fachkongress"


def test_fresh_snippet_save_goes_through(editorial_site):
    client = editorial_site.client_for("moderation")
    land = Bundesland.objects.get(slug="thueringen", locale__language_code="de")
    url = snippet_url(Bundesland, "edit", land.pk)
    for name in ("Freistaat Thüringen", "Thüringen"):
        client.post(
            url, loaded_form(client, land) | {"name": name, "code": "TH", "slug": "thueringen"}
        )
        assert Bundesland.objects.get(pk=land.pk).name == name


# -- keyword translations (inline in the keyword's form) ----------------------


def with_translation(form: dict[str, str], index: int, name: str, slug: str = "") -> dict:
    """``form`` with the inline translation row ``index`` set to English ``name``."""
    english = str(Locale.objects.get(language_code="en").pk)
    total = max(int(form["translations-TOTAL_FORMS"]), index + 1)
    prefix = f"translations-{index}-"
    return form | {
        "translations-TOTAL_FORMS": str(total),
        prefix + "locale": english,
        prefix + "name": name,
        prefix + "slug": slug,
        prefix + "id": form.get(prefix + "id", ""),
        prefix + "ORDER": str(index + 1),
        prefix + "DELETE": "",
    }


def test_moderator_translates_a_keyword_in_its_form(editorial_site):
    keyword = Schlagwort.objects.create(name="Präventionsketten", approved=True)
    client = editorial_site.client_for("moderation")
    form = with_translation(loaded_form(client, keyword), 0, "Prevention chains")
    response = client.post(snippet_url(Schlagwort, "edit", keyword.pk), form)
    assert response.status_code == 302
    keyword = Schlagwort.objects.get(pk=keyword.pk)
    label = keyword.localized("en")
    assert (label.name, label.slug) == ("Prevention chains", "prevention-chains")
    assert keyword.name == "Präventionsketten"
    # The revision holds the translation too: the history shows who named it how.
    assert keyword.latest_revision.content["translations"][0]["name"] == "Prevention chains"


def test_keyword_translation_form_refuses_a_taken_slug_and_a_second_english_name(
    editorial_site,
):
    Schlagwort.objects.create(name="Kommunen", approved=True)
    keyword = Schlagwort.objects.create(name="Präventionsketten", approved=True)
    client = editorial_site.client_for("moderation")
    url = snippet_url(Schlagwort, "edit", keyword.pk)
    taken = with_translation(loaded_form(client, keyword), 0, "Municipalities", "kommunen")
    response = client.post(url, taken)
    assert response.status_code == 200  # the form again, with the error
    assert "Diesen Kurznamen hat schon das Schlagwort „Kommunen“" in page_text(response)
    twice = with_translation(loaded_form(client, keyword), 0, "Prevention chains")
    twice = with_translation(twice, 1, "Chains of prevention")
    response = client.post(url, twice)
    assert response.status_code == 200
    # Django names one of the unique pairs (schlagwort+locale or locale+slug).
    assert "Bitte die doppelten Daten für" in page_text(response)
    assert not keyword.translations.exists()


def test_stale_keyword_translation_save_is_refused(editorial_site):
    keyword = Schlagwort.objects.create(name="Präventionsketten", approved=True)
    first, second = (
        editorial_site.client_for("moderation"),
        editorial_site.client_for("administration"),
    )
    url = snippet_url(Schlagwort, "edit", keyword.pk)
    first.post(url, loaded_form(first, keyword))  # a first revision
    form_a, form_b = loaded_form(first, keyword), loaded_form(second, keyword)
    first.post(url, with_translation(form_a, 0, "Prevention chains"))
    response = second.post(url, with_translation(form_b, 0, "Chains of prevention"))
    assert response.status_code == 200
    assert 'value="Chains of prevention"' in response.content.decode()
    assert keyword.localized("en").name == "Prevention chains"


# -- keywords on the public channels -----------------------------------------

WORD, SLUG = "Quartiersarbeit", "quartiersarbeit"


def public_channels(client: Client, event: EventPage, news: NewsPage) -> dict[str, bool]:
    """Where the keyword shows, channel by channel."""
    calendar = client.get("/de/veranstaltungen/")
    keyword_choices = calendar.context["filter_form"].fields["schlagwort"].choices
    search = client.get("/de/suche/?q=Stadtteil")
    return {
        "event page": WORD in client.get(event.url).content.decode(),
        "news page": WORD in client.get(news.url).content.decode(),
        "news list": WORD in page_text(client.get("/de/aktuelles/")),
        "keyword page": client.get(f"/de/schlagwort/{SLUG}/").status_code == 200,
        "calendar filter": SLUG in [str(value) for value, _ in keyword_choices],
        "search facet": any(
            option["value"] == SLUG
            for group in search.context["facet_groups"]
            for option in group["options"]
        ),
        "search filter": client.get(f"/de/suche/?q=Stadtteil&schlagwort={SLUG}").context[
            "facet_errors"
        ]
        == [],
        "rss": f"<category>{WORD}</category>" in client.get("/de/aktuelles/feed/").content.decode(),
    }


@pytest.fixture
def tagged_site(editorial_site):
    """A live event an editor tags with a new keyword, and live pages already
    carrying it (stored without a publication, as an import would)."""
    site = editorial_site
    event = EventPageFactory(parent=site.tree.events, title="Werkstatt im Stadtteil")
    other = EventPageFactory(parent=site.tree.events, title="Fest im Stadtteil")
    news = NewsPageFactory(parent=site.tree.news, title="Arbeit im Stadtteil wirkt")
    form = edit_form(event, site.users["redaktion"], tags=WORD, **{"action-submit": "1"})
    site.client_for("redaktion").post(reverse("wagtailadmin_pages:edit", args=[event.pk]), form)
    keyword = Schlagwort.objects.get(slug=SLUG)
    for page in (other, news):
        page.tags.add(keyword)
        page.save()
        insert_or_update_object(page)  # as update_index after an import would
    return site, event, other, news, keyword


def test_keyword_typed_by_an_editor_is_hidden_until_a_moderator_approves_the_page(tagged_site):
    site, event, other, news, keyword = tagged_site
    assert not keyword.approved
    anonymous = site.client_for("anonym")
    shown = public_channels(anonymous, other, news)
    assert not any(shown.values()), shown
    assert keyword in pending_keywords(site.users["moderation"])
    assert not pending_keywords(site.users["redaktion"]).exists()

    task_state = TaskState.objects.get(
        revision__object_id=str(event.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    site.client_for("moderation").post(
        workflow_action_url(event, "approve", task_state), {"comment": ""}
    )

    assert Schlagwort.objects.get(pk=keyword.pk).approved
    shown = public_channels(anonymous, event, news)
    assert all(shown.values()), shown
    assert event in EventPage.objects.filter(tagged_items__tag=keyword)


def test_keyword_typed_by_a_moderator_is_approved_at_once(editorial_site):
    site = editorial_site
    event = EventPageFactory(parent=site.tree.events, title="Werkstatt")
    form = edit_form(event, tags="Sozialraum")
    site.client_for("moderation").post(reverse("wagtailadmin_pages:edit", args=[event.pk]), form)
    assert Schlagwort.objects.get(slug="sozialraum").approved


def test_moderator_approves_a_keyword_directly(tagged_site):
    site, _event, other, news, keyword = tagged_site
    url = reverse("home_keyword_approve", args=[keyword.pk])
    assert site.client_for("redaktion").post(url).status_code in (302, 403)
    assert site.client_for("redaktion").get(url).status_code == 405
    assert not Schlagwort.objects.get(pk=keyword.pk).approved
    response = site.client_for("moderation").post(url, {"next": "/admin/pruefliste/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pruefliste/"
    assert Schlagwort.objects.get(pk=keyword.pk).approved
    assert all(public_channels(site.client_for("anonym"), other, news).values())


def test_keyword_endpoints_need_the_csrf_token(tagged_site):
    site, *_rest, keyword = tagged_site
    client = Client(enforce_csrf_checks=True)
    client.force_login(site.users["moderation"])
    response = client.post(reverse("home_keyword_approve", args=[keyword.pk]))
    assert response.status_code == 403
    assert not Schlagwort.objects.get(pk=keyword.pk).approved


def test_rejected_keyword_leaves_pages_drafts_and_reviews(tagged_site):
    site, event, other, news, keyword = tagged_site
    url = reverse("home_keyword_reject", args=[keyword.pk])
    moderator = site.client_for("moderation")
    site.client_for("redaktion").post(url, {"comment": "Doppelt"})
    assert moderator.post(url, {"comment": "  "}).status_code == 400
    assert Schlagwort.objects.filter(pk=keyword.pk).exists()

    response = moderator.post(url, {"comment": "Gibt es schon: Sozialraum."})
    assert response.status_code == 302
    assert not Schlagwort.objects.filter(pk=keyword.pk).exists()
    assert not other.tags.exists() and not news.tags.exists()
    # The event's revision in review no longer carries it and can still be approved.
    task_state = TaskState.objects.get(
        revision__object_id=str(event.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    task_state.revision.refresh_from_db()
    stored = [item["tag"] for item in task_state.revision.content["tagged_items"]]
    assert keyword.pk not in stored
    assert list(task_state.revision.as_object().tags.all()) == []
    moderator.post(workflow_action_url(event, "approve", task_state), {"comment": ""})
    assert EventPage.objects.get(pk=event.pk).live
    entry = ModelLogEntry.objects.get(action="home.schlagwort.reject")
    assert entry.data["comment"] == "Gibt es schon: Sozialraum."


def test_moderation_functions_refuse_non_moderators(tagged_site):
    site, *_rest, keyword = tagged_site
    with pytest.raises(PermissionDenied):
        approve_keyword(keyword, site.users["redaktion"])
    with pytest.raises(PermissionDenied):
        reject_keyword(keyword, site.users["regional_innen"], "Nein")
    with pytest.raises(ValidationError):
        reject_keyword(keyword, site.users["moderation"], "")
    assert not Schlagwort.objects.get(pk=keyword.pk).approved
