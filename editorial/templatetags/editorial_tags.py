from django import template

from editorial.usage import live_pages_losing

register = template.Library()


@register.simple_tag
def live_page_losses(obj):
    """The live pages that would lose something if ``obj`` were deleted (PageLoss list)."""
    return live_pages_losing(obj)
