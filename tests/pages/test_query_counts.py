"""Queries per page stay the same as the site grows (issue 11: "≤ 12 queries on every
page type, constant in speakers, links, documents and site size").

Each page type is requested on a small site and again after the site has grown (more
pages in the menu and in listings, more speakers with photos and presentations, more
documents and links in bodies, a deeper tree). The count is taken on a warm request,
as a visitor after the first gets it: the site's structure is in the cache
(core/structure_cache.py), the page itself is rendered afresh.
"""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from contacts.factories import ContactPersonFactory
from core.models import SiteSettings
from documents.factories import DocumentFactory
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory
from feedback.factories import FeedbackFormPageFactory
from pages.factories import (
    AccessibilityStatementPageFactory,
    StrategyDocumentPageFactory,
    StrategyIndexPageFactory,
    TopicPageFactory,
)

MAX_QUERIES = 12


def body(documents, conference=None, links=1, contact=None):
    blocks = [
        {"type": "heading", "value": {"text": "Så arbetar vi", "level": "h2"}},
        {"type": "text", "value": {"text": "<p>Brödtext.</p>"}},
        {"type": "documents", "value": {"heading": "", "documents": [d.pk for d in documents]}},
    ]
    blocks += [
        {
            "type": "external_link",
            "value": {"url": f"https://example.org/{n}", "text": f"Länk {n}"},
        }
        for n in range(links)
    ]
    if conference is not None:
        blocks.append(
            {"type": "conference", "value": {"conference": conference.pk, "show_speakers": True}}
        )
    if contact is not None:
        blocks.append({"type": "contact", "value": {"contact": contact.pk}})
    return json.dumps(blocks)


def add_speakers(conference, count):
    for _ in range(count):
        photo = Image.objects.create(title="Foto", file=get_test_image_file())
        SpeakerFactory(conference=conference, photo=photo)


class Site:
    """A site with every page type, that can be grown in place."""

    def __init__(self, home):
        self.home = home
        self.contact = ContactPersonFactory()
        self.section = TopicPageFactory(
            parent=home, title="Ämnesområden", show_in_menus=True, body=body([DocumentFactory()])
        )
        self.middle = TopicPageFactory(parent=self.section, title="Regional kapacitet")
        self.conferences = ConferenceIndexPageFactory(parent=home, show_in_menus=True)
        self.conference = ConferencePageFactory(
            parent=self.conferences,
            contact=self.contact,
            end=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC),
        )
        add_speakers(self.conference, 1)
        self.strategies = StrategyIndexPageFactory(parent=home, show_in_menus=True)
        self.strategy = StrategyDocumentPageFactory(
            parent=self.strategies, contact=self.contact, document=DocumentFactory()
        )
        self.strategy.related_topics.add(self.middle)
        self.strategy.save()
        self.topic = TopicPageFactory(
            parent=self.middle,
            title="Smart specialisering",
            contact=self.contact,
            body=body([DocumentFactory()], self.conference, contact=self.contact),
        )
        self.accessibility = AccessibilityStatementPageFactory(parent=home)
        self.feedback = FeedbackFormPageFactory(parent=home)
        SiteSettings.objects.update_or_create(
            site=home.get_site(),
            defaults={
                "accessibility_page": self.accessibility,
                "feedback_page": self.feedback,
                "footer_email": "info@example.se",
            },
        )

    def urls(self):
        return {
            "home": "/",
            "topic": self.section.url,
            "section topic": self.topic.url,
            "conference index": self.conferences.url,
            "conference": self.conference.url,
            "strategy index": self.strategies.url,
            "strategy": self.strategy.url,
            "accessibility statement": self.accessibility.url,
            "feedback form": self.feedback.url,
            "search": "/sok/?q=konferens",
            "404": "/finns-inte/alls/",
        }

    def grow(self, times=6):
        """More of everything a page shows, and a larger, deeper tree."""
        for n in range(times):
            TopicPageFactory(parent=self.home, title=f"Menyämne {n}", show_in_menus=True)
            sub = TopicPageFactory(parent=self.section, title=f"Underämne {n}")
            TopicPageFactory(parent=sub, title=f"Djupare {n}")
            ConferencePageFactory(parent=self.conferences, title=f"Tidigare konferens {n}")
            strategy = StrategyDocumentPageFactory(
                parent=self.strategies, document=DocumentFactory()
            )
            strategy.related_topics.add(self.middle)
            strategy.save()
        add_speakers(self.conference, times)
        documents = [DocumentFactory() for _ in range(times)]
        self.topic.body = body(documents, self.conference, links=times, contact=self.contact)
        self.topic.save()
        self.section.body = body(documents, links=times)
        self.section.save()
        self.strategy.related_topics.add(self.section)
        self.strategy.save()


