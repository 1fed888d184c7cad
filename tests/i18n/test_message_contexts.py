"""One Swedish word, several meanings: "Tid" is the programme's column of clock times,
the conference's clock times and the admin's heading over start and end date-times; each
has its own message context (pgettext) and its own English (locale/en)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext, pgettext

from events.factories import SpeakerFactory

pytestmark = pytest.mark.django_db

EN_CONFERENCE = "/en/conferences/smart-specialisation-2018/"
SV_CONFERENCE = "/konferenser/smart-specialisering-2018/"


@pytest.fixture
def with_programme(bilingual):
    for conference in (bilingual["conference"], bilingual["en_conference"]):
        SpeakerFactory(conference=conference, start_time=datetime.time(10, 0))
        conference.save_revision().publish()
    return bilingual


def headings(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return (
        [th.get_text() for th in html.select(".programme thead th")],
        [dt.get_text() for dt in html.select(".when-where dt")],
    )


def test_english_programme_column_and_clock_times_say_time(client, with_programme):
    programme, when_where = headings(client, EN_CONFERENCE)

    assert programme[0] == "Time"
    assert when_where[:2] == ["Date", "Time"]


def test_swedish_programme_and_clock_times_still_say_tid(client, with_programme):
    programme, when_where = headings(client, SV_CONFERENCE)

    assert programme[0] == "Tid"
    assert when_where[:2] == ["Datum", "Tid"]


@pytest.mark.parametrize(
    ("context", "english"),
    [
        ("programmets kolumn för klockslag", "Time"),
        ("konferensens klockslag", "Time"),
        (None, "Date and time"),  # the admin's heading over start and end (events/models.py)
    ],
)
def test_each_meaning_of_tid_has_its_own_english(context, english):
    with translation.override("en"):
        assert (pgettext(context, "Tid") if context else gettext("Tid")) == english
    with translation.override("sv"):
        assert (pgettext(context, "Tid") if context else gettext("Tid")) == "Tid"


@pytest.mark.parametrize(
    ("context", "english"),
    [("besökarens svar på frågan", "Answer"), ("HTTP-svar på en länk", "Response")],
)
def test_svar_is_an_answer_in_page_feedback_and_a_response_in_the_link_check(context, english):
    """The page-feedback report's column (a visitor's Ja/Nej) and the link check's
    column (the server's HTTP response) share the Swedish word, not the English one."""
    with translation.override("en"):
        assert pgettext(context, "Svar") == english
    with translation.override("sv"):
        assert pgettext(context, "Svar") == "Svar"
