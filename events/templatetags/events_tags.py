from django import template

from events.models import ConferencePage, prefetch_conference_details, visible_summaries

register = template.Library()


@register.inclusion_tag("components/conference_summary.html", takes_context=True)
def conference_summary(context, conference, show_speakers=True):
    """A conference shown inside another page: date, place, summaries and speakers."""
    if conference is None:
        return {"conference": None}
    conference = (
        prefetch_conference_details(ConferencePage.objects.live().public())
        .filter(pk=conference.pk)
        .first()
    )
    request = context.get("request")
    return {
        "conference": conference,
        "summaries": visible_summaries(conference.summary_documents.all(), request)
        if conference
        else [],
        "show_speakers": show_speakers,
        "request": request,
    }
