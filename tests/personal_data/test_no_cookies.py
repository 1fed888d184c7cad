"""Visitors get no cookies anywhere on the public site, so no cookie banner is needed."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from feedback.models import FeedbackFormPage
from page_feedback.forms import page_token


@pytest.fixture
def demo(db, settings):
    settings.ALLOWED_HOSTS = ["*"]
    call_command("load_demo_content", stdout=io.StringIO())


def assert_no_cookie(response):
    assert not response.cookies, (response.request["PATH_INFO"], response.cookies)
    assert "Set-Cookie" not in str(response.serialize_headers())


def test_no_public_page_sets_a_cookie(client, demo):
    pages = [page for page in Page.objects.live().public().specific() if page.url]
    assert len(pages) > 5
    for page in pages:
        if isinstance(page, FeedbackFormPage):
            continue  # see test_the_feedback_form_sets_no_cookie
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert_no_cookie(response)
    for path in ("/sok/?q=smart", "/sitemap.xml", "/robots.txt", "/finns-inte/"):
        assert_no_cookie(client.get(path))
    topic = next(
        page
        for page in pages
        if "Hittade du det du sökte?" in client.get(page.url).content.decode()
    )
    answered = client.post("/sidrespons/svar/", {"token": page_token(topic.pk), "found": "nej"})
    assert answered.status_code == 200
    assert_no_cookie(answered)
    assert client.cookies == {} or not dict(client.cookies)


@pytest.mark.xfail(
    strict=True,
    reason="The feedback form (pages.FeedbackFormPage) still uses Django's CSRF cookie; "
    "issue 14 leaves moving it to the page feedback's cookie-free protection to a follow-up.",
)
def test_the_feedback_form_sets_no_cookie(client, demo):
    form = FeedbackFormPage.objects.live().first()
    assert_no_cookie(client.get(form.url))
