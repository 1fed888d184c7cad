from django import template
from django.db.models import prefetch_related_objects

from core import structure_cache
from core.privacy import public_pages
from events.models import (
    ConferencePage,
    visible_summaries,
)
from events.queries import conference_prefetches, prefetch_conference_details

register = template.Library()


@register.inclusion_tag("components/conference_summary.html", takes_context=True)
def conference_summary(context, conference, show_speakers=True):
    """A conference shown inside another page: date, place, summaries and speakers."""
    request = context.get("request")
    if conference is None:
        return {"conference": None}
    if isinstance(conference, ConferencePage) and conference.path:
        # The block's chooser has read the conference already: check it and fetch only
        # its speakers and summaries, not the page again.
        if not conference.live or structure_cache.view_restriction_ids(conference, request):
            return {"conference": None}
        prefetch_related_objects([conference], *conference_prefetches())
    else:
        conference = (
            prefetch_conference_details(
                # A conference an editor placed in the text, like a link in it: shown
                # with its own "inaktuell" state (the block above does not ask either).
                public_pages(ConferencePage.objects.live(), request, withdrawn=True)
            )
            .filter(pk=conference.pk)
            .first()
        )
    return {
        "conference": conference,
        "summaries": visible_summaries(conference.summary_documents.all(), request)
        if conference
        else [],
        "show_speakers": show_speakers,
        "request": request,
    }
