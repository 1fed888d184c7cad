from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from .calendar import build_calendar
from .models import ConferencePage


def calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


@require_GET
def conference_ics(request, pk):
    """One conference as an iCalendar file. Only live, public conferences are offered."""
    conference = get_object_or_404(ConferencePage.objects.live().public(), pk=pk)
    return calendar_response(
        build_calendar([conference], request), slugify(conference.slug) or "konferens"
    )
