"""The language switcher and ``<link rel="alternate" hreflang>`` for every page
(core/i18n.py decides what they link to)."""

from django import template
from django.utils import translation
from wagtail.models import Page

from core import i18n, structure_cache

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


@register.filter
def other_language(page):
    """{{ page|other_language }}: the page's language code when it is not the reader's
    (a Swedish page in English search results: "sv"), else "" (core/i18n.py)."""
    if not isinstance(page, Page):
        return ""
    return i18n.other_language(page)


@register.simple_tag
def home_path():
    """{% home_path %}: "/" on Swedish pages, "/en/" on English ones (no query)."""
    return i18n.home_path()


@register.simple_tag(takes_context=True)
def site_name(context):
    """{% site_name %}: the organisation's name in the active language (the English one
    on English pages), for the self-contained error pages (core/models/settings.py
    ``organisation_name``)."""
    from core.models.settings import organisation_name

    return organisation_name(context.get("request"))


@register.simple_tag(takes_context=True)
def in_reader_language(context, page):
    """{% in_reader_language page as link %}: ``link.page`` is `page`'s live translation
    in the active language, else `page` itself (None for None); ``link.hreflang`` is the
    linked page's language when it is not the reader's ("" otherwise), for the link's
    ``hreflang`` (the link text is the reader's language, so no ``lang``) and
    ``link.note`` says it in words ("in Swedish"; "" otherwise). Kept in the
    structure cache: no query on a warm page (the footer's links)."""
    if not isinstance(page, Page) or page.pk is None:
        return {"page": None, "hreflang": "", "note": ""}
    language = translation.get_language() or ""

    request = context.get("request")

    def build():
        code = i18n.language_of(page, request)
        if code != language:
            translated = (
                Page.objects.live()
                .filter(translation_key=page.translation_key, locale__language_code=language)
                .first()
            )
            if translated is not None:
                return (translated, language)
        return (page, code)

    found, code = structure_cache.cached(f"in_language:{page.pk}:{language}", build, request)
    hreflang = "" if code == language else code
    return {"page": found, "hreflang": hreflang, "note": i18n.in_language_note(hreflang)}


def _is_page(page):
    return getattr(page, "translation_key", None) is not None and getattr(page, "pk", None)
