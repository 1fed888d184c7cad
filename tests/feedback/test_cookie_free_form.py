"""The feedback form without Django's CSRF cookie: a signed, time-limited token per form
and an origin check (core/form_protection.py), while every other page keeps Django's
own CSRF check."""

import re
import time

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import PageViewRestriction

from contacts.factories import ContactPersonFactory
from core.form_protection import issue_token
from feedback.factories import FeedbackFormPageFactory
from pages.factories import TopicPageFactory

TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


@pytest.fixture
def feedback(home):
    return FeedbackFormPageFactory(parent=home, contact=ContactPersonFactory())


@pytest.fixture
def browser():
    """A client that checks CSRF as a browser's requests are checked."""
    return Client(enforce_csrf_checks=True)


def token_from(response):
    return TOKEN.search(response.content.decode())[1]


def send(browser, page, token, **headers):
    return browser.post(page.url, {"synpunkter": "Bra sida.", "form_token": token}, **headers)


def test_a_visitor_sends_the_form_without_any_cookie(browser, feedback):
    shown = browser.get(feedback.url)

    sent = send(browser, feedback, token_from(shown), HTTP_ORIGIN="http://testserver")

    assert sent.status_code == 200
    assert "Tack för dina synpunkter!" in sent.content.decode()
    assert FormSubmission.objects.get().form_data == {
        "namn": "",
        "e_post": "",
        "synpunkter": "Bra sida.",
    }
    assert not shown.cookies and not sent.cookies and not dict(browser.cookies)


def test_other_pages_still_refuse_a_post(browser, home):
    """A page without a form takes no post at all: 405 (core/method_not_allowed.py),
    before Django's CSRF check (core/form_protection.enforce_django_csrf); so does a view
    that is no page and takes no post (search). A view that takes a post without its own
    protection (a private page's password form) still gets Django's CSRF check."""
    topic = TopicPageFactory(parent=home)
    restriction = PageViewRestriction.objects.create(
        page=topic, restriction_type="password", password="hemligt"
    )
    password_form = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.pk, topic.pk]
    )

    assert browser.post(topic.url, {"q": "x"}).status_code == 405
    assert browser.post("/sok/", {"q": "x"}).status_code == 405
    assert browser.post(password_form, {"password": "hemligt"}).status_code == 403
    assert browser.get(password_form).status_code == 200


@pytest.mark.parametrize("token", ["", "förfalskad", issue_token("feedback:999999")])
def test_a_missing_forged_or_other_forms_token_is_refused_and_the_text_kept(
    browser, feedback, token
):
    response = send(browser, feedback, token)

    html = response.content.decode()
    assert "Formuläret kunde inte tas emot. Det du skrev finns kvar." in html
    assert "Bra sida.</textarea>" in html
    assert FormSubmission.objects.count() == 0


def test_an_old_token_gives_the_form_back_with_a_fresh_one_that_sends(
    browser, feedback, monkeypatch
):
    two_days_ago = time.time() - 2 * 24 * 60 * 60
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: two_days_ago)
        old = token_from(browser.get(feedback.url))

    response = send(browser, feedback, old)

    html = response.content.decode()
    assert "Formuläret var öppet för länge och skickades inte. Det du skrev finns kvar." in html
    assert "Bra sida.</textarea>" in html
    assert FormSubmission.objects.count() == 0
    fresh = token_from(response)
    assert fresh != old
    assert "Tack för dina synpunkter!" in send(browser, feedback, fresh).content.decode()
    assert FormSubmission.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_REFERER": "https://evil.example/form.html"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
    ],
)
def test_a_post_from_another_site_is_refused_even_with_a_valid_token(browser, feedback, headers):
    token = token_from(browser.get(feedback.url))

    response = send(browser, feedback, token, **headers)

    assert response.status_code == 403
    assert "Formuläret skickades från en annan webbplats" in response.content.decode()
    assert FormSubmission.objects.count() == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_REFERER": "http://testserver/synpunkter/"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_a_post_from_this_site_or_without_a_named_origin_is_taken(browser, feedback, headers):
    token = token_from(browser.get(feedback.url))

    assert send(browser, feedback, token, **headers).status_code == 200
    assert FormSubmission.objects.count() == 1


def test_a_trusted_origin_counts_as_this_site(browser, feedback, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.example.se"]
    token = token_from(browser.get(feedback.url))

    response = send(browser, feedback, token, HTTP_ORIGIN="https://www.example.se")

    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1
