from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.method_not_allowed import allow_methods
from core.privacy import public_pages

from .calendar import build_calendar
from .models import ConferencePage

# How often a subscribing calendar app should fetch the feed again.
FEED_REFRESH_HOURS = 12


def calendar_response(body, filename, disposition="attachment"):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.ics"'
    return response


@allow_methods("GET", "HEAD")
def conference_ics(request, pk):
    """One conference as an iCalendar file. Only live, public conferences are offered."""
    conference = get_object_or_404(ConferencePage.objects.live().public(), pk=pk)
    return calendar_response(
        build_calendar([conference], request), slugify(conference.slug) or "konferens"
    )


@allow_methods("GET", "HEAD")
def upcoming_conferences_ics(request):
    """Every upcoming live, public conference: a feed calendar apps can subscribe to."""
    conferences = public_pages(ConferencePage.objects.live(), request).filter(
        end__gte=timezone.now()
    )
    site = Site.find_for_request(request)
    if site is not None:
        # The conferences in the address's language (/en/kalender/…: the English ones).
        conferences = conferences.descendant_of(site.root_page.localized)
    body = build_calendar(
        conferences.order_by("start"),
        request,
        name=_("Tillväxtverkets konferenser"),
        refresh_hours=FEED_REFRESH_HOURS,
    )
    return calendar_response(body, "konferenser", disposition="inline")
