from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from core import structure_cache
from core.phone import phone_uri
from core.privacy import may_see_document, may_see_page
from core.richtext import add_link_notices, external_link_notice

register = template.Library()


@register.filter(is_safe=True)
def link_notices(html):
    """Rewritten rich text with the notices our link handlers asked for (core/richtext.py);
    used by templates/wagtailcore/shared/richtext.html, where Wagtail renders rich text."""
    return mark_safe(add_link_notices(html))  # noqa: S308 - Wagtail's rich text is sanitised on save


@register.filter
def tel_uri(phone_number):
    """{{ "08-681 91 00"|tel_uri }} -> "tel:+4686819100" (RFC 3966, E.164); "" for text
    that is no phone number, so templates link only numbers that can be called."""
    return phone_uri(phone_number)


@register.filter
def error_target(field):
    """The id (str) an error summary's link leads to for a bound form ``field``: its
    labelled element, or for a group of radio buttons or check boxes (whose
    ``id_for_label`` is "") the group's first button, as the GOV.UK error summary
    pattern does; focus lands on it (static/js/site.js). WCAG 2.2 SC 3.3.1, 2.4.3."""
    if field.id_for_label:
        return field.id_for_label
    for option in field.subwidgets:
        if option.id_for_label:
            return option.id_for_label
    return field.auto_id or ""


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The site root's live, public, in-menu children; read from the cache
    (core/structure_cache.py), so no query however large the site."""
    request = context.get("request")
    current = context.get("page")
    site = Site.find_for_request(request) if request else None
    items = structure_cache.menu_items(site, request) if site is not None else []
    current_path = current.path if isinstance(current, Page) and current.path else ""
    return {
        "request": request,
        "items": [
            {
                **item,
                "is_current": current_path == item["path"],
                "is_ancestor": current_path.startswith(item["path"])
                and current_path != item["path"],
            }
            for item in items
        ],
    }


@register.inclusion_tag("components/breadcrumb.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the start page down to the page; cached with the site's structure."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth is None or page.depth <= 2 or not page.path:
        return {"ancestors": [], "page": page}
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if page.pk is None:  # A preview of a page not yet saved: nothing to cache it under.
        ancestors = [
            {
                "title": item.title,
                "url": item.relative_url(site, request) if item.live else "",
                "depth": item.depth,
            }
            for item in page.get_ancestors().filter(depth__gte=2)
        ]
    else:
        ancestors = structure_cache.breadcrumb_items(page, site, request)
    return {"ancestors": ancestors, "page": page, "request": request}


@register.inclusion_tag("components/document_link.html", takes_context=True)
def document_link(context, document, text=""):
    """A link to a document with its type and size; nothing for a document the visitor
    may not see (core/privacy.py)."""
    if not may_see_document(context.get("request"), document):
        document = None
    return {"document": document, "text": text or (document.title if document else "")}


@register.filter
def visible_to(obj, request):
    """{% if document|visible_to:request %}, {% if page|visible_to:request %}: show a link
    only when the visitor may open what it leads to (core/privacy.py)."""
    if isinstance(obj, Page):
        return may_see_page(request, obj)
    return may_see_document(request, obj)


@register.inclusion_tag("components/external_link.html")
def external_link(url, text):
    return {"url": url, "text": text, "notice": external_link_notice()}


@register.inclusion_tag("components/contact_card.html", takes_context=True)
def contact_card(context, contact, heading_level=2):
    settings_obj = context.get("settings")
    return {
        "contact": contact if contact is not None and contact.live else None,
        "heading_level": heading_level,
        "request": context.get("request"),
        "settings": settings_obj,
    }
