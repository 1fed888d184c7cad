"""What the conference list shows: upcoming conferences as cards, past ones by year.

The conferences of a list are read in one query when the site's structure changes
(a page published, unpublished, moved or deleted, a view restriction, a document:
core/structure_cache.py) and then kept in the shared cache, so one copy serves every
visitor and every worker; which of them are upcoming is decided on each render from
the clock, so a conference moves to "Tidigare konferenser" the moment it ends, as
when the list was read from the database every time.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from core import structure_cache
from core.privacy import public_document_filter


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


def listed_conferences(index, request=None):
    """[ConferencePage] of the list page `index`: its live, public (core/privacy.py)
    conferences ordered by start, each with `presentation_count`: the presentations its
    page shows an anonymous visitor (none from a restricted collection:
    core/privacy.py). One query when the site's structure changed, then none (the same
    for every visitor: privacy here does not depend on who asks)."""
    from .models import ConferencePage

    def build():
        conferences = index.listed_children(ConferencePage, request)
        shown = public_document_filter("speakers__presentation", request)
        conferences = conferences.annotate(
            presentation_count=Count("speakers__presentation", filter=shown)
        )
        return list(conferences.order_by("start", "path"))

    if index.pk is None:  # a list page being added, in preview: nothing to keep
        return build()
    return structure_cache.cached(f"conference-listing:{index.pk}", build, request)


def conference_listing(conferences, now=None):
    """{"upcoming": [...], "past_years": [Year]}: upcoming (not yet ended at `now`)
    soonest first, past ones newest first by year.

    In: conference pages ordered by start (listed_conferences), `now` an aware datetime
    (default: the current time). No queries.
    """
    now = now or timezone.now()
    past = [conference for conference in conferences if conference.end < now]
    past.reverse()
    return {
        "upcoming": [conference for conference in conferences if conference.end >= now],
        "past_years": group_by_year(past),
    }
