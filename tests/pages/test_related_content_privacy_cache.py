"""Related content (pages/models/related.py) is kept in the shared structure cache, but
which chosen links it keeps depends on who built it (``may_list_page`` passes a view
restriction the visitor passes). An editor, or a visitor who unlocked a password, who
opens a topic first in a generation must not leave the private page's title and
address in the list every anonymous visitor gets afterwards (break2 finding)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageViewRestriction

from pages.factories import TopicPageFactory
from pages.models import TopicRelatedPage


def related_links(response):
    nav = BeautifulSoup(response.content, "html.parser").select_one("nav.related-content")
    return [a.get_text(strip=True) for a in nav.select("a")] if nav else []


@pytest.fixture
def topic_with_private_link(home):
    topic = TopicPageFactory(parent=home, title="Ämne", slug="amne")
    public = TopicPageFactory(parent=home, title="Öppen sida", slug="oppen")
    private = TopicPageFactory(parent=home, title="Hemlig sida", slug="hemlig")
    TopicRelatedPage.objects.create(topic=topic, page=private, sort_order=0)
    TopicRelatedPage.objects.create(topic=topic, page=public, sort_order=1)
    topic.save_revision().publish()
    return topic, private


def test_an_editors_view_of_related_content_is_not_served_to_visitors(
    admin_client, topic_with_private_link
):
    from django.test import Client

    topic, private = topic_with_private_link
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert "Hemlig sida" in related_links(admin_client.get(topic.url))
    # A client of its own: tests/conftest.py's admin_client logs in the `client` fixture.
    assert related_links(Client().get(topic.url)) == ["Öppen sida"]


def test_an_unlocked_password_is_not_served_to_other_visitors(client, topic_with_private_link):
    from django.test import Client

    topic, private = topic_with_private_link
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="hemligt"
    )
    client.post(
        reverse("wagtailcore_authenticate_with_password", args=(restriction.pk, private.pk)),
        {"password": "hemligt", "return_url": private.url},
    )
    assert "Hemlig sida" in related_links(client.get(topic.url))
    assert related_links(Client().get(topic.url)) == ["Öppen sida"]
