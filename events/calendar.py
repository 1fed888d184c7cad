"""iCalendar (RFC 5545) for conferences: one event, or a feed of many.

Times are given in Swedish local time with the zone described (VTIMEZONE), so calendar
apps show 09:30 for a conference that starts at 09:30 in Luleå, whatever their own zone.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import get_language
from icalendar import Calendar, Event, Timezone
from wagtail.models import Locale

from core.control_characters import clean_text, single_line_text
from core.seo import public_site

TIME_ZONE = "Europe/Stockholm"


def build_calendar(conferences, request, name=None, refresh_hours=None):
    calendar = Calendar()
    calendar.add("prodid", f"-//Tillväxtverket//Konferenser//{get_language().upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        name = single_line_text(name)
        calendar.add("name", name)  # RFC 7986
        calendar.add("x-wr-calname", name)  # what Apple's and Google's calendars read
    if refresh_hours:
        # A subscribed feed: how often calendar apps should look for changes (RFC 7986).
        interval = timedelta(hours=refresh_hours)
        calendar.add("refresh-interval", interval, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", f"PT{refresh_hours}H")
    local_zone = timezone.get_default_timezone()
    # UIDs name the configured Site, never the request's Host header: RFC 5545 §3.8.4.7
    # wants them persistent and globally unique, or subscribers get every event twice.
    site = public_site(request)
    host = site.hostname if site is not None else "localhost"
    conferences = list(conferences)
    # Each text says its language (RFC 5545 §3.2.10 LANGUAGE): the conference page's.
    languages = dict(
        Locale.objects.filter(pk__in={c.locale_id for c in conferences}).values_list(
            "pk", "language_code"
        )
    )
    for conference in conferences:
        language = {"LANGUAGE": languages.get(conference.locale_id, get_language())}
        event = Event()
        event.add("uid", f"conference-{conference.pk}@{host}")
        # Control characters are forbidden in TEXT values (RFC 5545 §3.3.11).
        event.add("summary", single_line_text(conference.title), parameters=language)
        event.add("dtstart", timezone.localtime(conference.start, local_zone))
        event.add("dtend", timezone.localtime(conference.end, local_zone))
        event.add("dtstamp", conference.last_published_at or conference.start)
        # A cancelled conference stays in subscribers' calendars, marked so (RFC 5545 §3.8.1.11).
        event.add("status", "CANCELLED" if conference.is_cancelled else "CONFIRMED")
        # With a street address the full postal address, else the place ("Väven, Umeå").
        location = conference.place
        if conference.postal_address:
            location = ", ".join(
                part for part in (conference.venue, conference.postal_address) if part
            )
        if location:
            event.add("location", single_line_text(location), parameters=language)
        if conference.introduction:
            event.add("description", clean_text(conference.introduction), parameters=language)
        event.add("url", conference.get_full_url(request))
        calendar.add_component(event)
    if calendar.subcomponents:
        calendar.add_missing_timezones()
    else:
        # RFC 5545 wants at least one component; an empty feed still describes its zone.
        calendar.add_component(Timezone.from_tzid(TIME_ZONE))
    return calendar.to_ical()
