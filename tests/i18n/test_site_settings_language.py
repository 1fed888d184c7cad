"""The site settings shown around every page (name, tagline) and what the head says
about the page's language (og:locale, structured data) follow the page's language."""

import json

import pytest
from bs4 import BeautifulSoup

from core.models import SiteSettings

pytestmark = pytest.mark.django_db

SV_CONFERENCE = "/konferenser/smart-specialisering-2018/"
EN_CONFERENCE = "/en/conferences/smart-specialisation-2018/"
SV_NAME, SV_TAGLINE = "Tillväxtverket", "För fler växande företag."
EN_NAME, EN_TAGLINE = "Swedish Agency for Economic and Regional Growth", "For more companies."


@pytest.fixture
def named(bilingual):
    site_settings = SiteSettings.for_site(bilingual["home"].get_site())
    site_settings.organisation_name = SV_NAME
    site_settings.tagline = SV_TAGLINE
    site_settings.organisation_name_en = EN_NAME
    site_settings.tagline_en = EN_TAGLINE
    site_settings.save()
    return site_settings


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def meta(page, prop):
    return [tag["content"] for tag in page.select(f'meta[property="{prop}"]')]


def json_ld(page):
    return json.loads(page.select_one('script[type="application/ld+json"]').string)


@pytest.mark.parametrize(
    ("url", "name", "tagline"),
    [
        ("/", SV_NAME, SV_TAGLINE),
        (SV_CONFERENCE, SV_NAME, SV_TAGLINE),
        ("/bara-svenska/", SV_NAME, SV_TAGLINE),
        ("/en/", EN_NAME, EN_TAGLINE),
        (EN_CONFERENCE, EN_NAME, EN_TAGLINE),
        ("/en/conferences/", EN_NAME, EN_TAGLINE),
    ],
)
def test_header_footer_title_and_og_site_name_are_in_the_page_language(
    client, named, url, name, tagline
):
    page = soup(client, url)

    assert page.select_one(".site-header__name").get_text() == name
    assert page.select_one(".site-header__tagline").get_text() == tagline
    assert page.select_one(".site-footer__name").get_text() == name
    assert meta(page, "og:site_name") == [name]
    assert name in page.title.get_text()


def test_home_page_title_is_name_and_tagline_in_each_language(client, named):
    assert soup(client, "/").title.get_text() == f"{SV_NAME} – {SV_TAGLINE}"
    assert soup(client, "/en/").title.get_text() == f"{EN_NAME} – {EN_TAGLINE}"


def test_english_pages_fall_back_to_the_swedish_name_but_never_the_swedish_tagline(client, named):
    named.organisation_name_en = ""
    named.tagline_en = ""
    named.save()

    page = soup(client, EN_CONFERENCE)

    assert page.select_one(".site-header__name").get_text() == SV_NAME
    assert page.select_one(".site-header__tagline") is None
    assert SV_TAGLINE not in str(page)


@pytest.mark.parametrize(
    ("url", "locale", "alternates"),
    [
        ("/", "sv_SE", ["en_GB"]),
        (SV_CONFERENCE, "sv_SE", ["en_GB"]),
        ("/bara-svenska/", "sv_SE", []),
        ("/en/", "en_GB", ["sv_SE"]),
        (EN_CONFERENCE, "en_GB", ["sv_SE"]),
    ],
)
def test_og_locale_is_the_page_language_and_alternates_its_translations(
    client, named, url, locale, alternates
):
    page = soup(client, url)

    assert meta(page, "og:locale") == [locale]
    assert meta(page, "og:locale:alternate") == alternates


def test_structured_data_names_and_links_the_organisation_in_the_page_language(client, named):
    swedish = json_ld(soup(client, SV_CONFERENCE))
    english = json_ld(soup(client, EN_CONFERENCE))
    english_home = json_ld(soup(client, "/en/"))

    assert swedish["inLanguage"] == "sv" and english["inLanguage"] == "en"
    assert swedish["organizer"]["name"] == SV_NAME
    assert swedish["organizer"]["url"] == "http://testserver/"
    assert english["organizer"]["name"] == EN_NAME
    assert english["organizer"]["url"] == "http://testserver/en/"
    assert english_home["name"] == EN_NAME and english_home["url"] == "http://testserver/en/"


def test_every_head_value_of_an_english_page_is_free_of_the_swedish_settings(client, named):
    head = soup(client, EN_CONFERENCE).head

    assert SV_TAGLINE not in str(head)
    swedish_values = [
        tag.get("property") or tag.get("name")
        for tag in head.select("meta[content]")
        if tag["content"] in (SV_NAME, "sv_SE", "sv")
    ]
    assert swedish_values == ["og:locale:alternate"]


def test_english_feed_is_authored_by_the_english_name(client, named):
    english = client.get("/en/flode/nytt.atom").content.decode()
    swedish = client.get("/flode/nytt.atom").content.decode()

    assert f"<name>{EN_NAME}</name>" in english
    assert f"<name>{SV_NAME}</name>" in swedish
