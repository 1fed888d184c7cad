"""One public base URL, Wagtail's Site (hostname and port), drives every absolute URL and
identifier: a site reached under two host names writes the same addresses and the same
identifiers under both (RFC 5545 §3.8.4.7 UID, RFC 4287 §4.2.6 atom:id)."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import Site

from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory

BASE = "http://localhost:8000"
# The configured host with another port, and another name for the same machine.
HOSTS = ["localhost", "127.0.0.1:8000"]
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def site(home):
    site = Site.objects.get()
    site.hostname, site.port = "localhost", 8000
    site.save()
    index = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(parent=index, slug="konferens")
    strategy = StrategyDocumentPageFactory(parent=StrategyIndexPageFactory(parent=home))
    topic = TopicPageFactory(parent=home, slug="amne")
    for page in (conference, strategy, topic):
        page.save_revision().publish()
    return {"conference": conference, "index": index, "topic": topic, "strategy": strategy}


def fetch_under_each_host(client, url):
    bodies = []
    for host in HOSTS:
        response = client.get(url, HTTP_HOST=host)
        assert response.status_code == 200, (url, host)
        bodies.append(response.content.decode())
    return bodies


def test_robots_txt_names_the_sites_sitemap(client, site):
    first, second = fetch_under_each_host(client, "/robots.txt")
    assert first == second
    assert f"Sitemap: {BASE}/sitemap.xml" in first


def test_sitemap_locations_are_on_the_site(client, site):
    first, second = fetch_under_each_host(client, "/sitemap.xml")
    assert first == second
    locations = re.findall(r"<loc>(.*?)</loc>", first)
    assert f"{BASE}/konferenser/konferens/" in locations
    assert all(location.startswith(f"{BASE}/") for location in locations)


def test_atom_self_link_and_ids_are_on_the_site(client, site):
    first, second = fetch_under_each_host(client, "/flode/nytt.atom")
    assert first == second
    feed = ET.fromstring(first)
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"{BASE}/flode/nytt.atom"
    assert feed.find(f"{ATOM}id").text == f"{BASE}/"
    ids = [entry.find(f"{ATOM}id").text for entry in feed.iter(f"{ATOM}entry")]
    assert site["conference"].get_full_url() in ids
    assert all(entry_id.startswith(f"{BASE}/") for entry_id in ids)


@pytest.mark.parametrize("single", [True, False])
def test_icalendar_uid_and_url_are_the_sites(client, site, single):
    conference = site["conference"]
    if single:
        url = reverse("events:conference_ics", args=[conference.pk])
    else:
        conference.start = conference.start.replace(year=2100)
        conference.end = conference.end.replace(year=2100)
        conference.save_revision().publish()
        url = reverse("events:upcoming_ics")
    first, second = fetch_under_each_host(client, url)
    assert first == second
    (event,) = Calendar.from_ical(first).walk("VEVENT")
    assert str(event["UID"]) == f"conference-{conference.pk}@localhost"
    assert str(event["URL"]) == f"{BASE}/konferenser/konferens/"


@pytest.mark.parametrize("page_key", ["conference", "topic", "strategy", None])
def test_canonical_og_url_and_json_ld_are_the_sites(client, site, page_key):
    page = site[page_key] if page_key else site["index"].get_parent()
    first, second = fetch_under_each_host(client, page.url)
    assert first == second
    assert "127.0.0.1" not in first
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', first).group(1)
    og_url = re.search(r'<meta property="og:url" content="([^"]+)">', first).group(1)
    assert canonical == og_url == f"{BASE}{page.url}"
    for script in re.findall(r'<script type="application/ld\+json">(.*?)</script>', first):
        data = json.loads(script)
        urls = [data.get("url"), data.get("organizer", {}).get("url")]
        assert all(url.startswith(f"{BASE}/") for url in urls if url)


def test_webcal_subscription_link_is_on_the_site(client, site):
    first, second = fetch_under_each_host(client, site["index"].url)
    assert first == second
    assert 'href="webcal://localhost:8000/kalender/konferenser.ics"' in first


def test_an_unknown_host_gets_the_default_sites_addresses(client, site, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "proxy.internal"]
    response = client.get("/robots.txt", HTTP_HOST="proxy.internal")
    assert f"Sitemap: {BASE}/sitemap.xml" in response.content.decode()
