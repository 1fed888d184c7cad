"""The demo's lättläst and teckenspråk pages (demo/language_versions.py)."""

import io
import os

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from demo.language_versions import CAPTIONS, VIDEO
from language_versions.models import EasyReadPage, SignLanguagePage
from language_versions.uploads import check_captions, check_video

SMART = "/amnesomraden/regional-kapacitet/smart-specialisering/"


@pytest.fixture
def demo(demo_content, db, settings):
    settings.ALLOWED_HOSTS = ["*"]


def test_demo_files_are_small_and_pass_the_upload_checks():
    from django.core.files.base import ContentFile

    assert VIDEO.stat().st_size < 200 * 1024
    check_video(ContentFile(VIDEO.read_bytes(), name=VIDEO.name))
    check_captions(ContentFile(CAPTIONS.read_bytes(), name=CAPTIONS.name))


def test_smart_specialisation_has_an_easy_read_page_linked_from_its_topic_page(demo, client):
    page = EasyReadPage.objects.get()

    assert page.topic.url == SMART
    assert page.body.startswith("<p>Smart specialisering betyder att")
    assert f'href="{page.url}"' in client.get(SMART).content.decode()


def test_demo_sign_language_captions_say_the_page_text(demo, client):
    page = SignLanguagePage.objects.get()
    captions = b"".join(client.get(page.captions_url()).streaming_content).decode()

    assert captions.startswith("WEBVTT")
    for line in ("Välkommen till Tillväxtverket.", "Vi hjälper också regioner i hela Sverige."):
        assert line in captions
        assert line in page.body


def test_loading_twice_stores_each_demo_file_once(demo):
    folder = os.path.join(django_settings.MEDIA_ROOT, "teckensprak")
    before = sorted(os.listdir(folder))

    call_command("load_demo_content", stdout=io.StringIO())

    assert sorted(os.listdir(folder)) == before
    assert SignLanguagePage.objects.count() == 1
    assert EasyReadPage.objects.count() == 1


def test_demo_sign_language_page_says_its_video_is_a_placeholder(demo, client):
    page = SignLanguagePage.objects.get()

    html = client.get(page.url).content.decode()

    assert "<figcaption>Platshållare i demon: filmen visar ingen tecknare" in html
    assert "Film på svenskt teckenspråk, med svensk textning." not in html
