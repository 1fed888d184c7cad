"""iCalendar (RFC 5545) for conferences: one event, or a feed of many."""

from icalendar import Calendar, Event


def build_calendar(conferences, request, name=None):
    calendar = Calendar()
    calendar.add("prodid", "-//Tillväxtverket//Konferenser//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    host = request.get_host().split(":")[0] if request is not None else "localhost"
    for conference in conferences:
        event = Event()
        event.add("uid", f"conference-{conference.pk}@{host}")
        event.add("summary", conference.title)
        event.add("dtstart", conference.start)
        event.add("dtend", conference.end)
        event.add("dtstamp", conference.last_published_at or conference.start)
        if conference.place:
            event.add("location", conference.place)
        if conference.introduction:
            event.add("description", conference.introduction)
        event.add("url", conference.get_full_url(request))
        calendar.add_component(event)
    return calendar.to_ical()
