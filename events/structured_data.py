"""A conference as schema.org Event data (JSON-LD), for search engines.

Shape as https://schema.org/Event and Google's event guidelines
(https://developers.google.com/search/docs/appearance/structured-data/event): status and
attendance mode as schema.org URLs, a Place with a PostalAddress (streetAddress when the
editor gave one) and/or a VirtualLocation, and the speakers as performers.
"""

from django.utils import translation

from core.seo import schema_datetime

COUNTRY = "SE"


def place_data(conference):
    """The physical place: a schema.org Place with its PostalAddress."""
    address = {"@type": "PostalAddress"}
    if conference.street_address:
        address["streetAddress"] = conference.street_address
    if conference.postal_code:
        address["postalCode"] = conference.postal_code
    address["addressLocality"] = conference.city
    address["addressCountry"] = COUNTRY
    return {"@type": "Place", "name": conference.place, "address": address}


def location_data(conference):
    """Place, VirtualLocation or both ([Place, VirtualLocation]) as the attendance mode says."""
    virtual = {"@type": "VirtualLocation", "url": conference.online_url or None}
    virtual = {key: value for key, value in virtual.items() if value}
    if conference.is_online:
        return virtual
    if conference.attendance_mode == "mixed":
        return [place_data(conference), virtual]
    return place_data(conference)


def performer_data(speakers):
    """Each speaker as a schema.org Person with their organisation as affiliation."""
    performers = []
    for speaker in speakers:
        person = {"@type": "Person", "name": speaker.name}
        if speaker.organisation:
            person["affiliation"] = {"@type": "Organization", "name": speaker.organisation}
        performers.append(person)
    return performers


def event_data(conference, speakers, request, organizer, description):
    """The dict to serialise as JSON-LD (core/seo.py: json_ld).

    In: the ConferencePage, its speakers (already fetched), the request, the organiser's
    schema.org data and the page's description. Out: a JSON-serialisable dict.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": conference.title,
        "description": description,
        "startDate": schema_datetime(conference.start),
        "endDate": schema_datetime(conference.end),
        "eventStatus": conference.event_status_url,
        "eventAttendanceMode": conference.attendance_mode_url,
        "location": location_data(conference),
        "organizer": organizer,
        "url": conference.get_full_url(request),
        "inLanguage": translation.get_language() or "sv",  # the page's (core/i18n.py)
    }
    if conference.previous_start and conference.status == "rescheduled":
        data["previousStartDate"] = schema_datetime(conference.previous_start)
    performers = performer_data(speakers)
    if performers:
        data["performer"] = performers
    return data
