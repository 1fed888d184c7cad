"""Every machine-readable output (Atom, sitemap, robots.txt, iCalendar, vCard, JSON-LD) stays
well-formed whatever a field already holds, even text stored before control characters
were cleaned: each output is parsed with a real parser."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import Page, Site

from contacts.factories import ContactPersonFactory
from contacts.models import ContactPerson
from core.models import SiteSettings
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory
from pages.models import StrategyDocumentPage
from tests.core.hostile_text import FORBIDDEN, HOSTILE

# Defence in depth: data stored before the rule (written here past the normaliser with
# queryset.update) still gives well-formed output.


def store_past_the_normaliser(instance, **values):
    type(instance).objects.filter(pk=instance.pk).update(**values)
    Page.objects.filter(pk=instance.pk).update(
        **{k: v for k, v in values.items() if k in ("title", "search_description")}
    )


@pytest.fixture
def hostile_content(home):
    strategy = StrategyDocumentPageFactory(parent=StrategyIndexPageFactory(parent=home))
    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home), venue="Kulturens hus", city="Luleå"
    )
    conference.start = conference.start.replace(year=2100)
    conference.end = conference.end.replace(year=2100)
    conference.save_revision().publish()
    contact = ContactPersonFactory()
    store_past_the_normaliser(strategy, title=HOSTILE, search_description=HOSTILE)
    store_past_the_normaliser(
        conference,
        title=HOSTILE,
        introduction=HOSTILE,
        venue=HOSTILE,
        city=HOSTILE,
    )
    ContactPerson.objects.filter(pk=contact.pk).update(name=HOSTILE, title=HOSTILE, unit=HOSTILE)
    site_settings = SiteSettings.for_site(Site.objects.get())
    site_settings.save()
    SiteSettings.objects.filter(pk=site_settings.pk).update(
        organisation_name=HOSTILE, tagline=HOSTILE
    )
    assert StrategyDocumentPage.objects.get(pk=strategy.pk).title == HOSTILE
    return {"strategy": strategy, "conference": conference, "contact": contact}


def get_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_atom_feed_is_well_formed(client, hostile_content):
    feed = ET.fromstring(get_text(client, "/flode/nytt.atom"))
    titles = [entry.findtext("{http://www.w3.org/2005/Atom}title") for entry in feed]
    assert "Smart specialisering i Norrbotten" in titles


def test_sitemap_is_well_formed(client, hostile_content):
    """Page paths cannot hold control characters (Wagtail's URL pattern allows only word
    characters and hyphens), so the site's host name is what could carry one."""
    Site.objects.update(hostname="testserver\x0b\x01")
    text = get_text(client, "/sitemap.xml")
    sitemap = ET.fromstring(text)
    assert len(sitemap) >= 3
    assert not FORBIDDEN.search(text)


def test_robots_txt_has_no_control_character(client, hostile_content):
    Site.objects.update(hostname="testserver\x0b")
    text = get_text(client, "/robots.txt")
    assert not FORBIDDEN.search(text)


@pytest.mark.parametrize("single", [True, False])
def test_icalendar_is_well_formed(client, hostile_content, single):
    conference = hostile_content["conference"]
    url = (
        reverse("events:conference_ics", args=[conference.pk])
        if single
        else reverse("events:upcoming_ics")
    )
    text = get_text(client, url)
    assert not FORBIDDEN.search(text)
    (event,) = Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Smart specialisering i Norrbotten"


def test_vcard_is_well_formed(client, hostile_content):
    text = get_text(client, reverse("contacts:vcard", args=[hostile_content["contact"].pk]))
    assert not FORBIDDEN.search(text)
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCARD" and lines[-2] == "END:VCARD"
    assert "FN:Smart specialisering i Norrbotten" in lines


def test_json_ld_is_valid_json(client, hostile_content, home):
    for url in (home.url, hostile_content["conference"].url):
        html = get_text(client, url)
        for script in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html):
            data = json.loads(script)
            assert not FORBIDDEN.search(json.dumps(data, ensure_ascii=False))
            assert data.get("name", "").startswith("Smart")
