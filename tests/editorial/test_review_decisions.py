"""Deciding from the Prüfliste and the dashboard: approve, reject with a reason,
bulk approve; each through the buttons the page renders (the form and its
controls are read from the HTML, as a browser would submit them)."""

from __future__ import annotations

from html.parser import HTMLParser

from django.test import TestCase

from wagtail.models import PageLogEntry, TaskState, WorkflowState

from home.models import Schlagwort
from materials.models import ReviewState
from tests.factories import NewsPageFactory, StandardPageFactory
from tests.helpers import page_text
from tests.materials.support import upload

from .ui_support import ui_site, ui_submit, ui_team

LIST_FORM = "pruefliste-entscheidung"
DASHBOARD_FORM = "dashboard-entscheidung"


class _FormReader(HTMLParser):
    """The decision form of a page: its action, hidden fields and the controls
    that join it through the ``form`` attribute."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.action = None
        self.fields: dict[str, str] = {}
        self.buttons: list[tuple[str, str, str]] = []  # (name, value, label)
        self.checkboxes: list[str] = []
        self.textareas: list[str] = []
        self._in_form = False
        self._button: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.action = attrs["action"]
            self._in_form = True
        owned = self._in_form or attrs.get("form") == self.form_id
        if not owned:
            return
        if tag == "input" and attrs.get("type") == "hidden":
            self.fields[attrs["name"]] = attrs.get("value", "")
        elif tag == "input" and attrs.get("type") == "checkbox":
            self.checkboxes.append(attrs["value"])
        elif tag == "textarea":
            self.textareas.append(attrs["name"])
        elif tag == "button" and attrs.get("type") == "submit":
            self._button = [attrs["name"], attrs.get("value", ""), ""]

    def handle_data(self, data):
        if self._button is not None:
            self._button[2] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        if tag == "button" and self._button is not None:
            self.buttons.append(tuple(self._button))
            self._button = None


def read_form(response, form_id: str) -> _FormReader:
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    assert reader.action, f"no form #{form_id} on the page"
    return reader


def button(form: _FormReader, label: str, title: str) -> tuple[str, str]:
    """(name, value) of the button whose text starts with ``label`` for ``title``."""
    for name, value, text in form.buttons:
        if text.strip().startswith(label) and title in text:
            return name, value
    raise AssertionError(f"no button {label!r} for {title!r} in {form.buttons}")


class PruefListeDecisionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()

    def submit(self, page):
        return ui_submit(page, self.team["redaktion"])

    def open_list(self, user="moderation"):
        self.client.force_login(self.team[user])
        response = self.client.get("/admin/pruefliste/")
        self.assertEqual(response.status_code, 200)
        return read_form(response, LIST_FORM)

    def post(self, form: _FormReader, data: dict, follow=True):
        return self.client.post(form.action, {**form.fields, **data}, follow=follow)

    def test_approve_publishes_single_step_page(self):
        page = StandardPageFactory(parent=self.tree.home, title="Leitbild", live=False)
        self.submit(page)
        form = self.open_list()
        name, value = button(form, "Freigeben", "Leitbild")
        response = self.post(form, {name: value})
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertIn("„Leitbild“ wurde freigegeben und ist veröffentlicht.", page_text(response))
        self.assertEqual(response.redirect_chain[-1][0], "/admin/pruefliste/")

    def test_two_step_news_needs_two_approvals(self):
        news = NewsPageFactory(parent=self.tree.news, title="Fachtag Rückblick", live=False)
        self.submit(news)
        form = self.open_list()
        response = self.post(form, dict([button(form, "Freigeben", "Fachtag Rückblick")]))
        news.refresh_from_db()
        self.assertFalse(news.live)
        self.assertIn("Nächster Schritt: „Freigabe“", page_text(response))
        # The second step is listed again, with a new button.
        form = self.open_list()
        self.post(form, dict([button(form, "Freigeben", "Fachtag Rückblick")]))
        news.refresh_from_db()
        self.assertTrue(news.live)
        states = TaskState.objects.filter(workflow_state__object_id=str(news.pk)).order_by("pk")
        self.assertEqual(
            [(s.task.name, s.status) for s in states],
            [("Fachliche Prüfung", "approved"), ("Freigabe", "approved")],
        )

    def test_reject_with_reason(self):
        page = StandardPageFactory(parent=self.tree.home, title="Satzung", live=False)
        task_state = self.submit(page)
        form = self.open_list()
        comment_field = f"comment-page-{task_state.pk}"
        self.assertIn(comment_field, form.textareas)
        name, value = button(form, "Zurückweisen", "")
        response = self.post(form, {name: value, comment_field: "Quelle fehlt."})
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, TaskState.STATUS_REJECTED)
        self.assertEqual(task_state.comment, "Quelle fehlt.")
        self.assertEqual(task_state.workflow_state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.assertIn("„Satzung“ wurde zurückgewiesen", page_text(response))
        page.refresh_from_db()
        self.assertFalse(page.live)

    def test_reject_without_reason_is_refused(self):
        page = StandardPageFactory(parent=self.tree.home, title="Satzung", live=False)
        task_state = self.submit(page)
        form = self.open_list()
        name, value = button(form, "Zurückweisen", "")
        response = self.post(form, {name: value, f"comment-page-{task_state.pk}": "   "})
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, TaskState.STATUS_IN_PROGRESS)
        self.assertIn("Bitte begründen Sie die Zurückweisung", page_text(response))

    def test_bulk_approve(self):
        pages = [
            StandardPageFactory(parent=self.tree.home, title=title, live=False)
            for title in ("Vision", "Unterstützung", "Kontakt")
        ]
        states = [self.submit(page) for page in pages]
        form = self.open_list()
        self.assertEqual(sorted(form.checkboxes), sorted(f"page:{s.pk}" for s in states))
        name, value = button(form, "Ausgewählte freigeben", "")
        selected = [f"page:{states[0].pk}", f"page:{states[2].pk}"]
        self.client.post(form.action, {**form.fields, name: value, "selected": selected})
        live = [type(p).objects.get(pk=p.pk).live for p in pages]
        self.assertEqual(live, [True, False, True])

    def test_bulk_approve_without_selection_changes_nothing(self):
        page = StandardPageFactory(parent=self.tree.home, title="Vision", live=False)
        self.submit(page)
        form = self.open_list()
        name, value = button(form, "Ausgewählte freigeben", "")
        response = self.post(form, {name: value})
        self.assertIn("Bitte wählen Sie mindestens einen Eintrag aus.", page_text(response))
        page.refresh_from_db()
        self.assertFalse(page.live)

    def test_second_decision_is_refused(self):
        page = StandardPageFactory(parent=self.tree.home, title="Leitbild", live=False)
        self.submit(page)
        form = self.open_list()
        data = dict([button(form, "Freigeben", "Leitbild")])
        self.post(form, data)
        response = self.post(form, data)  # the same, stale button again
        self.assertIn("wurde in diesem Schritt bereits entschieden", page_text(response))
        publications = PageLogEntry.objects.filter(page=page, action="wagtail.publish")
        self.assertEqual(publications.count(), 1)

    def test_editor_cannot_decide(self):
        page = StandardPageFactory(parent=self.tree.home, title="Leitbild", live=False)
        task_state = self.submit(page)
        self.client.force_login(self.team["redaktion"])
        listing = self.client.get("/admin/pruefliste/")
        self.assertNotContains(listing, f'name="approve" value="page:{task_state.pk}"')
        response = self.client.post(
            "/admin/pruefliste/entscheiden/", {"approve": f"page:{task_state.pk}"}, follow=True
        )
        self.assertIn("nicht entscheiden", page_text(response))
        page.refresh_from_db()
        self.assertFalse(page.live)

    def test_malformed_requests_are_400(self):
        self.client.force_login(self.team["moderation"])
        malformed = (
            {},
            {"approve": "abc"},
            {"approve": "12"},
            {"approve": "user:12"},
            {"reject": "page:x"},
            {"bulk_approve": "1", "selected": "x"},
        )
        for data in malformed:
            with self.subTest(data=data):
                response = self.client.post("/admin/pruefliste/entscheiden/", data)
                self.assertEqual(response.status_code, 400)
        self.assertEqual(self.client.get("/admin/pruefliste/entscheiden/").status_code, 405)

    def test_unknown_task_state(self):
        self.client.force_login(self.team["moderation"])
        response = self.client.post(
            "/admin/pruefliste/entscheiden/", {"approve": "page:987654"}, follow=True
        )
        self.assertIn("Diese Prüfung gibt es nicht mehr.", page_text(response))

    def test_next_stays_on_this_site(self):
        page = StandardPageFactory(parent=self.tree.home, title="Leitbild", live=False)
        task_state = self.submit(page)
        self.client.force_login(self.team["moderation"])
        response = self.client.post(
            "/admin/pruefliste/entscheiden/",
            {"approve": f"page:{task_state.pk}", "next": "https://evil.example.org/"},
        )
        self.assertEqual(response["Location"], "/admin/pruefliste/")


class DashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()
        cls.page = StandardPageFactory(parent=cls.tree.home, title="Leitbild", live=False)
        ui_submit(cls.page, cls.team["redaktion"])

    def test_one_review_list(self):
        self.client.force_login(self.team["moderation"])
        response = self.client.get("/admin/")
        html = response.content.decode()
        self.assertIn('id="editorial-review', html)
        self.assertNotIn('id="awaiting-review', html)  # Wagtail's "Awaiting your review"
        self.client.force_login(self.team["redaktion"])
        html = self.client.get("/admin/").content.decode()
        self.assertIn("Meine Einreichungen", html)
        self.assertNotIn('id="objects-in-workflow', html)  # Wagtail's own list

    def test_approve_from_dashboard(self):
        self.client.force_login(self.team["moderation"])
        form = read_form(self.client.get("/admin/"), DASHBOARD_FORM)
        response = self.post_and_follow(form, dict([button(form, "Freigeben", "Leitbild")]))
        self.page.refresh_from_db()
        self.assertTrue(self.page.live)
        self.assertEqual(response.redirect_chain[-1][0], "/admin/")

    def post_and_follow(self, form, data):
        return self.client.post(form.action, {**form.fields, **data}, follow=True)


class KeywordDecisionTests(TestCase):
    """Proposed keywords wait in the Prüfliste beside the pages."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()
        cls.news = NewsPageFactory(parent=cls.tree.news, title="Werkstatt Quartier", live=False)
        cls.keyword = Schlagwort.objects.create(name="Quartiersarbeit", approved=False)
        cls.news.tags.add(cls.keyword)
        cls.news.save()

    def open_list(self):
        self.client.force_login(self.team["moderation"])
        return read_form(self.client.get("/admin/pruefliste/"), LIST_FORM)

    def test_listed_with_the_pages_that_use_it(self):
        self.client.force_login(self.team["moderation"])
        text = page_text(self.client.get("/admin/pruefliste/"))
        self.assertIn("Neue Schlagwörter", text)
        self.assertIn("Quartiersarbeit", text)
        self.assertIn("Werkstatt Quartier", text)

    def test_approve(self):
        form = self.open_list()
        response = self.client.post(
            form.action, {**form.fields, **dict([button(form, "Freigeben", "Quartiersarbeit")])},
            follow=True,
        )  # fmt: skip
        self.keyword.refresh_from_db()
        self.assertTrue(self.keyword.approved)
        self.assertIn("Schlagwort „Quartiersarbeit“ wurde freigegeben.", page_text(response))

    def test_listed_on_the_dashboard(self):
        self.client.force_login(self.team["moderation"])
        form = read_form(self.client.get("/admin/"), DASHBOARD_FORM)
        self.assertIn(f"keyword:{self.keyword.pk}", form.checkboxes)
        self.client.force_login(self.team["redaktion"])
        self.assertNotIn("Quartiersarbeit", page_text(self.client.get("/admin/")))

    def test_second_approval_says_so(self):
        form = self.open_list()
        data = {**form.fields, "approve": f"keyword:{self.keyword.pk}"}
        self.client.post(form.action, data)
        response = self.client.post(form.action, data, follow=True)
        self.assertIn("„Quartiersarbeit“ ist bereits freigegeben.", page_text(response))

    def test_reject_needs_a_reason_then_removes_it(self):
        form = self.open_list()
        item = f"keyword:{self.keyword.pk}"
        field = f"comment-keyword-{self.keyword.pk}"
        self.assertIn(field, form.textareas)
        response = self.client.post(form.action, {**form.fields, "reject": item}, follow=True)
        self.assertIn("Bitte begründen Sie die Zurückweisung.", page_text(response))
        self.assertTrue(Schlagwort.objects.filter(pk=self.keyword.pk).exists())
        self.client.post(form.action, {**form.fields, "reject": item, field: "Gibt es schon."})
        self.assertFalse(Schlagwort.objects.filter(pk=self.keyword.pk).exists())
        self.assertFalse(self.news.tags.exists())

    def test_editor_cannot_decide(self):
        self.client.force_login(self.team["redaktion"])
        self.assertNotIn("Quartiersarbeit", page_text(self.client.get("/admin/pruefliste/")))
        response = self.client.post(
            "/admin/pruefliste/entscheiden/", {"approve": f"keyword:{self.keyword.pk}"}, follow=True
        )
        self.assertIn("Darüber entscheidet die Moderation.", page_text(response))
        self.keyword.refresh_from_db()
        self.assertFalse(self.keyword.approved)

    def test_bulk_approve_pages_and_keywords(self):
        page = StandardPageFactory(parent=self.tree.home, title="Leitbild", live=False)
        task_state = ui_submit(page, self.team["redaktion"])
        form = self.open_list()
        selected = [f"page:{task_state.pk}", f"keyword:{self.keyword.pk}"]
        self.assertEqual(sorted(form.checkboxes), sorted(selected))
        self.client.post(form.action, {**form.fields, "bulk_approve": "1", "selected": selected})
        page.refresh_from_db()
        self.keyword.refresh_from_db()
        self.assertTrue(page.live)
        self.assertTrue(self.keyword.approved)


