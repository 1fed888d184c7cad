"""Template filters that keep times, ranges and measures on one line (core/typography.py).

{% load typography_tags %}
{{ "400 %"|keep_together }}, {{ speaker.start_time|time_range:speaker.end_time }},
{{ rich_html|keep_together_html }}, {{ "Kulturens hus"|no_break }}
"""

from django import template
from django.utils.safestring import mark_safe

from core import typography

register = template.Library()


@register.filter(is_safe=True)
def keep_together(value):
    return typography.keep_together(value)


@register.filter(is_safe=True)
def keep_together_html(value):
    """For HTML that is already safe (Wagtail's rendered rich text)."""
    return mark_safe(typography.keep_together_html(value))  # noqa: S308 - input is safe HTML


@register.filter(is_safe=True)
def no_break(value):
    return typography.no_break(value)


@register.filter
def time_range(start, end=None):
    return typography.time_range(start, end)


@register.filter
def clock(value):
    """ "09.30" for a time or datetime (an aware datetime in local time)."""
    return typography.format_time(value)
