import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from documents.factories import DocumentFactory
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory
from events.models import ConferenceIndexPage, ConferencePage
from pages.models import HomePage, TopicPage


@pytest.fixture
def conferences(home):
    return ConferenceIndexPageFactory(parent=home)


def test_conferences_only_live_in_the_conference_index(db):
    assert ConferenceIndexPage.can_create_at(HomePage()) is True
    assert ConferencePage.can_create_at(ConferenceIndexPage()) is True
    assert ConferencePage.can_create_at(HomePage()) is False
    assert ConferencePage.can_create_at(TopicPage()) is False
    assert ConferencePage.allowed_subpage_models() == []


def test_speakers_are_shown_in_programme_order_with_presentations(client, conferences):
    conference = ConferencePageFactory(parent=conferences)
    for order, name in enumerate(["Isabel Poli", "Lina Stanionyte", "Cecilia Johansson"]):
        SpeakerFactory(conference=conference, name=name, sort_order=order)

    html = client.get(conference.url).content.decode()

    positions = [html.index(name) for name in ["Isabel Poli", "Lina Stanionyte", "Cecilia"]]
    assert positions == sorted(positions)
    assert html.count("Presentation av ") == 3
    assert html.count('<span class="link-meta">(PDF, ') >= 3


def test_visitor_sees_date_place_and_that_a_past_conference_is_over(client, conferences):
    conference = ConferencePageFactory(parent=conferences, city="Luleå", venue="Kulturens hus")

    html = client.get(conference.url).content.decode()

    assert "31\xa0januari 2018" in html
    assert "Kulturens hus, Luleå" in html
    assert "Konferensen har redan ägt rum." in html
    # Nothing to put in a calendar any more.
    assert f"/kalender/konferens-{conference.pk}.ics" not in html
    assert "Lägg till i din kalender" not in html


def test_english_summary_is_marked_as_english(client, conferences):
    conference = ConferencePageFactory(parent=conferences)
    summary = DocumentFactory(title="Conference summary", language="en")
    conference.summary_documents.create(document=summary, title="")
    conference.save()

    html = client.get(conference.url).content.decode()

    assert 'hreflang="en"' in html
    assert '<span class="document-link__title" lang="en">Conference summary</span>' in html
    assert "på engelska)" in html


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_conference_page_queries_do_not_grow_with_speakers(client, conferences):
    small = ConferencePageFactory(parent=conferences, slug="liten")
    large = ConferencePageFactory(parent=conferences, slug="stor")
    for _ in range(2):
        SpeakerFactory(conference=small)
    for _ in range(12):
        SpeakerFactory(conference=large)
    # Warm caches (site root, settings, each page's route and breadcrumbs)
    _count_queries(client, small.url)
    _count_queries(client, large.url)

    assert _count_queries(client, small.url) == _count_queries(client, large.url)


def test_ics_download_describes_the_conference(client, conferences):
    conference = ConferencePageFactory(
        parent=conferences, title="Smart specialisering 2018", city="Luleå", venue=""
    )

    response = client.get(f"/kalender/konferens-{conference.pk}.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert b"\r\n" in response.content
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Smart specialisering 2018"
    assert str(event["LOCATION"]) == "Luleå"
    assert event["DTSTART"].dt == conference.start
    assert event["DTEND"].dt == conference.end
    assert str(event["URL"]).endswith(conference.url)


def test_ics_of_draft_conference_is_not_found(client, conferences):
    conference = ConferencePageFactory(parent=conferences, live=False)

    assert client.get(f"/kalender/konferens-{conference.pk}.ics").status_code == 404


def test_conference_ending_before_it_starts_is_refused(conferences):
    conference = ConferencePageFactory.build(
        start=datetime.datetime(2018, 1, 31, 16, tzinfo=datetime.UTC),
        end=datetime.datetime(2018, 1, 31, 9, tzinfo=datetime.UTC),
        slug="fel",
    )
    with pytest.raises(Exception, match="sluta innan"):
        conference.full_clean()


def test_index_separates_upcoming_and_past_with_presentation_counts(client, conferences):
    from django.utils import timezone

    soon = timezone.now() + datetime.timedelta(days=10)
    ConferencePageFactory(
        parent=conferences, title="Framtida", start=soon, end=soon + datetime.timedelta(hours=2)
    )
    past = ConferencePageFactory(parent=conferences, title="Förfluten")
    for _ in range(8):
        SpeakerFactory(conference=past)

    html = client.get(conferences.url).content.decode()

    upcoming_section = html[html.index("upcoming-heading") : html.index("past-heading")]
    past_section = html[html.index("past-heading") :]
    assert "Framtida" in upcoming_section
    assert 'class="date-badge"' in upcoming_section
    assert "Förfluten" in past_section
    assert "8 presentationer" in past_section
    assert '<h3 id="past-2018" class="conference-year__heading">2018</h3>' in past_section


@pytest.mark.django_db
def test_editor_creates_conference_with_speakers_through_admin(admin_client, conferences):
    first, second = DocumentFactory(), DocumentFactory()
    data = nested_form_data(
        {
            "title": "Ny konferens",
            "slug": "ny-konferens",
            "introduction": "",
            "body": streamfield([]),
            "summary_documents": inline_formset([]),
            "start": "2030-05-01 09:00",
            "end": "2030-05-01 16:00",
            "venue": "Folkets hus",
            "city": "Umeå",
            "street_address": "Storgatan 1",
            "postal_code": "903 26",
            "status": "scheduled",
            "attendance_mode": "offline",
            "speakers": inline_formset(
                [
                    {
                        "name": "Anna Andersson",
                        "organisation": "Region Västerbotten",
                        "role": "",
                        "presentation": first.pk,
                        "talk_title": "Regionens strategi",
                        "start_time": "09:30",
                        "end_time": "10:00",
                        "session": "Förmiddag",
                        "ORDER": 1,
                    },
                    {
                        "name": "Bo Berg",
                        "organisation": "Umeå universitet",
                        "role": "",
                        "presentation": second.pk,
                        "ORDER": 2,
                    },
                ]
            ),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(f"/admin/pages/add/events/conferencepage/{conferences.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    conference = ConferencePage.objects.get(slug="ny-konferens")
    assert [s.name for s in conference.speakers.order_by("sort_order")] == [
        "Anna Andersson",
        "Bo Berg",
    ]
    anna = conference.speakers.get(name="Anna Andersson")
    assert (anna.talk_title, anna.start_time, anna.session) == (
        "Regionens strategi",
        datetime.time(9, 30),
        "Förmiddag",
    )
    assert conference.street_address == "Storgatan 1"
    html = admin_client.get(conference.url).content.decode()
    assert html.index("Anna Andersson") < html.index("Bo Berg")
    assert '<time datetime="2030-05-01T09:30:00+02:00">09.30</time>' in html


def test_a_link_text_the_editor_wrote_in_the_pages_language_is_not_marked_as_the_documents(
    client, conferences
):
    conference = ConferencePageFactory(parent=conferences)
    summary = DocumentFactory(title="Conference summary", language="en")
    conference.summary_documents.create(document=summary, title="Engelsk sammanfattning")
    conference.save()

    html = client.get(conference.url).content.decode()

    assert 'hreflang="en"' in html
    assert '<span class="document-link__title">Engelsk sammanfattning</span>' in html
