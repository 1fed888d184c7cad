"""An editor's preview of a conference must leave nothing of the unsaved draft in the
shared structure cache (core/structure_cache.py): the section navigation
(events/sidebar.py) adds the page being served, the preview's in-memory object, when it
is not among the newest SECTION_SIZE, and keeps the list for the whole generation, so
visitors saw the draft's title beside the published page (break2 finding)."""

import datetime

import pytest
from bs4 import BeautifulSoup

from events.factories import STOCKHOLM, ConferenceIndexPageFactory, ConferencePageFactory
from events.sidebar import SECTION_SIZE


def in_year(year, **kwargs):
    start = datetime.datetime(year, 3, 1, 9, 30, tzinfo=STOCKHOLM)
    return {"start": start, "end": start + datetime.timedelta(hours=6), **kwargs}


@pytest.mark.parametrize("draft_title", ["Osparad titel", "Utkast: ny rubrik"])
def test_a_preview_leaves_no_draft_title_in_the_section_navigation(client, home, draft_title):
    conferences = ConferenceIndexPageFactory(parent=home)
    oldest = ConferencePageFactory(parent=conferences, **in_year(2000, title="Den första"))
    for year in range(2001, 2002 + SECTION_SIZE):
        ConferencePageFactory(parent=conferences, **in_year(year, title=f"Konferens {year}"))

    draft = type(oldest).objects.get(pk=oldest.pk)
    draft.title = draft_title
    assert draft.make_preview_request().status_code == 200

    page = BeautifulSoup(client.get(oldest.url).content, "html.parser")
    current = page.select_one('.layout__aside nav.section-nav [aria-current="page"]')
    assert current.get_text() == "Den första"
