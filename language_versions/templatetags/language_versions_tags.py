"""The header's "Lättläst" and "Teckenspråk" links and a topic page's link to its
easy-to-read page."""

from django import template
from wagtail.models import Site

from core import structure_cache
from core.privacy import public_pages
from language_versions.models import EasyReadIndexPage, EasyReadPage, SignLanguageIndexPage

register = template.Library()


def _index_urls(site, request):
    """{"easy_read": url or "", "sign_language": url or ""}: the live, public index pages."""
    urls = {}
    for key, model in (("easy_read", EasyReadIndexPage), ("sign_language", SignLanguageIndexPage)):
        pages = model.objects.live().descendant_of(site.root_page, inclusive=True)
        page = public_pages(pages, request).only("url_path", "path").first()
        urls[key] = page.relative_url(site, request) if page else ""
    return urls


@register.simple_tag(takes_context=True)
def language_version_urls(context):
    """{"easy_read": url, "sign_language": url} of the index pages ("" when there is
    none); read from the structure cache (core/structure_cache.py): two queries per
    change of the site's structure, none per request."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}
    return structure_cache.cached(
        f"language_versions:index_urls:{site.pk}", lambda: _index_urls(site, request), request
    )


@register.inclusion_tag("language_versions/header_links.html", takes_context=True)
def language_version_links(context):
    """The header's "Lättläst" and "Teckenspråk" links, each with its symbol."""
    return {"urls": language_version_urls(context)}


@register.inclusion_tag("language_versions/topic_link.html", takes_context=True)
def easy_read_link(context, topic):
    """The link from a topic page to its easy-to-read page, if a live, public one
    chooses it (EasyReadPage.topic); one query."""
    request = context.get("request")
    pages = EasyReadPage.objects.live().filter(topic_id=topic.pk).only("title", "url_path", "path")
    return {"easy_read_page": public_pages(pages, request).first(), "topic": topic}
