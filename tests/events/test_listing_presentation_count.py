"""The conference list's "N presentationer" counts what the conference page shows.

The page shows only the presentations the visitor may see (a document in a collection
with a view restriction is left out: core/privacy.py), but the list counts every
speaker's document (events/listing.py annotates Count("speakers__presentation")). Seen
live (break1): a presentation moved to a login-only collection, the page lists 6
presentations, /konferenser/ still says "7 presentationer".
"""

import re

import pytest
from wagtail.models import Collection, CollectionViewRestriction

from documents.factories import DocumentFactory
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory


def _closed_collection(kind):
    closed = Collection.get_first_root_node().add_child(name=f"Intern {kind}")
    if kind == "password":
        CollectionViewRestriction.objects.create(
            collection=closed, restriction_type=kind, password="hemligt"
        )
    else:
        CollectionViewRestriction.objects.create(collection=closed, restriction_type=kind)
    return closed


@pytest.mark.parametrize("kind", ["login", "password"])
@pytest.mark.parametrize("hidden", [1, 2])
def test_the_list_counts_only_the_presentations_the_page_shows(client, home, kind, hidden):
    index = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(parent=index, title="Mötet")
    closed = _closed_collection(kind)
    for _ in range(2):
        SpeakerFactory(conference=conference)
    for _ in range(hidden):
        SpeakerFactory(conference=conference, presentation=DocumentFactory(collection=closed))

    page = client.get(conference.url).content.decode()
    shown = set(re.findall(r'href="(/dokument/\d+/)', page))
    assert len(shown) == 2

    listing = client.get(index.url).content.decode()
    assert re.findall(r"(\d+) presentationer", listing) == ["2"]
