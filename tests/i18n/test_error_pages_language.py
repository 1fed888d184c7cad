"""Error pages speak the language of the address: English under /en/, Swedish elsewhere,
with the home link, search form and language switcher of that language (core/views.py
in_path_language, templates/error_page.html, templates/404.html)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client, RequestFactory
from django.utils import translation

from core.views import page_not_found, server_error

pytestmark = pytest.mark.django_db


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def home_links(html):
    return [
        a["href"]
        for a in html.select("a")
        if "home page" in a.get_text() or "startsidan" in a.get_text()
    ]


@pytest.mark.parametrize("url", ["/en/finns-inte/", "/en/conferences/finns-inte/", "/en/a/b/c/"])
def test_english_404_is_english_and_leads_to_english_home_and_search(client, bilingual, url):
    response = client.get(url)
    html = page(response)

    assert response.status_code == 404
    assert html.html["lang"] == "en"
    assert html.h1.get_text() == "Page not found"
    assert home_links(html) == ["/en/"]
    assert [form["action"] for form in html.select("form[role=search]")] == ["/en/sok/"] * 2


def test_english_404_has_a_switcher_to_the_swedish_home_page(client, bilingual):
    html = page(client.get("/en/finns-inte/"))

    link = html.select_one(".language-switcher__link")
    assert link["href"] == "/"
    assert link["lang"] == link["hreflang"] == "sv"
    assert link.get_text() == "Svenska"


def test_swedish_404_is_unchanged_with_a_switcher_to_english(client, bilingual):
    html = page(client.get("/finns-inte/"))

    assert html.html["lang"] == "sv"
    assert html.h1.get_text() == "Sidan kunde inte hittas"
    assert home_links(html) == ["/"]
    assert [form["action"] for form in html.select("form[role=search]")] == ["/sok/"] * 2
    link = html.select_one(".language-switcher__link")
    assert (link["href"], link["lang"], link.get_text()) == ("/en/", "en", "English")


def test_a_kept_404_render_is_never_served_in_the_other_language(client, bilingual):
    # The 404 page is rendered once per language and kept (core/render_cache.py SCOPE).
    pages = [
        page(client.get(url))
        for url in ("/finns-inte/", "/en/finns-inte/", "/a/b/", "/en/a/b/", "/en/c/")
    ]

    assert [html.html["lang"] for html in pages] == ["sv", "en", "sv", "en", "en"]
    assert [html.h1.get_text() for html in pages] == [
        *("Sidan kunde inte hittas", "Page not found") * 2,
        "Page not found",
    ]
    assert [html.select_one(".language-switcher__link")["href"] for html in pages] == [
        *("/en/", "/") * 2,
        "/",
    ]


def test_search_page_switcher_keeps_the_query_in_the_other_language(client, bilingual):
    english = page(client.get("/en/sok/?q=smart"))
    swedish = page(client.get("/sok/?q=smart"))

    assert english.select_one(".language-switcher__link")["href"] == "/sok/?q=smart"
    assert swedish.select_one(".language-switcher__link")["href"] == "/en/sok/?q=smart"


@pytest.mark.urls("tests.i18n.error_urls")
@pytest.mark.parametrize(
    ("url", "lang", "heading", "home_link"),
    [
        ("/trasig/", "sv", "Något gick fel hos oss", "/"),
        ("/en/trasig/", "en", "Something went wrong on our side", "/en/"),
    ],
)
def test_500_page_is_in_the_language_of_the_address(client, home, url, lang, heading, home_link):
    client.raise_request_exception = False
    html = page(client.get(url))

    assert html.html["lang"] == lang
    assert html.h1.get_text() == heading
    assert home_links(html) == [home_link]
    assert html.select_one("form[role=search]")["action"] == f"{home_link}sok/"


@pytest.mark.urls("tests.i18n.error_urls")
@pytest.mark.parametrize(
    ("url", "lang", "heading"),
    [
        ("/forbjuden/", "sv", "Du har inte behörighet att se sidan"),
        ("/en/forbjuden/", "en", "You do not have permission to see this page"),
    ],
)
def test_403_page_is_ours_and_in_the_language_of_the_address(client, home, url, lang, heading):
    response = client.get(url)
    html = page(response)

    assert response.status_code == 403
    assert html.html["lang"] == lang
    assert html.h1.get_text() == heading
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"


@pytest.mark.parametrize(
    ("url", "lang", "text", "home_url"),
    [
        ("/_util/authenticate_with_password/{r}/{p}/", "sv", "Formuläret kunde inte tas emot", "/"),
        (
            "/en/_util/authenticate_with_password/{r}/{p}/",
            "en",
            "The form could not be received",
            "/en/",
        ),
    ],
)
def test_csrf_failure_page_is_in_the_language_of_the_address(bilingual, url, lang, text, home_url):
    # A view that takes POST under Django's CSRF check: a private page's password form.
    # (Views that take no POST answer 405 before any CSRF check.)
    from wagtail.models import PageViewRestriction

    private = bilingual["topic"]
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="hemligt"
    )
    url = url.format(r=restriction.pk, p=private.pk)
    response = Client(enforce_csrf_checks=True).post(url, {"password": "hemligt"})
    html = page(response)

    assert response.status_code == 403
    assert html.html["lang"] == lang
    assert html.h1.get_text() == text
    assert home_links(html) == [home_url]


def test_error_handlers_take_the_language_from_the_path_whatever_is_active(bilingual):
    # As when an error happens before core.i18n.LanguageFromPathMiddleware has run.
    request = RequestFactory().get("/en/finns-inte/")
    with translation.override("sv"):
        missing = page(page_not_found(request, Exception("x")))
        broken = page(server_error(request))

    assert missing.html["lang"] == "en" and missing.h1.get_text() == "Page not found"
    assert broken.html["lang"] == "en"
    assert broken.select_one(".language-switcher__link")["href"] == "/"


def test_english_sitemap_page_starts_at_the_english_home(client, bilingual, english):
    from pages.models import SitemapPage
    from tests.i18n.conftest import translate

    sitemap = bilingual["home"].add_child(
        instance=SitemapPage(title="Webbplatskarta", slug="webbplatskarta")
    )
    sitemap.save_revision().publish()
    english_sitemap = translate(sitemap, english, title="Sitemap", slug="sitemap")

    swedish_home = page(client.get(sitemap.url)).select_one(".sitemap__list a")
    english_home = page(client.get(english_sitemap.url)).select_one(".sitemap__list a")

    assert (swedish_home["href"], swedish_home.get_text()) == ("/", "Startsida")
    assert (english_home["href"], english_home.get_text()) == ("/en/", "Home")


@pytest.mark.parametrize(
    ("path", "lang", "heading", "home_url"),
    [
        ("/", "sv", "Begäran kunde inte läsas", "/"),
        ("/en/", "en", "The request could not be read", "/en/"),
    ],
)
def test_an_unreadable_request_gets_the_400_page_in_the_addresss_language(
    client, bilingual, path, lang, heading, home_url
):
    # A host name the site does not answer to: Django's handler400 (DisallowedHost).
    response = client.get(path, HTTP_HOST="evil.example")
    html = page(response)

    assert response.status_code == 400
    assert html.html["lang"] == lang
    assert html.h1.get_text() == heading
    assert home_links(html) == [home_url]