class MaterialDecisionTests(TestCase):
    """An editor's upload waits in the Prüfliste; the decision there makes it public."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = ui_site()
        cls.team = ui_team()

    def setUp(self):
        self.client.force_login(self.team["redaktion"])
        self.material = upload(self.client, "Programm Fachtag", "Tagesordnung Fachtag Saale")
        self.assertEqual(self.material.review_state, ReviewState.PENDING)

    def open_list(self):
        self.client.force_login(self.team["moderation"])
        return read_form(self.client.get("/admin/pruefliste/"), LIST_FORM)

    def test_listed_and_approved(self):
        self.client.force_login(self.team["moderation"])
        text = page_text(self.client.get("/admin/pruefliste/"))
        self.assertIn("Materialien zur Prüfung", text)
        self.assertIn("Programm Fachtag", text)
        self.assertIn("Redakteurin", text)  # who uploaded it
        form = self.open_list()
        data = dict([button(form, "Freigeben", "Programm Fachtag")])
        response = self.client.post(form.action, {**form.fields, **data}, follow=True)
        self.material.refresh_from_db()
        self.assertEqual(self.material.review_state, ReviewState.APPROVED)
        self.assertIn("Material „Programm Fachtag“ wurde freigegeben.", page_text(response))
        self.client.logout()
        self.assertEqual(self.client.get(self.material.url).status_code, 200)

    def test_reject_needs_a_reason(self):
        form = self.open_list()
        item, field = f"material:{self.material.pk}", f"comment-material-{self.material.pk}"
        self.assertIn(field, form.textareas)
        response = self.client.post(form.action, {**form.fields, "reject": item}, follow=True)
        self.assertIn("Bitte begründen Sie die Zurückweisung.", page_text(response))
        self.material.refresh_from_db()
        self.assertEqual(self.material.review_state, ReviewState.PENDING)
        self.client.post(form.action, {**form.fields, "reject": item, field: "Falsche Datei."})
        self.material.refresh_from_db()
        self.assertEqual(self.material.review_state, ReviewState.REJECTED)
        self.assertEqual(self.material.review_comment, "Falsche Datei.")
        self.client.logout()
        self.assertEqual(self.client.get(self.material.url).status_code, 404)

    def test_approve_from_the_dashboard(self):
        self.client.force_login(self.team["moderation"])
        form = read_form(self.client.get("/admin/"), DASHBOARD_FORM)
        data = dict([button(form, "Freigeben", "Programm Fachtag")])
        response = self.client.post(form.action, {**form.fields, **data}, follow=True)
        self.assertEqual(response.redirect_chain[-1][0], "/admin/")
        self.material.refresh_from_db()
        self.assertEqual(self.material.review_state, ReviewState.APPROVED)

    def test_stale_approval_of_a_rejected_material_is_refused(self):
        form = self.open_list()  # moderator 1 opens the list
        item, field = f"material:{self.material.pk}", f"comment-material-{self.material.pk}"
        self.client.force_login(self.team["moderation2"])
        self.client.post(form.action, {**form.fields, "reject": item, field: "Veraltet."})
        self.client.force_login(self.team["moderation"])
        response = self.client.post(form.action, {**form.fields, "approve": item}, follow=True)
        self.assertIn("„Programm Fachtag“ wurde bereits entschieden.", page_text(response))
        self.material.refresh_from_db()
        self.assertEqual(self.material.review_state, ReviewState.REJECTED)

    def test_editor_cannot_decide(self):
        listing = page_text(self.client.get("/admin/pruefliste/"))
        self.assertNotIn("Materialien zur Prüfung", listing)
        response = self.client.post(
            "/admin/pruefliste/entscheiden/",
            {"approve": f"material:{self.material.pk}"},
            follow=True,
        )
        self.assertIn("Darüber entscheidet die Moderation.", page_text(response))
        self.material.refresh_from_db()
        self.assertEqual(self.material.review_state, ReviewState.PENDING)
