"""Deleting a page says, like deleting a document or a contact, which live pages lose
something and what (core/usage.py): a topic page showing a conference in a conference
block, the start page's short link and featured topic. An inline row with no name of
its own is named by its kind, never as a Python object."""

import json

from django.urls import reverse

from core.usage import live_pages_losing
from pages.factories import TopicPageFactory
from pages.models import HomePageFeaturedTopic


def confirmation(client, page):
    response = client.get(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
    assert response.status_code == 200
    return response.content.decode()


def test_deleting_a_conference_names_the_topic_page_showing_it(admin_client, home, conference):
    topic = TopicPageFactory(
        parent=home,
        title="Smart specialisering",
        body=json.dumps([{"type": "conference", "value": {"conference": conference.pk}}]),
    )
    topic.save_revision().publish()

    html = confirmation(admin_client, conference)

    assert "Publicerade sidor tappar detta när du tar bort" in html
    assert "Smart specialisering" in html


def test_deleting_an_unused_page_warns_of_nothing(admin_client, conference):
    assert "Publicerade sidor tappar" not in confirmation(admin_client, conference)


def test_a_featured_topic_is_named_by_its_kind_not_as_a_python_object(admin_client, home):
    topic = TopicPageFactory(parent=home, title="Regional kapacitet")
    HomePageFeaturedTopic.objects.create(home=home, page=topic)
    home.save_revision().publish()

    losses = {loss.page.pk: loss.losses for loss in live_pages_losing(topic)}
    html = confirmation(admin_client, topic)

    assert losses[home.pk] == ["Utvalt ämne → Ämnessida"]
    assert "object (" not in html
    assert "Utvalt ämne → Ämnessida" in html


def test_deleting_a_parent_names_the_live_pages_showing_its_child(admin_client, home, conference):
    """Deleting a page deletes its subpages: a live page showing one of them loses it."""
    topic = TopicPageFactory(
        parent=home,
        title="Smart specialisering",
        body=json.dumps([{"type": "conference", "value": {"conference": conference.pk}}]),
    )
    topic.save_revision().publish()

    html = confirmation(admin_client, conference.get_parent())

    assert "Publicerade sidor tappar detta när du tar bort" in html
    assert "Smart specialisering" in html
