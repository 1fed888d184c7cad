"""Template tags of the site search."""

from django import template

from search.views import MAX_QUERY_LENGTH

register = template.Library()


@register.simple_tag
def search_max_length():
    """The longest query (int, characters) a search box takes: its ``maxlength``, the
    same limit the search page applies (search.views.MAX_QUERY_LENGTH)."""
    return MAX_QUERY_LENGTH
