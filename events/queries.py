"""Queries for what the conference block shows, for one conference or many at once."""

from django.db.models import Prefetch

from events.models import ConferenceSummaryDocument, Speaker


def conference_prefetches():
    """What the conference block shows besides the page: speakers and summaries."""
    return [
        Prefetch(
            "speakers",
            queryset=Speaker.objects.select_related("presentation", "photo")
            .prefetch_related("photo__renditions")
            .order_by("sort_order"),
        ),
        Prefetch(
            "summary_documents",
            queryset=ConferenceSummaryDocument.objects.select_related("document"),
        ),
    ]


def prefetch_conference_details(queryset):
    """What the conference block shows, for many conferences at once."""
    return queryset.prefetch_related(*conference_prefetches())
