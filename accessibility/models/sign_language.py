"""The page in Deutsche Gebärdensprache (/de/gebaerdensprache/) and its videos."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from home.models import BasePage

from ..validators import validate_mp4, validate_webm, validate_webvtt
from .easy_read import GermanOnlyPageMixin

# Below MEDIA_ROOT; served by nginx with range requests (docs/deploy/nginx.conf),
# by runserver through accessibility/media.py.
UPLOAD_DIR = "gebaerdensprache/"


class SignLanguagePage(GermanOnlyPageMixin, BasePage):
    """Videos in Deutsche Gebärdensprache (DGS) that explain the portal (BITV 2.0
    § 4), each with captions and a written transcript. Sits under the German home
    page, slug ``gebaerdensprache``; every page's header links it. The videos are
    served by the site itself: no third-party player, no tracking."""

    intro = RichTextField(_("Einleitung"), features=["bold", "link"], blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("videos", label=_("Videos"), min_num=0),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields(
            "videos", [index.SearchField("title"), index.SearchField("transcript")]
        ),
    ]

    class Meta:
        verbose_name = _("Seite in Gebärdensprache")
        verbose_name_plural = _("Seiten in Gebärdensprache")


class SignLanguageVideo(Orderable):
    """One DGS video: WebM (every current browser), optionally MP4 (older Safari),
    German captions (WebVTT) and the transcript shown below the player."""

    page = ParentalKey(SignLanguagePage, on_delete=models.CASCADE, related_name="videos")
    title = models.CharField(_("Titel"), max_length=200)
    webm = models.FileField(
        _("Video (WebM)"),
        upload_to=UPLOAD_DIR,
        validators=[validate_webm],
        help_text=_("Pflicht. VP9 oder VP8, höchstens 100 MB."),
    )
    mp4 = models.FileField(
        _("Video (MP4, optional)"),
        upload_to=UPLOAD_DIR,
        validators=[validate_mp4],
        blank=True,
        help_text=_("Für ältere Browser: H.264, höchstens 100 MB."),
    )
    captions = models.FileField(
        _("Untertitel (WebVTT)"),
        upload_to=UPLOAD_DIR,
        validators=[validate_webvtt],
        help_text=_("Deutsche Untertitel als .vtt-Datei in UTF-8, beginnend mit „WEBVTT“."),
    )
    transcript = RichTextField(
        _("Text zum Video"),
        features=["bold", "link", "ol", "ul"],
        help_text=_("Der Inhalt des Videos in geschriebener Sprache."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("webm"),
        FieldPanel("mp4"),
        FieldPanel("captions"),
        FieldPanel("transcript"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Video in Gebärdensprache")
        verbose_name_plural = _("Videos in Gebärdensprache")

    def __str__(self) -> str:
        return self.title
