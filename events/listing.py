"""What the conference list shows: upcoming conferences as cards, past ones by year."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone


@dataclass
class Year:
    year: int
    conferences: list


def group_by_year(conferences):
    """[Year] for conferences ordered newest first; in: conference pages, out: one Year
    per calendar year (local time) in the order met. No queries."""
    years = []
    for conference in conferences:
        year = timezone.localtime(conference.start).year
        if not years or years[-1].year != year:
            years.append(Year(year, []))
        years[-1].conferences.append(conference)
    return years


def conference_listing(conferences):
    """{"upcoming": [...], "past_years": [Year]} in two queries whatever their number.

    In: a queryset of the live, public conference pages to list.
    """
    conferences = conferences.annotate(presentation_count=Count("speakers__presentation"))
    now = timezone.now()
    return {
        "upcoming": list(conferences.filter(end__gte=now).order_by("start")),
        "past_years": group_by_year(conferences.filter(end__lt=now).order_by("-start")),
    }
