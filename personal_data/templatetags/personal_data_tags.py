from django import template

from personal_data.models import ProcessingEntry

register = template.Library()


@register.inclusion_tag("personal_data/privacy_processing.html")
def privacy_processing():
    """The "Personuppgiftsbehandling" entries for the privacy page (one query)."""
    return {"entries": list(ProcessingEntry.objects.all())}
