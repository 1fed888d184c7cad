import json
import re

from core.models import SiteSettings
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import TopicPageFactory


def meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    return match.group(1) if match else None


def json_ld(html):
    return [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S
        )
    ]


def test_page_is_described_by_its_introduction_when_no_search_description(client, home):
    page = TopicPageFactory(
        parent=home, slug="smart", title="Smart specialisering", introduction="Satsa på det vi kan."
    )

    html = client.get(page.url).content.decode()

    assert meta(html, "name", "description") == "Satsa på det vi kan."
    assert meta(html, "property", "og:description") == "Satsa på det vi kan."
    assert meta(html, "name", "twitter:description") == "Satsa på det vi kan."
    assert meta(html, "property", "og:title") == "Smart specialisering"
    assert meta(html, "name", "twitter:card") == "summary_large_image"
    assert meta(html, "property", "og:type") == "article"
    assert meta(html, "property", "og:url") == "http://testserver/smart/"
    assert '<link rel="canonical" href="http://testserver/smart/">' in html


def test_search_description_and_seo_title_win_over_page_fields(client, home):
    page = TopicPageFactory(
        parent=home,
        title="Smart specialisering",
        seo_title="Smart specialisering i regionerna",
        search_description="Så stödjer Tillväxtverket regionerna.",
        introduction="Ingressen.",
    )

    html = client.get(page.url).content.decode()

    assert meta(html, "name", "description") == "Så stödjer Tillväxtverket regionerna."
    assert meta(html, "property", "og:title") == "Smart specialisering i regionerna"
    assert meta(html, "name", "twitter:title") == "Smart specialisering i regionerna"


def test_long_rich_text_introduction_becomes_a_short_plain_description(client, home):
    home.introduction = (
        "<p>Tillväxtverket <b>arbetar</b> för " + "fler växande företag " * 20 + "</p>"
    )
    home.save_revision().publish()

    html = client.get("/").content.decode()

    description = meta(html, "name", "description")
    assert description.startswith("Tillväxtverket arbetar för fler växande företag")
    assert "<b>" not in description and "&lt;b&gt;" not in description
    assert len(description) <= 160
    assert meta(html, "property", "og:type") == "website"


def test_page_without_text_fields_falls_back_to_the_site_tagline(client, home):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.tagline = "Kollaget med företagare och forskare."
    site_settings.save()
    page = TopicPageFactory(parent=home, introduction="")

    html = client.get(page.url).content.decode()

    assert meta(html, "name", "description") == "Kollaget med företagare och forskare."


def test_home_page_describes_the_agency_as_a_government_organization(client, home):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.organisation_name = "Tillväxtverket"
    site_settings.footer_phone = "08-681 91 00"
    site_settings.footer_address = "Box 4044\n102 61 Stockholm"
    site_settings.save()

    [data] = json_ld(client.get("/").content.decode())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Tillväxtverket"
    assert data["url"] == "http://testserver/"
    assert data["telephone"] == "+4686819100"  # E.164, as written in the footer: 08-681 91 00
    assert data["address"] == "Box 4044, 102 61 Stockholm"


def test_conference_page_carries_a_schema_org_event_with_place_and_dates(client, home):
    index = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(
        parent=index, slug="s3-2018", title="Smart specialisering 2018", city="Luleå", venue=""
    )

    [data] = json_ld(client.get(conference.url).content.decode())

    assert data["@type"] == "Event"
    assert data["name"] == "Smart specialisering 2018"
    assert data["startDate"] == "2018-01-31T09:30:00+01:00"
    assert data["endDate"] == "2018-01-31T16:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Luleå",
        "address": {"@type": "PostalAddress", "addressLocality": "Luleå", "addressCountry": "SE"},
    }
    assert data["organizer"]["@type"] == "GovernmentOrganization"
    assert data["url"] == "http://testserver/konferenser/s3-2018/"


def test_a_title_cannot_break_out_of_the_structured_data_script(client, home):
    index = ConferenceIndexPageFactory(parent=home)
    hostile = 'Konferens </script><script>alert("x")</script> & <!-- mer'
    conference = ConferencePageFactory(parent=index, title=hostile)

    html = client.get(conference.url).content.decode()

    assert "<script>alert" not in html
    [data] = json_ld(html)
    assert data["name"] == hostile


def test_topic_pages_describe_themselves_as_a_web_page_with_their_state(client, home):
    """Only a WebPage with its dates and state (pages/models/page_history.py): withdrawn
    pages must say so to search engines."""
    page = TopicPageFactory(parent=home)

    html = client.get(page.url).content.decode()

    [data] = json_ld(html)
    assert data["@type"] == "WebPage"
    assert "creativeWorkStatus" not in data
