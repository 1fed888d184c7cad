"""Teckenspråk: information in Swedish sign language, as a self-hosted video with
captions and the same information as Swedish text.

The video and its captions are served from the page's own address
(``<page>/video/<version>/`` and ``<page>/textning/<version>/``), never from a video
service or the storage bucket: no third-party player or tracking, the same view
restrictions as the page, and the public policy's ``default-src 'self'``
(agency/settings/base.py; ``media-src`` falls back to it, CSP Level 3) allows
them with nothing added. ``<version>`` changes with the file, so a front cache may keep
each address for good."""

import hashlib

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.file_ranges import ranged_file_response
from core.models.pages import BasePage
from language_versions.uploads import check_captions, check_video, video_content_type
from search.text import in_search_form

from .base import PLAIN_TEXT_FEATURES, LanguageVersionIndexPage, PlainTextSummaryMixin


class SignLanguageIndexPage(LanguageVersionIndexPage):
    """Teckenspråk: the list of every sign-language page, linked from the site header."""

    subpage_types = ["language_versions.SignLanguagePage"]

    class Meta:
        verbose_name = _("samlingssida för teckenspråk")
        verbose_name_plural = _("samlingssidor för teckenspråk")

    def child_model(self):
        return SignLanguagePage


def file_version(field_file):
    """A short, URL-safe token (str) that changes whenever the stored file does."""
    return hashlib.sha256(field_file.name.encode()).hexdigest()[:12]


class SignLanguagePage(RoutablePageMixin, PlainTextSummaryMixin, BasePage):
    """A video in Swedish sign language, its WebVTT captions and its text in Swedish."""

    video = models.FileField(
        _("film på teckenspråk"),
        upload_to="teckensprak/",
        validators=[check_video],
        help_text=_(
            "MP4 eller WebM. Filmen visas i webbplatsens egen spelare, med textning. "
            "Den får vara högst 200 MB."
        ),
    )
    captions = models.FileField(
        _("textning (WebVTT)"),
        upload_to="teckensprak/",
        validators=[check_captions],
        help_text=_(
            "Krävs. En .vtt-fil med svensk textning av filmen, med tider. Filen börjar "
            "med raden WEBVTT."
        ),
    )
    video_description = models.CharField(
        _("beskrivning av filmen"),
        max_length=255,
        blank=True,
        help_text=_(
            "Visas under filmen. Säg vad filmen visar om det inte är en tecknare som "
            "tecknar texten. Tomt: ”Film på svenskt teckenspråk, med svensk textning.”"
        ),
    )
    body = RichTextField(
        _("texten på svenska"),
        features=PLAIN_TEXT_FEATURES,
        help_text=_(
            "Samma information som i filmen, som text på svenska. Visas under filmen för "
            "den som inte kan se eller spela upp den."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("video"),
        FieldPanel("captions"),
        FieldPanel("video_description"),
        FieldPanel("body"),
    ]
    search_fields = in_search_form([*Page.search_fields, index.SearchField("body")])

    parent_page_types = ["language_versions.SignLanguageIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("sida på teckenspråk")
        verbose_name_plural = _("sidor på teckenspråk")

    def video_type(self):
        return video_content_type(self.video.name)

    def video_url(self):
        return self.url + self.reverse_subpage("video", args=[file_version(self.video)])

    def captions_url(self):
        return self.url + self.reverse_subpage("captions", args=[file_version(self.captions)])

    @path("video/<str:version>/", name="video")
    def serve_video(self, request, version):
        return self._serve_file(request, self.video, version, self.video_type())

    @path("textning/<str:version>/", name="captions")
    def serve_captions(self, request, version):
        return self._serve_file(request, self.captions, version, "text/vtt; charset=utf-8")

    def _serve_file(self, request, field_file, version, content_type):
        if not field_file or version != file_version(field_file):
            raise Http404
        storage = field_file.storage
        try:
            opened = storage.open(field_file.name, "rb")
            size = storage.size(field_file.name)
        except (FileNotFoundError, OSError):
            raise Http404 from None
        try:  # For If-Modified-Since and a dated If-Range (core/file_ranges.py).
            modified = storage.get_modified_time(field_file.name).timestamp()
        except (NotImplementedError, OSError):
            modified = ""
        # Browsers fetch and seek a video in parts; Safari plays only from a server
        # that answers them (core/file_ranges.py). The version names the file's bytes.
        etag = f'"{version}-{size}"'
        return ranged_file_response(request, opened, size, content_type, etag, modified)