def warm_count(client, url):
    client.get(url)  # the first visitor fills the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == (404 if "finns-inte" in url else 200), url
    return len(queries)


@pytest.mark.django_db
def test_every_page_type_costs_the_same_few_queries_on_a_small_and_a_grown_site(client, home):
    site = Site(home)
    small = {name: warm_count(client, url) for name, url in site.urls().items()}

    site.grow()
    grown = {name: warm_count(client, url) for name, url in site.urls().items()}

    print(grown)
    assert grown == small
    assert max(grown.values()) <= MAX_QUERIES, grown


@pytest.mark.django_db
def test_pages_render_what_the_cache_holds_and_a_change_shows_at_once(client, home):
    site = Site(home)
    html = client.get(site.topic.url).content.decode()
    assert 'href="/amnesomraden/"' in html or site.section.url in html
    assert "Tillgänglighetsredogörelse" in html

    # A new menu page, a renamed ancestor and a new footer page show on the next request.
    TopicPageFactory(parent=home, title="Nytt ämne i menyn", show_in_menus=True)
    site.middle.title = "Regional utveckling"
    site.middle.save_revision().publish()
    SiteSettings.objects.filter(site=home.get_site()).update(accessibility_page=None)
    SiteSettings.objects.get(site=home.get_site()).save()

    html = client.get(site.topic.url).content.decode()
    assert "Nytt ämne i menyn" in html
    assert "Regional utveckling" in html
    assert "Tillgänglighetsredogörelse" not in html


@pytest.mark.django_db
def test_a_moved_or_unpublished_page_is_routed_afresh(client, home):
    site = Site(home)
    old_url = site.topic.url
    assert client.get(old_url).status_code == 200

    site.topic.move(site.section, pos="last-child")
    site.topic.refresh_from_db()
    assert site.topic.url != old_url
    assert client.get(site.topic.url).status_code == 200
    # The old address is no page any more; Wagtail's automatic redirect leads on.
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == site.topic.url

    site.topic.unpublish()
    assert client.get(site.topic.url).status_code == 404


@pytest.mark.django_db
def test_a_private_section_stays_private_through_the_cache(client, home):
    from wagtail.models import PageViewRestriction

    site = Site(home)
    assert client.get(site.topic.url).status_code == 200

    PageViewRestriction.objects.create(page=site.middle, restriction_type="login")

    response = client.get(site.topic.url)
    assert response.status_code == 302
    assert "Regional kapacitet" not in client.get(site.section.url).content.decode()


@pytest.mark.django_db
def test_a_saved_footer_or_a_new_page_shows_on_the_next_request(client, home):
    """Saving (not only publishing) invalidates: site settings, and pages made in code."""
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.footer_phone = "08-681 91 00"
    site_settings.save()
    assert "08-681 91 00" in client.get("/").content.decode()

    site_settings.footer_phone = "010-447 44 00"
    site_settings.save()
    TopicPageFactory(parent=home, title="Alldeles ny i menyn", show_in_menus=True)

    html = client.get("/").content.decode()
    assert "010-447 44 00" in html
    assert "Alldeles ny i menyn" in html
