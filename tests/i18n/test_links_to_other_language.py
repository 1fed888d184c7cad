"""A link from a page in one language to a page in the other says so: ``hreflang`` on
the link (and ``lang`` where the link text itself is in the other language), in the
footer, in the 404 page, in rich text and in search results (WCAG 3.1.2)."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from contacts.factories import ContactPersonFactory
from core.models import SiteSettings
from core.richtext import render_rich_text
from language_versions.factories import EasyReadIndexPageFactory, SignLanguageIndexPageFactory
from pages.factories import TopicPageFactory
from tests.i18n.conftest import translate

pytestmark = pytest.mark.django_db

EN_CONFERENCE = "/en/conferences/smart-specialisation-2018/"
SV_CONFERENCE = "/konferenser/smart-specialisering-2018/"


@pytest.fixture
def footer_pages(bilingual, english):
    """Accessibility statement, feedback, privacy and sitemap pages in Swedish; the
    privacy page has an English translation too."""
    home = bilingual["home"]
    pages = {
        name: TopicPageFactory(parent=home, title=title, slug=slug)
        for name, title, slug in [
            ("accessibility_page", "Tillgänglighetsredogörelse", "tillganglighet"),
            ("feedback_page", "Synpunkter", "synpunkter"),
            ("privacy_page", "Personuppgifter", "personuppgifter"),
            ("sitemap_page", "Webbplatskarta", "webbplatskarta"),
        ]
    }
    english_privacy = translate(
        pages["privacy_page"], english, title="Personal data", slug="personal-data"
    )
    site_settings = SiteSettings.for_site(home.get_site())
    for name, page in pages.items():
        setattr(site_settings, name, page)
    site_settings.save()
    return {**pages, "english_privacy": english_privacy}


def footer_links(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return {
        a["href"]: (a.get("hreflang"), a.get("lang"))
        for a in html.select(".site-footer__links a")
        if a["href"] != "/sitemap.xml"
    }


@pytest.mark.parametrize("url", ["/en/", EN_CONFERENCE, "/en/conferences/"])
def test_english_footer_links_swedish_pages_with_hreflang_and_english_ones_without(
    client, footer_pages, url
):
    assert footer_links(client, url) == {
        "/tillganglighet/": ("sv", None),
        "/synpunkter/": ("sv", None),
        "/en/personal-data/": (None, None),  # its English translation
        "/webbplatskarta/": ("sv", None),
    }


@pytest.mark.parametrize("url", ["/", SV_CONFERENCE, "/bara-svenska/"])
def test_swedish_footer_is_unchanged(client, footer_pages, url):
    assert footer_links(client, url) == {
        "/tillganglighet/": (None, None),
        "/synpunkter/": (None, None),
        "/personuppgifter/": (None, None),
        "/webbplatskarta/": (None, None),
    }


def test_english_404_links_the_swedish_feedback_page_with_hreflang(client, footer_pages):
    html = BeautifulSoup(client.get("/en/finns-inte/").content, "html.parser")

    link = html.select_one('.error-page a[href="/synpunkter/"]')
    assert link["hreflang"] == "sv"
    assert link.get_text() == "Tell us if a link does not work (in Swedish)"


def footer_texts(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return [a.get_text() for a in html.select(".site-footer__links a")]


def test_english_footer_says_in_words_which_links_lead_to_swedish(client, footer_pages):
    assert footer_texts(client, "/en/") == [
        "Accessibility statement (in Swedish)",
        "Any feedback? (in Swedish)",
        "Personal data and cookies",
        "Sitemap (in Swedish)",
        "Sitemap (XML)",
    ]


def test_swedish_footer_has_no_language_notes(client, footer_pages):
    assert "(på " not in " ".join(footer_texts(client, "/"))


def test_rich_text_link_to_an_untranslated_page_has_hreflang(bilingual):
    topic, conference = bilingual["topic"], bilingual["conference"]
    html = (
        f'<p><a linktype="page" id="{topic.pk}">Swedish only</a> '
        f'<a linktype="page" id="{conference.pk}">Conference</a></p>'
    )

    with translation.override("en"):
        english = render_rich_text(html)
    swedish = render_rich_text(html)

    assert '<a href="/bara-svenska/" hreflang="sv">Swedish only</a>' in english
    assert f'<a href="{EN_CONFERENCE}">Conference</a>' in english  # its translation
    assert '<a href="/bara-svenska/">Swedish only</a>' in swedish
    assert f'<a href="{SV_CONFERENCE}">Conference</a>' in swedish


def test_search_results_in_the_other_language_carry_lang_and_hreflang(client, bilingual):
    english = BeautifulSoup(client.get("/en/sok/", {"q": "Smart"}).content, "html.parser")
    swedish = BeautifulSoup(client.get("/sok/", {"q": "Smart"}).content, "html.parser")

    def titles(html):
        return {
            a["href"]: (a.get("hreflang"), a.get("lang"))
            for a in html.select(".search-result__title a")
        }

    assert titles(english)[SV_CONFERENCE] == ("sv", "sv")
    assert titles(english)[EN_CONFERENCE] == (None, None)
    assert titles(swedish)[EN_CONFERENCE] == ("en", "en")
    assert titles(swedish)[SV_CONFERENCE] == (None, None)


@pytest.mark.parametrize(("url", "role_lang"), [(EN_CONFERENCE, "sv"), (SV_CONFERENCE, None)])
def test_a_contacts_swedish_role_is_marked_swedish_on_english_pages(
    client, bilingual, url, role_lang
):
    """Contact persons are written once, in Swedish (contacts/models.py): on an English
    page their role says so with ``lang`` (WCAG 3.1.2)."""
    contact = ContactPersonFactory()
    for page in (bilingual["conference"], bilingual["en_conference"]):
        page.contact = contact
        page.save_revision().publish()

    html = BeautifulSoup(client.get(url).content, "html.parser")

    role = html.select_one(".contact-card__role")
    assert role.get_text() == "Handläggare, Regional utveckling"
    assert role.get("lang") == role_lang


def test_english_header_names_the_swedish_easy_read_and_sign_language_pages(client, bilingual):
    """On an English page the header's entries lead to Swedish pages, and their names
    say in words which language the reader will find there, beside ``hreflang``."""
    EasyReadIndexPageFactory(parent=bilingual["home"])
    SignLanguageIndexPageFactory(parent=bilingual["home"])

    html = client.get("/en/").content.decode()
    header = BeautifulSoup(html, "html.parser").select_one("header.site-header")
    links = {
        link.get_text(): (link["href"], link["hreflang"])
        for link in header.select("a.language-versions__link")
    }

    assert links == {
        "Easy-to-read Swedish": ("/lattlast/", "sv"),
        "Swedish Sign Language": ("/teckensprak/", "sv"),
    }
