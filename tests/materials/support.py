"""Uploading materials through the admin's real views, and what the public sees."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale

from events.models import EventMaterial, EventPage
from materials.models import Material
from search.query import SearchParams, get_engine
from tests.factories import EventPageFactory, make_pdf
from tests.factories.pages import publish


def pdf_upload(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, make_pdf(text), content_type="application/pdf")


def form_collection(client: Client) -> int | None:
    """The collection the admin's add view preselects for this user (None: no choice)."""
    form = client.get(reverse("wagtaildocs:add")).context["form"]
    return form["collection"].value() if "collection" in form.fields else None


def upload(client: Client, title: str, text: str, collection=None) -> Material:
    """Uploads a PDF containing ``text`` through the admin's add view, into
    ``collection`` or the one the form preselects."""
    return upload_file(client, title, pdf_upload("material.pdf", text), collection)


def upload_file(client: Client, title: str, file, collection=None) -> Material:
    """Uploads ``file`` through the admin's add view (see ``upload``)."""
    data = {"title": title, "file": file, "kind": "programm", "description": "", "tags": ""}
    chosen = collection.pk if collection is not None else form_collection(client)
    if chosen is not None:
        data["collection"] = chosen
    response = client.post(reverse("wagtaildocs:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    return Material.objects.get(title=title)


def upload_multiple(client: Client, title: str, text: str, collection=None):
    """The multiple upload (the admin's "Dokument hinzufügen"); returns the response."""
    data = {"title": title, "files[]": pdf_upload("mehrere.pdf", text)}
    if collection is not None:
        data["collection"] = collection.pk
    return client.post(reverse("wagtaildocs:add_multiple"), data)


def event_linking(parent, material: Material, title: str = "Regionalwerkstatt Gera") -> EventPage:
    """A live event page that lists ``material``."""
    event = EventPageFactory(parent=parent, title=title)
    EventMaterial.objects.create(page=event, document=material)
    publish(event)
    return EventPage.objects.get(pk=event.pk)


def downloads(client: Client, material: Material) -> bool:
    material.refresh_from_db()
    response = client.get(material.url)
    return response.status_code == 200 and b"%PDF" in b"".join(response.streaming_content)


def found(client: Client, word: str, material: Material) -> bool:
    """Whether the site search for ``word`` lists ``material``."""
    response = client.get("/de/suche/", {"q": word})
    assert response.status_code == 200
    return material.url in response.content.decode()


def engine_hit(word: str, material: Material) -> bool:
    """Whether the search engine itself (before the hits are re-checked) counts
    ``material`` among the hits for ``word``."""
    result = get_engine().search(SearchParams(query=word, locale=Locale.get_default()))
    return ("material", material.pk) in result.keys


def suggested(client: Client, prefix: str, material: Material) -> bool:
    response = client.get("/de/suche/vorschlaege/", {"q": prefix})
    return any(s["title"] == material.title for s in response.json()["suggestions"])


def listed(client: Client, page) -> bool:
    """Whether ``page`` (public URL) lists its material (its download link)."""
    response = client.get(page.url)
    assert response.status_code == 200
    material = page.material_links.first().document
    return material.url in response.content.decode()


def edit_data(material: Material, **changes) -> dict:
    """The admin edit form's fields for ``material``, with ``changes``."""
    data = {
        "title": material.title,
        "collection": material.collection_id,
        "kind": material.kind,
        "description": material.description,
        "tags": "",
    }
    return {**data, **changes}
