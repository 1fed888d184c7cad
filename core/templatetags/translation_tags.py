"""The language switcher and ``<link rel="alternate" hreflang>`` for every page
(core/i18n.py decides what they link to)."""

from django import template

from core import i18n

register = template.Library()


@register.inclusion_tag("components/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """In: the template context (its ``page``, if any). Out: the page's alternates."""
    page = context.get("page")
    request = context.get("request")
    links = i18n.hreflang_links(page, request) if _is_page(page) else []
    return {"links": links}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """In: the template context. Out: one link per other language (named in itself,
    with ``lang`` and ``hreflang``), to the page's translation or its nearest
    translated ancestor with a note saying the page itself is not translated."""
    page = context.get("page")
    request = context.get("request")
    links = i18n.language_links(page if _is_page(page) else None, request)
    return {"links": [link for link in links if not link["current"] and link["url"]]}


def _is_page(page):
    return getattr(page, "translation_key", None) is not None and getattr(page, "pk", None)
