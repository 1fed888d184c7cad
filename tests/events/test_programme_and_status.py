"""The programme with times, the event status and what an upcoming or past conference offers."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory
from events.models import Speaker


@pytest.fixture
def conferences(home):
    return ConferenceIndexPageFactory(parent=home)


def upcoming(parent, **fields):
    start = (timezone.now() + datetime.timedelta(days=30)).replace(hour=9, minute=30)
    return ConferencePageFactory(
        parent=parent, start=start, end=start + datetime.timedelta(hours=6, minutes=30), **fields
    )


def slot(conference, name, start, end=None, session="", title="", order=0, day=None):
    return SpeakerFactory(
        conference=conference,
        name=name,
        start_time=datetime.time(*start),
        end_time=datetime.time(*end) if end else None,
        session=session,
        talk_title=title,
        sort_order=order,
        day=day,
    )


def programme_of(html):
    start = html.index('<section class="programme"')
    return html[start : html.index("</section>", start)]


def test_programme_is_a_table_of_times_and_talks_grouped_by_session(client, conferences):
    conference = ConferencePageFactory(parent=conferences)
    slot(conference, "Isabel Poli", (9, 45), (10, 15), "Europa", "Smart specialisering i EU", 0)
    slot(conference, "Lina Stanionyte", (10, 15), (10, 45), "Europa", "S3-plattformen", 1)
    slot(conference, "James Wilson", (13, 0), None, "Erfarenheter", "Baskien", 2)

    programme = programme_of(client.get(conference.url).content.decode())

    assert "<table" in programme and '<th scope="col">Tid</th>' in programme
    assert programme.count('<th scope="rowgroup" colspan="2">') == 2
    assert programme.index(">Europa<") < programme.index("Isabel Poli")
    assert programme.index("S3-plattformen") < programme.index(">Erfarenheter<")
    # Times as machine-readable <time>; the range may break only after its dash (on a
    # phone: static/css/events-search.css).
    assert (
        '<time datetime="2018-01-31T09:45:00+01:00">09.45</time>&#8288;–'
        '<time datetime="2018-01-31T10:15:00+01:00">10.15</time>' in programme
    )
    assert '<time datetime="2018-01-31T13:00:00+01:00">13.00</time></span>' in programme
    assert '<span class="programme__talk">Baskien</span>' in programme


def test_programme_of_several_days_names_each_day(client, conferences):
    conference = ConferencePageFactory(
        parent=conferences, end=datetime.datetime(2018, 2, 1, 15, tzinfo=datetime.UTC)
    )
    slot(conference, "Dag ett", (9, 30), order=0)
    slot(conference, "Dag två", (9, 0), order=1, day=datetime.date(2018, 2, 1))

    programme = programme_of(client.get(conference.url).content.decode())

    assert '<caption><time datetime="2018-01-31">Onsdag 31\xa0januari 2018</time>' in programme
    assert '<caption><time datetime="2018-02-01">Torsdag 1\xa0februari 2018</time>' in programme
    assert '<time datetime="2018-02-01T09:00:00+01:00">09.00</time>' in programme


def test_speakers_without_times_show_no_programme_table(client, conferences):
    conference = ConferencePageFactory(parent=conferences)
    SpeakerFactory(conference=conference, name="Utan tid")

    html = client.get(conference.url).content.decode()

    assert 'class="programme"' not in html
    assert "Utan tid" in html


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [(None, (10, 0), "start_time"), ((10, 0), (9, 0), "end_time"), ((10, 0), (10, 0), "end_time")],
)
def test_a_slot_must_end_after_it_starts(conferences, start, end, field):
    speaker = Speaker(
        conference=ConferencePageFactory(parent=conferences),
        name="A",
        organisation="B",
        start_time=datetime.time(*start) if start else None,
        end_time=datetime.time(*end),
    )

    with pytest.raises(ValidationError) as error:
        speaker.full_clean()
    assert field in error.value.message_dict


def test_upcoming_conference_offers_the_calendar_place_and_a_map_link(client, conferences):
    conference = upcoming(
        conferences, venue="Kulturens hus", street_address="Skeppsbrogatan 17", postal_code="972 31"
    )

    html = client.get(conference.url).content.decode()

    calendar = (
        f'class="button conference__calendar-link" href="/kalender/konferens-{conference.pk}.ics"'
    )
    assert calendar in html
    assert "Kulturens hus, Luleå" in html
    assert "Skeppsbrogatan 17, 972\xa031 Luleå" in html
    map_url = "https://www.openstreetmap.org/search?query=Skeppsbrogatan+17%2C+972+31+Lule%C3%A5"
    assert f'<a class="external-link" href="{map_url}" target="_blank"' in html
    assert "Konferensen har redan ägt rum." not in html
    assert "<iframe" not in html


def test_without_a_street_address_there_is_no_map_link(client, conferences):
    html = client.get(upcoming(conferences).url).content.decode()

    assert "openstreetmap" not in html
    assert "Lägg till i din kalender" in html


@pytest.mark.parametrize(
    ("status", "headline", "calendar"),
    [
        ("cancelled", "Konferensen är inställd.", False),
        ("rescheduled", "Konferensen är flyttad.", True),
        ("postponed", "Konferensen är uppskjuten. Nytt datum meddelas senare.", True),
        ("moved_online", "Konferensen hålls bara digitalt.", True),
    ],
)
def test_status_other_than_scheduled_is_a_notice_at_the_top(
    client, conferences, status, headline, calendar
):
    conference = upcoming(conferences, status=status, status_note="Läs mer i nyhetsbrevet.")

    html = client.get(conference.url).content.decode()

    notice = re.search(r'<div class="event-status[^"]*" role="note".*?</div>', html, re.S)
    assert notice, "no status notice"
    assert headline in notice.group(0)
    assert "Läs mer i nyhetsbrevet." in notice.group(0)
    assert html.index("event-status") < html.index('class="lead"')
    assert ("Lägg till i din kalender" in html) is calendar


def test_rescheduled_conference_says_the_new_and_the_old_date(client, conferences):
    conference = upcoming(
        conferences,
        status="rescheduled",
        previous_start=datetime.datetime(2030, 3, 12, 9, tzinfo=datetime.UTC),
    )

    html = client.get(conference.url).content.decode()

    assert "Den var först planerad till 12\xa0mars 2030." in html


def test_scheduled_conference_has_no_status_notice(client, conferences):
    assert "event-status" not in client.get(upcoming(conferences).url).content.decode()


def test_listing_marks_a_cancelled_conference(client, conferences):
    upcoming(conferences, title="Inställd konferens", status="cancelled")

    html = client.get(conferences.url).content.decode()

    assert "conference-card--cancelled" in html
    assert "<strong>Konferensen är inställd.</strong>" in html


def test_past_conferences_are_grouped_by_year_newest_first(client, conferences):
    for number, year in enumerate((2016, 2018, 2017, 2018)):
        start = datetime.datetime(year, 5, 3, 9, tzinfo=datetime.UTC)
        ConferencePageFactory(
            parent=conferences, title=f"Konferens {number} {year}", start=start, end=start
        )
    upcoming(conferences, title="Kommande")

    html = client.get(conferences.url).content.decode()

    past = html[html.index('id="past-heading"') :]
    headings = re.findall(r'<h3 id="past-(\d{4})"', past)
    assert headings == ["2018", "2017", "2016"]
    assert past.count('<h4 class="listing__title">') == 4
    upcoming_section = html[html.index('id="upcoming-heading"') : html.index('id="past-heading"')]
    assert '<span class="date-badge__day">' in upcoming_section
    assert "Kommande" in upcoming_section


def test_conference_listing_queries_do_not_grow_with_conferences_or_years(client, conferences):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(conferences.url).status_code == 200
        return len(queries)

    ConferencePageFactory(parent=conferences)
    upcoming(conferences)
    count()
    few = count()
    for year in range(2005, 2015):
        start = datetime.datetime(year, 5, 3, 9, tzinfo=datetime.UTC)
        ConferencePageFactory(parent=conferences, start=start, end=start)
        upcoming(conferences)
    count()

    assert count() == few


def test_demo_conference_has_a_programme_for_all_eight_speakers(client, db):
    from django.core.management import call_command

    from demo.content import CONFERENCE, SPEAKERS

    call_command("load_demo_content", verbosity=0)
    html = client.get(f"/konferenser/{CONFERENCE['slug']}/").content.decode()

    programme = programme_of(html)
    assert programme.count('class="programme__time"') == len(SPEAKERS) == 8
    assert programme.count('<span class="programme__talk">') == 8
    for name, _organisation in SPEAKERS:
        assert name in programme
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert [person["name"] for person in data["performer"]] == [name for name, _ in SPEAKERS]


def test_calendar_file_marks_a_cancelled_conference_and_gives_the_street_address(
    client, conferences
):
    from icalendar import Calendar

    conference = upcoming(
        conferences,
        status="cancelled",
        venue="Kulturens hus",
        street_address="Skeppsbrogatan 17",
        postal_code="972 31",
    )

    response = client.get(f"/kalender/konferens-{conference.pk}.ics")

    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["LOCATION"]) == "Kulturens hus, Skeppsbrogatan 17, 972 31 Luleå"
