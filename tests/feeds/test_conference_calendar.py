import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from events.factories import ConferenceIndexPageFactory, ConferencePageFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")
FEED_URL = "/kalender/konferenser.ics"


@pytest.fixture
def conferences(home):
    return ConferenceIndexPageFactory(parent=home)


def in_days(days, hour=9):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, 30, tzinfo=STOCKHOLM)


def conference(parent, title, days, **fields):
    page = ConferencePageFactory(
        parent=parent, title=title, start=in_days(days), end=in_days(days, 16), **fields
    )
    page.save_revision().publish()
    return page


def fetch(client):
    response = client.get(FEED_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def test_feed_lists_upcoming_public_conferences_only(client, conferences):
    conference(conferences, "Nästa konferens", 30, city="Umeå", venue="Väven")
    conference(conferences, "Konferensen efter den", 60)
    conference(conferences, "Förra årets konferens", -300)
    conference(conferences, "Hemlig konferens", 40).unpublish()
    private = conference(conferences, "Intern konferens", 50)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    calendar = Calendar.from_ical(fetch(client))
    events = calendar.walk("VEVENT")

    assert [str(event["SUMMARY"]) for event in events] == [
        "Nästa konferens",
        "Konferensen efter den",
    ]
    assert str(events[0]["LOCATION"]) == "Väven, Umeå"
    assert events[0]["DTSTART"].dt == in_days(30)
    assert str(calendar["X-WR-CALNAME"]) == "Tillväxtverkets konferenser"


def test_feed_meets_rfc_5545_essentials(client, conferences):
    conference(
        conferences,
        "Smart specialisering – vad gör framtidens platser speciellt attraktiva? " * 2,
        10,
        introduction="Åäö " * 40,
    )
    conference(conferences, "Andra konferensen", 20)

    body = fetch(client)
    calendar = Calendar.from_ical(body)

    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"])
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == 2
    for event in events:
        assert event["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)  # DTSTAMP in UTC
        assert event["DTSTART"].dt < event["DTEND"].dt
    # Every TZID used is described by a VTIMEZONE.
    assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} == {"Europe/Stockholm"}
    # Lines end in CRLF and are folded at 75 octets.
    assert body.endswith(b"\r\n")
    lines = body.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the long title was folded


def test_empty_feed_is_still_a_valid_calendar(client, conferences):
    conference(conferences, "Förra årets konferens", -300)

    calendar = Calendar.from_ical(fetch(client))

    assert calendar.walk("VEVENT") == []
    assert calendar.subcomponents  # RFC 5545: at least one component


def test_feed_tells_calendar_apps_how_often_to_refresh(client, conferences):
    body = fetch(client).decode()

    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in body


def test_conference_index_shows_date_place_presentations_and_links_the_feed(client, conferences):
    from events.factories import SpeakerFactory

    upcoming = conference(conferences, "Nästa konferens", 30, city="Umeå", venue="Väven")
    past = conference(conferences, "Förra konferensen", -300, city="Luleå", venue="")
    for _ in range(2):
        SpeakerFactory(conference=past)

    html = client.get(conferences.url).content.decode()

    assert html.index("Kommande konferenser") < html.index(upcoming.title)
    assert html.index("Tidigare konferenser") < html.index(past.title)
    assert "Väven, Umeå" in html
    assert 'Luleå. <span class="nowrap">2 presentationer</span>' in html
    assert f'href="{FEED_URL}"' in html
    assert f'href="webcal://testserver{FEED_URL}"' in html
