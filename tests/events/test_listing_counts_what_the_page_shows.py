"""The conference list's "N presentationer" is the number of presentation links the
conference page shows an anonymous visitor, for every kind of closed collection, below
one, and as restrictions and documents change; still one query per structure generation
(events/listing.py, core/privacy.py ``public_document_filter``)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction

from core import structure_cache
from documents.factories import DocumentFactory
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory
from events.listing import listed_conferences


def restricted(name, kind, parent=None):
    collection = (parent or Collection.get_first_root_node()).add_child(name=name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=kind,
        password="hemligt" if kind == "password" else "",
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.get_or_create(name="Intern personal")[0])
    return collection


def shown_on_page(client, conference):
    return len(set(re.findall(r'href="(/dokument/\d+/)', client.get(conference.url).text)))


def counts_in_list(client, index):
    return re.findall(r"(\d+) presentation(?:er)?\b", client.get(index.url).text)


@pytest.fixture
def index(home):
    return ConferenceIndexPageFactory(parent=home)


@pytest.mark.parametrize("kind", ["login", "password", "groups"])
def test_the_count_leaves_out_every_kind_of_closed_collection_and_those_below(client, index, kind):
    conference = ConferencePageFactory(parent=index)
    closed = restricted("Intern", kind)
    below = closed.add_child(name="Intern underavdelning")
    SpeakerFactory(conference=conference)
    SpeakerFactory(conference=conference, presentation=None)  # a speaker without slides
    SpeakerFactory(conference=conference, presentation=DocumentFactory(collection=closed))
    SpeakerFactory(conference=conference, presentation=DocumentFactory(collection=below))

    assert shown_on_page(client, conference) == 1
    assert counts_in_list(client, index) == ["1"]


def test_a_conference_whose_presentations_are_all_closed_shows_no_count(client, index):
    conference = ConferencePageFactory(parent=index)
    closed = restricted("Intern", "login")
    for _ in range(3):
        SpeakerFactory(conference=conference, presentation=DocumentFactory(collection=closed))

    assert shown_on_page(client, conference) == 0
    assert counts_in_list(client, index) == []


def test_the_count_follows_a_document_moved_and_a_restriction_lifted(client, index):
    conference = ConferencePageFactory(parent=index)
    closed = restricted("Intern", "password")
    speakers = [SpeakerFactory(conference=conference) for _ in range(3)]
    assert counts_in_list(client, index) == ["3"]

    moved = speakers[0].presentation
    moved.collection = closed
    moved.save()
    assert counts_in_list(client, index) == ["2"] == [str(shown_on_page(client, conference))]

    CollectionViewRestriction.objects.filter(collection=closed).delete()
    assert counts_in_list(client, index) == ["3"] == [str(shown_on_page(client, conference))]


def test_a_member_who_passes_the_restriction_gets_the_same_shared_list(
    client, index, django_user_model
):
    conference = ConferencePageFactory(parent=index)
    closed = restricted("Intern", "login")
    SpeakerFactory(conference=conference)
    SpeakerFactory(conference=conference, presentation=DocumentFactory(collection=closed))
    client.force_login(django_user_model.objects.create_user("medlem", password="x-y-z-1234"))

    assert shown_on_page(client, conference) == 2  # the member sees both on the page
    assert counts_in_list(client, index) == ["1"]  # the list is the anonymous visitor's


def test_the_list_is_read_in_one_query_then_kept(index):
    closed = restricted("Intern", "login")
    for _ in range(4):
        conference = ConferencePageFactory(parent=index)
        SpeakerFactory(conference=conference)
        SpeakerFactory(conference=conference, presentation=DocumentFactory(collection=closed))
    structure_cache.restricted_paths()  # kept per generation on their own, read by every page
    structure_cache.restricted_collection_paths()
    structure_cache.withdrawn_page_ids()

    with CaptureQueriesContext(connection) as first:
        conferences = listed_conferences(index)
    with CaptureQueriesContext(connection) as again:
        assert [c.presentation_count for c in listed_conferences(index)] == [1, 1, 1, 1]

    assert [c.presentation_count for c in conferences] == [1, 1, 1, 1]
    assert len(first) == 1
    assert len(again) == 0
