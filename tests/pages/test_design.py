"""Issue 12: the page image and its alternative text, section navigation, related
content, the home page's short links and title, and the sitemap for people."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from core.models import SiteSettings
from demo.design import draw_picture
from pages.factories import (
    StrategyDocumentPageFactory,
    StrategyIndexPageFactory,
    TopicPageFactory,
)
from pages.models import PrivacyPage, SitemapPage


@pytest.fixture
def picture(db):
    image = get_image_model()(title="Bild")
    image.file = ImageFile(io.BytesIO(draw_picture(1, size=(800, 450))), name="bild.png")
    image.save()
    return image


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_image_without_alternative_text_is_refused_unless_decorative(home, picture):
    page = TopicPageFactory(parent=home, title="Ämne")
    page.image = picture
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "image_alt" in error.value.message_dict
    page.image_decorative = True
    page.full_clean()
    page.image_decorative, page.image_alt = False, "En älv i vinterljus."
    page.full_clean()


def test_page_image_is_a_responsive_picture_with_size_and_share_image(client, home, picture):
    page = TopicPageFactory(parent=home, title="Ämne", image=picture, image_alt="En älv.")

    html = soup(client, page.url)

    figure = html.select_one("figure.page-image")
    sources = figure.select("picture source")
    assert {source["type"] for source in sources} == {"image/avif", "image/webp"}
    assert all("480w" in source["srcset"] for source in sources)
    img = figure.select_one("img")
    assert img["alt"] == "En älv."
    assert img["width"] and img["height"]
    og_image = html.select_one('meta[property="og:image"]')["content"]
    assert og_image.startswith("http://testserver/") and og_image.endswith(".jpg")
    assert html.select_one('meta[property="og:image:alt"]')["content"] == "En älv."


def test_decorative_image_has_empty_alt_and_page_without_image_shares_the_logo(
    client, home, picture
):
    decorative = TopicPageFactory(parent=home, title="Ämne", image=picture, image_decorative=True)
    plain = TopicPageFactory(parent=home, title="Utan bild")

    assert soup(client, decorative.url).select_one("figure.page-image img")["alt"] == ""
    html = soup(client, plain.url)
    assert html.select_one("figure.page-image") is None
    assert html.select_one('meta[property="og:image"]')["content"].endswith("share.png")


def test_section_navigation_marks_the_current_page_among_its_siblings(client, home):
    section = TopicPageFactory(parent=home, title="Ämnesområden")
    middle = TopicPageFactory(parent=section, title="Regional kapacitet")
    TopicPageFactory(parent=section, title="Företagande")
    leaf = TopicPageFactory(parent=middle, title="Smart specialisering")
    TopicPageFactory(parent=leaf, title="Plattformar")
    TopicPageFactory(parent=middle, title="Kluster")

    nav = soup(client, leaf.url).select_one("nav.section-nav")

    assert nav.select_one("h2 a").get_text() == "Ämnesområden"
    links = [a.get_text() for a in nav.select(".section-nav__list a")]
    assert links == [
        "Regional kapacitet",
        "Smart specialisering",
        "Plattformar",
        "Kluster",
        "Företagande",
    ]
    assert [a.get_text() for a in nav.select('[aria-current="page"]')] == ["Smart specialisering"]


def test_related_content_lists_editors_choices_then_strategies_naming_the_topic(client, home):
    topic = TopicPageFactory(parent=home, title="Smart specialisering")
    other = TopicPageFactory(parent=home, title="Kluster")
    index = StrategyIndexPageFactory(parent=home)
    strategy = StrategyDocumentPageFactory(parent=index, title="Strategin")
    strategy.related_topics.set([topic])
    strategy.save()
    topic.related_pages.create(page=other, sort_order=0)
    topic.save()

    nav = soup(client, topic.url).select_one("nav.related-content")

    assert [a.get_text() for a in nav.select("a")] == ["Kluster", "Strategin"]
    assert "Strategidokument" in nav.get_text()


def test_home_page_title_is_not_the_name_twice_and_short_links_are_shown(client, home):
    settings = SiteSettings.for_site(home.get_site())
    settings.tagline = "För fler växande företag."
    settings.save()
    topic = TopicPageFactory(parent=home, title="Smart specialisering")
    home.seo_title = "Tillväxtverket"
    home.quick_links.create(page=topic, text="", sort_order=0)
    home.save()

    html = soup(client, "/")

    assert html.title.get_text() == "Tillväxtverket – För fler växande företag."
    links = html.select_one("nav.quick-links")
    assert [a.get_text() for a in links.select("a")] == ["Smart specialisering"]


def test_sitemap_lists_the_page_tree_and_footer_links_sitemap_and_privacy(client, home):
    section = TopicPageFactory(parent=home, title="Ämnesområden")
    TopicPageFactory(parent=section, title="Regional kapacitet")
    sitemap = home.add_child(instance=SitemapPage(title="Webbplatskarta", slug="karta"))
    privacy = home.add_child(
        instance=PrivacyPage(title="Personuppgifter och kakor", slug="integritet")
    )
    settings = SiteSettings.for_site(home.get_site())
    settings.sitemap_page, settings.privacy_page = sitemap, privacy
    settings.save()

    html = soup(client, sitemap.url)

    nested = html.select_one(".sitemap .sitemap__list .sitemap__list .sitemap__list")
    assert "Regional kapacitet" in nested.get_text()
    footer = html.select_one("footer")
    assert footer.find("a", string="Webbplatskarta")["href"] == sitemap.url
    assert footer.find("a", string="Personuppgifter och kakor")["href"] == privacy.url


def test_visitor_reaches_english_summary_and_strategy_pdf_from_home_in_few_clicks(client, db):
    """Issue 12's tryout: from the home page, the 2018 conference's English summary in
    two clicks (short link, document) and the strategy PDF in one."""
    from django.core.management import call_command

    call_command("load_demo_content", stdout=io.StringIO())
    home = soup(client, "/")

    conference_link = home.select_one("nav.quick-links").find(
        "a", string="Konferensen om smart specialisering 2018"
    )
    conference = soup(client, conference_link["href"])
    summary = conference.select_one('a.document-link[hreflang="en"]')
    assert summary is not None and "engelska" in summary.get_text()
    assert client.get(summary["href"]).status_code == 200
    strategy_pdf = home.select_one("#strategies-heading").find_next("a", class_="document-link")
    assert "Tillväxtverkets strategi för Smart specialisering" in strategy_pdf.get_text()
    assert client.get(strategy_pdf["href"])["Content-Type"] == "application/pdf"
