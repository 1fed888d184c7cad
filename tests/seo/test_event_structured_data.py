"""The conference's schema.org Event: status, attendance mode, performers and address.

Shape checked against schema.org/Event and Google's event requirements
(https://developers.google.com/search/docs/appearance/structured-data/event).
"""

import pytest

from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory

from .test_meta_tags import json_ld

SCHEMA = "https://schema.org/"
REQUIRED = {"@context", "@type", "name", "startDate", "endDate", "location", "eventStatus"}


@pytest.fixture
def conferences(home):
    return ConferenceIndexPageFactory(parent=home)


def event(client, conference):
    [data] = json_ld(client.get(conference.url).content.decode())
    assert data["@type"] == "Event"
    assert set(data) >= REQUIRED
    return data


def assert_place_shape(place):
    assert place["@type"] == "Place"
    assert isinstance(place["name"], str) and place["name"]
    address = place["address"]
    assert address["@type"] == "PostalAddress"
    assert address["addressCountry"] == "SE"
    assert set(address) <= {
        "@type",
        "streetAddress",
        "postalCode",
        "addressLocality",
        "addressCountry",
    }


@pytest.mark.parametrize(
    ("status", "schema_status"),
    [
        ("scheduled", "EventScheduled"),
        ("rescheduled", "EventRescheduled"),
        ("postponed", "EventPostponed"),
        ("cancelled", "EventCancelled"),
        ("moved_online", "EventMovedOnline"),
    ],
)
def test_editors_status_is_the_events_schema_org_status(client, conferences, status, schema_status):
    data = event(client, ConferencePageFactory(parent=conferences, status=status))

    assert data["eventStatus"] == SCHEMA + schema_status


@pytest.mark.parametrize(
    ("mode", "schema_mode"),
    [
        ("offline", "OfflineEventAttendanceMode"),
        ("online", "OnlineEventAttendanceMode"),
        ("mixed", "MixedEventAttendanceMode"),
    ],
)
def test_attendance_mode_and_location_follow_the_editors_choice(
    client, conferences, mode, schema_mode
):
    conference = ConferencePageFactory(
        parent=conferences, attendance_mode=mode, online_url="https://example.org/sandning"
    )

    data = event(client, conference)

    assert data["eventAttendanceMode"] == SCHEMA + schema_mode
    locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
    types = [location["@type"] for location in locations]
    expected = {
        "offline": ["Place"],
        "online": ["VirtualLocation"],
        "mixed": ["Place", "VirtualLocation"],
    }
    assert types == expected[mode]
    for location in locations:
        if location["@type"] == "Place":
            assert_place_shape(location)
        else:
            assert location["url"] == "https://example.org/sandning"


def test_conference_moved_online_is_attended_online(client, conferences):
    data = event(client, ConferencePageFactory(parent=conferences, status="moved_online"))

    assert data["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"


def test_location_has_the_street_address_the_editor_gave(client, conferences):
    conference = ConferencePageFactory(
        parent=conferences,
        venue="Kulturens hus",
        street_address="Skeppsbrogatan 17",
        postal_code="972 31",
    )

    location = event(client, conference)["location"]

    assert_place_shape(location)
    assert location["name"] == "Kulturens hus, Luleå"
    assert location["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Skeppsbrogatan 17",
        "postalCode": "972 31",
        "addressLocality": "Luleå",
        "addressCountry": "SE",
    }


def test_performers_are_the_speakers_with_their_organisations(client, conferences):
    conference = ConferencePageFactory(parent=conferences)
    SpeakerFactory(conference=conference, name="Isabel Poli", organisation="EU-kommissionen")
    SpeakerFactory(conference=conference, name="Jukka Teräs", organisation="NordRegio")

    data = event(client, conference)

    assert data["performer"] == [
        {
            "@type": "Person",
            "name": "Isabel Poli",
            "affiliation": {"@type": "Organization", "name": "EU-kommissionen"},
        },
        {
            "@type": "Person",
            "name": "Jukka Teräs",
            "affiliation": {"@type": "Organization", "name": "NordRegio"},
        },
    ]


def test_conference_without_speakers_lists_no_performers(client, conferences):
    assert "performer" not in event(client, ConferencePageFactory(parent=conferences))


def test_rescheduled_conference_gives_its_previous_start(client, conferences):
    import datetime

    conference = ConferencePageFactory(
        parent=conferences,
        status="rescheduled",
        previous_start=datetime.datetime(2017, 12, 6, 8, 30, tzinfo=datetime.UTC),
    )

    assert event(client, conference)["previousStartDate"] == "2017-12-06T09:30:00+01:00"
