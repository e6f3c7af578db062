"""The page editor's form as a browser would post it, for tests that save or
submit pages through the admin with the test client."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield


def edit_form(page: Page, user=None, **changes) -> dict[str, list[str]]:
    """The edit form of ``page`` as ``user`` (default: a superuser) sees it, with
    ``changes`` applied. The StreamField editor is drawn by JavaScript: an empty
    body is posted."""
    client = Client()
    if user is None:
        user = get_user_model().objects.filter(is_superuser=True).first()
        if user is None:
            user = get_user_model().objects.create_superuser("formular-admin", "f@example.org")
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    form = {key: data.getlist(key) for key in data}
    if hasattr(page.specific, "body"):
        form.update(
            {key: [value] for key, value in nested_form_data({"body": streamfield([])}).items()}
        )
    form.update({key: [value] for key, value in changes.items()})
    return form
