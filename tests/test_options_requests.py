"""Every public address says which methods it takes (core/method_not_allowed.py):
OPTIONS answers 200 with exactly those in ``Allow`` and no body (RFC 9110 section
9.3.7), and any other method gets 405 with the same ``Allow`` and the readable page in
the address's language, before Django's CSRF check (never its 403). The views that take
POST keep their CSRF protection.

The walk covers every URL pattern outside the admin, so a new view that declares no
methods fails the first test."""

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from wagtail.models import PageViewRestriction

from feedback.models import FeedbackFormPage
from language_versions.factories import SignLanguageIndexPageFactory, SignLanguagePageFactory
from tests.test_head_requests import sample_urls, site_content  # noqa: F401 (fixture)

READ = "GET, HEAD, OPTIONS"
FORM = "GET, HEAD, OPTIONS, POST"
POST_ONLY = "OPTIONS, POST"

# What each public URL pattern takes. Pages (wagtail_serve) depend on the page.
PATTERN_METHODS = {
    "wagtaildocs_serve": READ,
    "wagtaildocs_authenticate_with_password": FORM,
    "sitemap": READ,
    "robots_txt": READ,
    "serve_rendition": READ,
    "order": FORM,
    "review": READ,
    "review_file": READ,
    "public_versions": READ,
    "public": READ,
    "public_file": READ,
    "vcard": READ,
    "search": READ,
    "new_publications_feed": READ,
    "upcoming_ics": READ,
    "conference_ics": READ,
    "answer": POST_ONLY,
    "comment": POST_ONLY,
    "wagtailcore_authenticate_with_password": FORM,
    "wagtailcore_login": FORM,
}


def public_callbacks(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from public_callbacks(pattern.url_patterns, route)
        elif not route.startswith("admin/") and pattern.name != "wagtail_serve":
            yield pattern.name, pattern.callback


def test_every_public_view_declares_its_methods():
    declared = {
        name: ", ".join(getattr(callback, "allowed_methods", ()))
        for name, callback in public_callbacks()
    }

    assert declared == PATTERN_METHODS


@pytest.fixture
def addresses(site_content, home):  # noqa: F811 (the imported fixture)
    """(url, Allow) for a sample of every public view kind, Swedish and English."""
    urls = sample_urls(site_content)
    found = [
        (url, PATTERN_METHODS[name])
        for name, group in urls.items()
        if group and name != "wagtail_serve"
        for url in group
    ]
    # Pages: a form page (the feedback form) takes POST too, every other page only reads.
    forms = {page.url for page in FeedbackFormPage.objects.live()}
    assert forms
    found += [(url, FORM if url in forms else READ) for url in urls["wagtail_serve"]]
    sign_language = SignLanguagePageFactory(parent=SignLanguageIndexPageFactory(parent=home))
    found += [
        (sign_language.video_url(), READ),
        (sign_language.captions_url(), READ),
        ("/en/sok/?q=smart", READ),
        ("/en/flode/nytt.atom", READ),
        ("/en/kalender/konferenser.ics", READ),
        (reverse("page_feedback:answer"), POST_ONLY),
        ("/en/sidrespons/kommentar/", POST_ONLY),
    ]
    return found


def test_options_names_exactly_the_methods_and_sends_no_body(client, addresses):
    assert len(addresses) >= 20
    for url, allow in addresses:
        response = client.options(url)

        assert response.status_code == 200, url
        assert response["Allow"] == allow, url
        assert response.content == b"" and response["Content-Length"] == "0", url
        assert "Content-Type" not in response, url


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_a_method_the_address_does_not_take_is_405_with_the_same_allow(addresses, method):
    browser = Client(enforce_csrf_checks=True)  # as a real client: no CSRF token
    for url, allow in addresses:
        response = getattr(browser, method)(url)

        assert response.status_code == 405, (url, response.status_code)
        assert response["Allow"] == allow, url
        html = response.content.decode()
        assert response["Content-Type"] == "text/html; charset=utf-8", url
        assert html.count("<h1>") == 1, url
        language = "en" if url.startswith("/en/") else "sv"
        assert f'<html lang="{language}">' in html, url


def test_post_to_a_read_only_address_is_405_not_the_csrf_refusal(addresses):
    browser = Client(enforce_csrf_checks=True)
    for url, allow in addresses:
        if "POST" in allow:
            continue
        response = browser.post(url, {"q": "x"})

        assert response.status_code == 405, (url, response.status_code)
        assert response["Allow"] == allow, url


def test_views_that_take_post_keep_their_csrf_check(home):
    browser = Client(enforce_csrf_checks=True)
    restriction = PageViewRestriction.objects.create(
        page=home, restriction_type="password", password="hemligt"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, home.pk])

    assert browser.post(url, {"password": "hemligt"}).status_code == 403
    assert browser.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 403
    assert browser.put(url).status_code == 405


def test_options_on_a_missing_page_is_404(client, home):
    assert client.options("/finns-inte/").status_code == 404
