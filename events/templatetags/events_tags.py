from django import template

from events.models import ConferencePage, prefetch_conference_details

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
    return {
        "conference": conference,
        "show_speakers": show_speakers,
        "request": context.get("request"),
    }
