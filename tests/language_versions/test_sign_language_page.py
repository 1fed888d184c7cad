"""Teckenspråk: the page type, its admin form's file checks, and what a visitor gets."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text

from language_versions.factories import (
    CAPTIONS_TEXT,
    WEBM_BYTES,
    SignLanguageIndexPageFactory,
    SignLanguagePageFactory,
)
from language_versions.models import SignLanguageIndexPage, SignLanguagePage
from pages.models import HomePage, TopicPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return SignLanguageIndexPageFactory(parent=home)


def form(title, video, captions):
    return nested_form_data(
        {
            "title": title,
            "slug": "om-oss",
            "video": video,
            "captions": captions,
            "body": rich_text("<p>Välkommen till Tillväxtverket.</p>"),
            "action-publish": "publish",
        }
    )


def video_file(name="film.webm", data=WEBM_BYTES):
    return SimpleUploadedFile(name, data, content_type="video/webm")


def captions_file(text=CAPTIONS_TEXT, name="textning.vtt"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/vtt")


def test_sign_language_pages_live_under_their_index_under_home():
    assert SignLanguageIndexPage.can_create_at(HomePage()) is True
    assert SignLanguagePage.can_create_at(SignLanguageIndexPage()) is True
    assert SignLanguagePage.can_create_at(HomePage()) is False
    assert SignLanguagePage.can_create_at(TopicPage()) is False
    assert SignLanguagePage.allowed_subpage_models() == []


def test_editor_publishes_a_sign_language_page_with_video_and_captions(admin_client, index):
    data = form("Om oss på teckenspråk", video_file(), captions_file())

    response = admin_client.post(
        f"/admin/pages/add/language_versions/signlanguagepage/{index.pk}/", data
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    page = SignLanguagePage.objects.get(slug="om-oss")
    assert page.live
    assert page.video.read() == WEBM_BYTES


def test_captions_not_in_webvtt_give_a_form_error_and_no_page(admin_client, index):
    srt = "1\n00:00:00,000 --> 00:00:03,000\nVälkommen.\n"
    data = form("Om oss på teckenspråk", video_file(), captions_file(srt, "textning.vtt"))

    response = admin_client.post(
        f"/admin/pages/add/language_versions/signlanguagepage/{index.pk}/", data
    )

    assert response.status_code == 200
    assert "börjar med raden WEBVTT" in response.content.decode()
    assert not SignLanguagePage.objects.exists()


def test_missing_captions_give_a_form_error_and_no_page(admin_client, index):
    data = form("Om oss på teckenspråk", video_file(), "")

    response = admin_client.post(
        f"/admin/pages/add/language_versions/signlanguagepage/{index.pk}/", data
    )

    assert response.status_code == 200
    assert response.context["form"].errors["captions"]
    assert not SignLanguagePage.objects.exists()


def test_wrong_video_type_on_edit_is_refused_and_the_page_keeps_its_video(admin_client, index):
    page = SignLanguagePageFactory(parent=index, slug="om-oss")
    stored_name = page.video.name
    revisions = page.revisions.count()
    data = form("Ny rubrik", video_file("film.mov", b"\x00\x00\x00\x14ftypqt  "), captions_file())

    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 200
    assert "MP4- eller WebM-fil" in response.content.decode()
    page = SignLanguagePage.objects.get(pk=page.pk)
    assert page.title != "Ny rubrik"
    assert page.video.name == stored_name
    assert page.revisions.count() == revisions


def test_page_plays_the_video_natively_with_swedish_captions_and_the_symbol(client, index):
    page = SignLanguagePageFactory(parent=index, title="Om oss på teckenspråk")

    html = client.get(page.url).content.decode()

    assert '<article class="article language-version" lang="sv">' in html
    assert html.count("<h1") == 1
    assert 'alt="Symbol för teckenspråk"' in html
    assert "<video controls" in html
    assert f'<source src="{page.video_url()}" type="video/webm">' in html
    assert (
        f'<track kind="captions" srclang="sv" label="Svenska" src="{page.captions_url()}" default>'
        in html
    )
    assert "Välkommen till Tillväxtverket." in html
    assert "<iframe" not in html and "youtube" not in html.lower()


def test_video_and_captions_come_from_the_page_address_with_their_types(client, index):
    page = SignLanguagePageFactory(parent=index)

    video = client.get(page.video_url())
    captions = client.get(page.captions_url())

    assert video.status_code == 200 and video["Content-Type"] == "video/webm"
    assert b"".join(video.streaming_content) == WEBM_BYTES
    assert captions["Content-Type"] == "text/vtt; charset=utf-8"
    assert b"".join(captions.streaming_content).decode().startswith("WEBVTT")
    assert page.video_url().startswith(page.url)


def test_an_old_video_address_is_not_found(client, index):
    page = SignLanguagePageFactory(parent=index)

    assert client.get(f"{page.url}video/000000000000/").status_code == 404
    assert client.get(f"{page.url}textning/000000000000/").status_code == 404


def test_public_policy_allows_media_from_the_site_only(client, index):
    page = SignLanguagePageFactory(parent=index)

    policy = client.get(page.url)["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if " " in part)
    # media-src falls back to default-src (CSP Level 3).
    assert directives.get("media-src", directives["default-src"]) == "'self'"
    assert "*" not in policy and "unsafe" not in policy


def test_index_lists_live_pages_with_the_same_queries_however_many(client, index):
    SignLanguagePageFactory(parent=index, title="Första filmen")
    draft = SignLanguagePageFactory(parent=index, title="Utkastet")
    draft.unpublish()
    client.get(index.url)  # Fills the site's caches.
    with CaptureQueriesContext(connection) as one:
        html = client.get(index.url).content.decode()
    assert "Första filmen" in html and "Utkastet" not in html
    assert 'alt="Symbol för teckenspråk"' in html
    for number in range(3):
        SignLanguagePageFactory(parent=index, title=f"Film nummer {number}")
    client.get(index.url)
    with CaptureQueriesContext(connection) as four:
        html = client.get(index.url).content.decode()
    assert "Film nummer 2" in html
    assert len(four) == len(one)
    assert Page.objects.type(SignLanguagePage).live().count() == 4


def test_caption_says_what_the_video_is_when_the_editor_describes_it(client, index):
    described = SignLanguagePageFactory(
        parent=index, video_description="Platshållare: filmen visar ingen tecknare."
    )
    plain = SignLanguagePageFactory(parent=index)

    assert (
        "<figcaption>Platshållare: filmen visar ingen tecknare.</figcaption>"
        in client.get(described.url).content.decode()
    )
    assert (
        "<figcaption>Film på svenskt teckenspråk, med svensk textning.</figcaption>"
        in client.get(plain.url).content.decode()
    )
