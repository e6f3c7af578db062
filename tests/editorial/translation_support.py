"""Helpers for the translation tests: wagtail-localize's editor as a user drives it."""

from __future__ import annotations

from bs4 import BeautifulSoup

from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation


def translation_of(page: Page) -> Translation:
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    )


def translate_title(client: Client, english: Page, text: str) -> int:
    """Type ``text`` into the title segment of the translation editor (its string API)."""
    translation = translation_of(english)
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url,
        data=encode_multipart(BOUNDARY, {"value": text}),
        content_type=MULTIPART_CONTENT,
    )
    return response.status_code


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class Footer:
    """The translation editor's footer as the user sees it."""

    def __init__(self, html: str):
        soup = BeautifulSoup(html, "html.parser")
        self.footer = soup.select_one("[data-editorial-translation-footer]")
        assert self.footer is not None, "the translation editor has no footer"
        self.soup = soup

    @property
    def primary(self) -> str:
        button = self.footer.select_one("[data-editorial-primary]")
        return button.get_text(" ", strip=True) if button else ""

    @property
    def primary_is_destructive(self) -> bool:
        button = self.footer.select_one("[data-editorial-primary]")
        return button is not None and button.has_attr("data-destructive")

    @property
    def menu(self) -> list[str]:
        content = self.footer.select_one(".w-dropdown__content")
        if content is None:
            return []
        return [item.get_text(" ", strip=True) for item in content.find_all(["a", "button"])]

    @property
    def text(self) -> str:
        return self.footer.get_text(" ", strip=True)


def footer_for(client: Client, page: Page) -> Footer:
    response = client.get(edit_url(page))
    assert response.status_code == 200, response.status_code
    return Footer(response.content.decode())
