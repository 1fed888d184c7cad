"""The language switcher on what is rendered at a form's or utility's address (Wagtail's
password and login forms under /_util/, a password-protected file's form, the
page-feedback answer) leads where it leads on the page itself, or to the other
language's home page: never to the utility's address in the other language, which is
no place to read (core/i18n.py address_in, READABLE_VIEWS)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from documents.factories import DocumentFactory
from pages.factories import TopicPageFactory
from tests.i18n.conftest import translate


def switcher(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [link["href"] for link in html.select(".language-switcher__link")]


@pytest.fixture
def secret(home, english):
    """A Swedish password-protected topic page with a public English translation, and
    an English one whose Swedish original is public."""
    translate(home, english, title="Home")
    topic = TopicPageFactory(parent=home, title="Hemligt", slug="hemligt")
    en_topic = translate(topic, english, title="Secret", slug="secret")
    other = TopicPageFactory(parent=home, title="Öppet", slug="oppet")
    en_other = translate(other, english, title="Closed", slug="closed")
    return {
        "sv": (
            topic,
            PageViewRestriction.objects.create(
                page=topic, restriction_type="password", password="rätt"
            ),
        ),
        "en": (
            en_other,
            PageViewRestriction.objects.create(
                page=en_other, restriction_type="password", password="rätt"
            ),
        ),
        "other": {"sv": en_topic, "en": other},
    }


@pytest.mark.parametrize(("language", "expected"), [("sv", "/en/secret/"), ("en", "/oppet/")])
def test_the_password_page_links_to_the_pages_translation_before_and_after_a_wrong_password(
    client, secret, language, expected
):
    page, restriction = secret[language]
    first = client.get(page.url)
    action = BeautifulSoup(first.content, "html.parser").select_one(".password-form")["action"]
    wrong = client.post(action, {"password": "fel", "return_url": page.url})
    client.post(action, {"password": "rätt", "return_url": page.url})
    itself = client.get(page.url)

    assert BeautifulSoup(wrong.content, "html.parser").select_one("#password-error")
    assert switcher(first) == switcher(wrong) == switcher(itself) == [expected]


@pytest.mark.parametrize(("prefix", "home_there"), [("", "/en/"), ("/en", "/")])
def test_a_password_form_sent_without_its_token_links_to_the_other_home_page(
    secret, prefix, home_there
):
    page, restriction = secret["sv"]
    url = prefix + reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])

    response = Client(enforce_csrf_checks=True).post(url, {"password": "fel"})

    assert response.status_code == 403
    assert switcher(response) == [home_there]


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("post", "/_util/login/"),  # Wagtail's login form for login-restricted pages
        ("post", "/en/_util/login/"),
        ("get", "/_util/authenticate_with_password/999/999/"),  # a form for no page: 404
        ("get", "/sidrespons/svar/"),  # the page-feedback answer takes only POST: 405
        ("get", "/en/sidrespons/kommentar/"),
        ("post", "/sidrespons/svar/"),
    ],
)
def test_no_utility_address_is_offered_in_the_other_language(home, english, method, url):
    translate(home, english, title="Home")

    response = getattr(Client(enforce_csrf_checks=True), method)(url)

    links = switcher(response)
    assert links == (["/"] if url.startswith("/en/") else ["/en/"])


@pytest.mark.parametrize("password", [None, "fel"])
def test_a_protected_files_password_page_links_to_the_other_home_page(
    client, home, english, password
):
    translate(home, english, title="Home")
    closed = Collection.get_first_root_node().add_child(name="Hemliga")
    CollectionViewRestriction.objects.create(
        collection=closed, restriction_type="password", password="rätt"
    )
    document = DocumentFactory(collection=closed)
    response = client.get(document.url)
    if password:
        action = BeautifulSoup(response.content, "html.parser").select_one(".password-form")
        response = client.post(action["action"], {"password": password, "return_url": document.url})

    assert "Filen är skyddad med lösenord" in response.content.decode()
    assert switcher(response) == ["/en/"]


def test_the_search_page_still_links_to_the_same_search_in_english(client, home, english):
    translate(home, english, title="Home")

    assert switcher(client.get("/sok/", {"q": "smart"})) == ["/en/sok/?q=smart"]
