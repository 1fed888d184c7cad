"""The Atom feed and the iCalendar files in the page's language (issue 15): English at
/en/flode/nytt.atom and /en/kalender/…, with xml:lang and iCalendar LANGUAGE parameters."""

import datetime

from django.utils import timezone, translation
from icalendar import Calendar
from lxml import etree

from events.models import ConferencePage

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def atom(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return etree.fromstring(response.content)


def entry_titles(feed):
    return [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]


def test_english_feed_lists_english_pages_in_english(client, bilingual):
    feed = atom(client, "/en/flode/nytt.atom")

    assert feed.get(XML_LANG) == "en"
    assert feed.findtext(f"{ATOM}title").startswith("New from ")
    assert entry_titles(feed) == ["Smart specialisation 2018"]
    assert [c.get("term") for c in feed.iter(f"{ATOM}category")] == ["Conferences"]
    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert any(href.endswith("/en/flode/nytt.atom") for href in links)  # rel="self"
    assert any(href.endswith("/en/conferences/smart-specialisation-2018/") for href in links)


def test_swedish_feed_stays_swedish(client, bilingual):
    feed = atom(client, "/flode/nytt.atom")

    assert feed.get(XML_LANG) == "sv"
    assert entry_titles(feed) == ["Smart specialisering 2018"]
    assert [c.get("term") for c in feed.iter(f"{ATOM}category")] == ["Konferenser"]


def upcoming(*conferences):
    start = timezone.now() + datetime.timedelta(days=30)
    ConferencePage.objects.filter(pk__in=[c.pk for c in conferences]).update(
        start=start, end=start + datetime.timedelta(hours=6)
    )


def event_of(response):
    assert response.status_code == 200
    return Calendar.from_ical(response.content).walk("VEVENT")[0]


def test_calendar_of_english_conference_says_english(client, bilingual):
    english = bilingual["en_conference"]
    event = event_of(client.get(f"/en/kalender/konferens-{english.pk}.ics"))

    assert str(event["summary"]) == "Smart specialisation 2018"
    assert event["summary"].params["LANGUAGE"] == "en"
    assert event["url"].endswith("/en/conferences/smart-specialisation-2018/")
    # Rendered in English (an English page), the page's link leads to the English address.
    with translation.override("en"):
        assert english.get_calendar_url() == f"/en/kalender/konferens-{english.pk}.ics"


def test_calendar_of_swedish_conference_says_swedish(client, bilingual):
    swedish = bilingual["conference"]
    event = event_of(client.get(f"/kalender/konferens-{swedish.pk}.ics"))

    assert str(event["summary"]) == "Smart specialisering 2018"
    assert event["summary"].params["LANGUAGE"] == "sv"


def test_english_calendar_feed_holds_the_english_conferences(client, bilingual):
    upcoming(bilingual["conference"], bilingual["en_conference"])

    english = Calendar.from_ical(client.get("/en/kalender/konferenser.ics").content)
    swedish = Calendar.from_ical(client.get("/kalender/konferenser.ics").content)

    assert str(english["x-wr-calname"]) == "Tillväxtverket's conferences"
    assert [str(e["summary"]) for e in english.walk("VEVENT")] == ["Smart specialisation 2018"]
    assert [str(e["summary"]) for e in swedish.walk("VEVENT")] == ["Smart specialisering 2018"]
    assert [e["summary"].params["LANGUAGE"] for e in english.walk("VEVENT")] == ["en"]
