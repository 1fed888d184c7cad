"""The conference list and page read their content only when it is rendered, and the
list's conferences are kept per structure generation (events/listing.py): what visitors
see still follows every publish, the clock and the query string."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import render_cache
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory
from events.listing import conference_listing

QUERY_STRINGS = ("", "?utm_source=nyhetsbrev", "?sida=2&utm_campaign=vaar")


@pytest.fixture
def conferences(home):
    return ConferenceIndexPageFactory(parent=home)


def starting_in(parent, delta, hours=6, **fields):
    start = timezone.now() + delta
    return ConferencePageFactory(
        parent=parent, start=start, end=start + datetime.timedelta(hours=hours), **fields
    )


def sections(client, url):
    """(upcoming section, past section) of the list's HTML."""
    html = client.get(url).content.decode()
    middle = html.index('id="past-heading"')
    return html[html.index('id="upcoming-heading"') : middle], html[middle:]


def main(client, url):
    html = client.get(url).content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


def later(monkeypatch, delta):
    """Move the clock `delta` ahead for timezone.now() and the render cache's window."""
    now, seconds = timezone.now() + delta, render_cache.time.time() + delta.total_seconds()
    monkeypatch.setattr(timezone, "now", lambda: now)
    monkeypatch.setattr(render_cache, "time", SimpleNamespace(time=lambda: seconds))


@pytest.mark.parametrize("query", QUERY_STRINGS)
def test_a_published_conference_shows_at_once_and_leaves_when_unpublished(
    client, conferences, query
):
    starting_in(conferences, datetime.timedelta(days=-400), title="Förra årets möte")
    url = conferences.url + query
    assert "Nytt möte" not in "".join(sections(client, url))

    new = starting_in(conferences, datetime.timedelta(days=20), title="Nytt möte")
    upcoming, past = sections(client, url)
    assert "Nytt möte" in upcoming and "Nytt möte" not in past
    assert "Förra årets möte" in past

    new.unpublish()
    assert "Nytt möte" not in "".join(sections(client, url))


@pytest.mark.parametrize("query", QUERY_STRINGS)
def test_a_conference_moves_to_the_past_when_it_has_ended_without_a_publish(
    client, conferences, monkeypatch, query
):
    starting_in(conferences, datetime.timedelta(hours=1), hours=2, title="Snart slut")
    url = conferences.url + query
    upcoming, past = sections(client, url)
    assert "Snart slut" in upcoming and "Snart slut" not in past

    later(monkeypatch, datetime.timedelta(hours=4))

    upcoming, past = sections(client, url)
    assert "Snart slut" in past and "Snart slut" not in upcoming
    assert "Just nu finns inga kommande konferenser." in upcoming


def test_a_query_string_shows_the_same_list_as_the_plain_address(client, conferences):
    starting_in(conferences, datetime.timedelta(days=12), title="Kommande möte")
    for years_ago in (1, 2, 2):
        starting_in(conferences, datetime.timedelta(days=-365 * years_ago - 3))
    plain = main(client, conferences.url)

    for query in QUERY_STRINGS[1:]:
        assert main(client, conferences.url + query) == plain
    assert main(client, conferences.url) == plain


def test_presentation_counts_follow_a_deleted_presentation(client, conferences):
    past = starting_in(conferences, datetime.timedelta(days=-30), title="Förra månadens möte")
    speakers = [SpeakerFactory(conference=past) for _ in range(3)]
    assert "3 presentationer" in sections(client, conferences.url)[1]

    speakers[0].presentation.delete()

    past_section = sections(client, conferences.url)[1]
    assert "2 presentationer" in past_section and "3 presentationer" not in past_section


def test_a_kept_render_reads_no_conferences_speakers_or_programme(client, conferences):
    conference = starting_in(conferences, datetime.timedelta(days=-30))
    for _ in range(3):
        SpeakerFactory(conference=conference)
    for url in (conferences.url, conference.url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        read = " ".join(query["sql"] for query in queries)
        assert not re.search(r'FROM "events_', read), url


def test_the_conference_page_reads_its_speakers_once_for_content_and_structured_data(
    client, conferences
):
    conference = starting_in(conferences, datetime.timedelta(days=5))
    for name in ("Ada Ek", "Bo Al"):
        SpeakerFactory(conference=conference, name=name)

    with CaptureQueriesContext(connection) as queries:
        html = client.get(conference.url + "?utm_source=nyhetsbrev").content.decode()

    speaker_queries = [q for q in queries if 'FROM "events_speaker"' in q["sql"]]
    assert len(speaker_queries) == 1
    assert html.count("Ada Ek") >= 2  # programme/speaker list and JSON-LD performer
    assert '"performer"' in html


def test_listing_splits_at_the_given_moment(conferences):
    moment = timezone.now()
    ended = starting_in(conferences, datetime.timedelta(hours=-3), hours=2)
    running = starting_in(conferences, datetime.timedelta(hours=-1), hours=3)
    listing = conference_listing([ended, running], now=moment)

    assert listing["upcoming"] == [running]
    assert [year.conferences for year in listing["past_years"]] == [[ended]]


def test_private_collections_are_looked_up_once_per_render_whatever_the_presentations(
    client, conferences, monkeypatch
):
    from django.core.cache import cache

    reads = []
    get = cache.get

    def counting_get(key, *args, **kwargs):
        if "collection-restrictions" in key:
            reads.append(key)
        return get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    counts = {}
    for speakers in (1, 8):
        conference = starting_in(conferences, datetime.timedelta(days=-speakers))
        for _ in range(speakers):
            SpeakerFactory(conference=conference)
        reads.clear()
        html = client.get(conference.url + "?utm_source=nyhetsbrev").content.decode()
        assert html.count('class="speaker__presentation"') == speakers
        counts[speakers] = len(reads)

    assert counts == {1: 1, 8: 1}
