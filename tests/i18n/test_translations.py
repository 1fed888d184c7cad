"""English pages beside the Swedish ones (issue 15): addresses, hreflang, the language
switcher and its fallback, and what an English page says."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.i18n import translations_by_key

pytestmark = pytest.mark.django_db

SV_CONFERENCE = "/konferenser/smart-specialisering-2018/"
EN_CONFERENCE = "/en/conferences/smart-specialisation-2018/"


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def alternates(page):
    return {
        link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')
    }


def test_swedish_addresses_stay_without_prefix_and_english_ones_are_under_en(bilingual):
    assert bilingual["conference"].url == SV_CONFERENCE
    assert bilingual["en_conference"].url == EN_CONFERENCE
    assert bilingual["en_home"].url == "/en/"


def test_swedish_page_has_hreflang_pairs_and_x_default(client, bilingual):
    expected = {
        "sv": f"http://testserver{SV_CONFERENCE}",
        "en": f"http://testserver{EN_CONFERENCE}",
        "x-default": f"http://testserver{SV_CONFERENCE}",
    }
    assert alternates(soup(client, SV_CONFERENCE)) == expected
    assert alternates(soup(client, EN_CONFERENCE)) == expected


def test_page_without_translation_has_no_hreflang(client, bilingual):
    assert alternates(soup(client, "/bara-svenska/")) == {}


def test_html_lang_follows_the_page_locale(client, bilingual):
    assert soup(client, SV_CONFERENCE).html["lang"] == "sv"
    assert soup(client, EN_CONFERENCE).html["lang"] == "en"


def test_switcher_names_each_language_in_itself_with_lang_and_hreflang(client, bilingual):
    to_english = soup(client, SV_CONFERENCE).select_one(".language-switcher__link")
    to_swedish = soup(client, EN_CONFERENCE).select_one(".language-switcher__link")

    assert (to_english.text, to_english["lang"], to_english["hreflang"]) == ("English", "en", "en")
    assert to_english["href"] == EN_CONFERENCE
    assert (to_swedish.text, to_swedish["lang"], to_swedish["hreflang"]) == ("Svenska", "sv", "sv")
    assert to_swedish["href"] == SV_CONFERENCE


def test_untranslated_page_links_to_the_english_home_and_says_so(client, bilingual):
    switcher = soup(client, "/bara-svenska/").select_one(".language-switcher")

    assert switcher.a["href"] == "/en/"
    note = switcher.select_one(".language-switcher__note")
    assert note.text == "This page is not available in English."
    assert note["lang"] == "en"


def test_untranslated_child_falls_back_to_its_nearest_translated_ancestor(
    client, bilingual, english
):
    from events.factories import ConferencePageFactory

    ConferencePageFactory(parent=bilingual["index"], title="Bara här", slug="bara-har")
    switcher = soup(client, "/konferenser/bara-har/").select_one(".language-switcher")

    assert switcher.a["href"] == "/en/conferences/"


def test_english_page_speaks_english(client, bilingual):
    page = soup(client, EN_CONFERENCE)

    assert page.select_one(".skip-link").text == "Skip to content"
    meta = page.select_one(".document-link .link-meta").text
    # "3.6 KB" with a decimal point, and no "in English": the page's own language.
    assert re.fullmatch(r"\(PDF, \d+\.\d\xa0KB, 3 pages\)", meta), meta


def test_swedish_page_names_the_english_document_in_swedish(client, bilingual):
    meta = soup(client, SV_CONFERENCE).select_one(".document-link .link-meta").text

    assert re.fullmatch(r"\(PDF, \d+,\d\xa0kB, 3\xa0sidor, på engelska\)", meta), meta


def test_english_menu_lists_the_english_home_children(client, bilingual):
    menu = soup(client, EN_CONFERENCE).select(".main-nav__list a")

    assert [link.text.strip() for link in menu if link["href"].startswith("/en/")] != []
    assert all(link["href"].startswith("/en/") for link in menu)


def test_not_found_under_en_is_english(client, bilingual):
    response = client.get("/en/no-such-page/")
    page = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 404
    assert page.html["lang"] == "en"
    assert page.h1.text.strip() == "Page not found"
    assert client.get("/sv/konferenser/").status_code == 404


def test_translations_of_many_pages_take_as_many_queries_as_one(bilingual):
    pages = [bilingual["home"], bilingual["index"], bilingual["conference"], bilingual["topic"]]

    with CaptureQueriesContext(connection) as one:
        translations_by_key(pages[:1])
    with CaptureQueriesContext(connection) as four:
        found = translations_by_key(pages)
        codes = {key: sorted(group) for key, group in found.items()}

    assert len(four) == len(one)
    assert codes[bilingual["conference"].translation_key] == ["en", "sv"]
    assert codes[bilingual["topic"].translation_key] == ["sv"]


def test_sitemap_lists_english_pages_with_alternates_both_ways(client, bilingual):
    xml = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    entries = {
        url.loc.text: {link["hreflang"]: link["href"] for link in url.find_all("link")}
        for url in xml.find_all("url")
    }
    pair = {
        "sv": f"http://testserver{SV_CONFERENCE}",
        "en": f"http://testserver{EN_CONFERENCE}",
        "x-default": f"http://testserver{SV_CONFERENCE}",
    }

    assert entries[f"http://testserver{SV_CONFERENCE}"] == pair
    assert entries[f"http://testserver{EN_CONFERENCE}"] == pair
    assert entries["http://testserver/bara-svenska/"] == {}


def test_structured_data_names_the_page_language(client, bilingual):
    def in_language(url):
        scripts = soup(client, url).select('script[type="application/ld+json"]')
        return {json.loads(script.string).get("inLanguage") for script in scripts} - {None}

    assert in_language(SV_CONFERENCE) == {"sv"}
    assert in_language(EN_CONFERENCE) == {"en"}
