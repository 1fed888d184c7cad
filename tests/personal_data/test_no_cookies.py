"""Visitors get no cookies anywhere on the public site, so no cookie banner is needed."""

import re

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page

from feedback.models import FeedbackFormPage
from page_feedback.forms import page_token


@pytest.fixture
def demo(demo_content, db, settings):
    settings.ALLOWED_HOSTS = ["*"]


def assert_no_cookie(response):
    assert not response.cookies, (response.request["PATH_INFO"], response.cookies)
    assert "Set-Cookie" not in str(response.serialize_headers())


def test_no_public_page_sets_a_cookie(client, demo):
    pages = [page for page in Page.objects.live().public().specific() if page.url]
    assert len(pages) > 5
    assert any(isinstance(page, FeedbackFormPage) for page in pages)
    for page in pages:
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


def test_the_feedback_form_sets_no_cookie(client, demo):
    """The feedback form and the accessible-format order carry a signed form token
    (core/form_protection.py) instead of Django's CSRF cookie, shown or sent."""
    form = FeedbackFormPage.objects.live().first()
    shown = client.get(form.url)
    assert_no_cookie(shown)
    token = re.search(r'name="form_token" value="([^"]+)"', shown.content.decode())[1]
    field = form.form_fields.filter(field_type="multiline").first()
    sent = client.post(form.url, {"form_token": token, field.clean_name: "Bra sida."})
    assert sent.status_code == 200
    assert "Tack för dina synpunkter!" in sent.content.decode()
    assert_no_cookie(sent)

    document = get_document_model().objects.first()
    order = client.get(reverse("alternate_formats:order", args=[document.pk]))
    assert order.status_code == 200
    assert_no_cookie(order)
    assert not dict(client.cookies)
