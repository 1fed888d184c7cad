from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from pages.phone import phone_uri
from pages.privacy import may_see_document
from pages.richtext import external_link_notice, render_rich_text

register = template.Library()


@register.filter
def agency_richtext(value):
    """Like Wagtail's |richtext, plus document details and external-link notices."""
    return mark_safe(render_rich_text(value))  # noqa: S308 - Wagtail's rich text is sanitised on save


@register.filter
def tel_uri(phone_number):
    """{{ "08-681 91 00"|tel_uri }} -> "tel:+4686819100" (RFC 3966, E.164); "" for text
    that is no phone number, so templates link only numbers that can be called."""
    return phone_uri(phone_number)


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    current = context.get("page")
    site = Site.find_for_request(request) if request else None
    items = []
    if site is not None:
        items = list(
            site.root_page.get_children()
            .live()
            .public()
            .in_menu()
            .only("title", "url_path", "path")
        )
    current_path = current.path if isinstance(current, Page) else ""
    return {
        "request": request,
        "items": [
            {
                "page": item,
                "is_current": current_path == item.path,
                "is_ancestor": current_path.startswith(item.path) and current_path != item.path,
            }
            for item in items
        ],
    }


@register.inclusion_tag("components/breadcrumb.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gte=2).only("title", "url_path", "path", "depth")
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.inclusion_tag("components/document_link.html", takes_context=True)
def document_link(context, document, text=""):
    """A link to a document with its type and size; nothing for a document the visitor
    may not see (pages/privacy.py)."""
    if not may_see_document(context.get("request"), document):
        document = None
    return {"document": document, "text": text or (document.title if document else "")}


@register.filter
def visible_to(document, request):
    """{% if document|visible_to:request %}: wrap a document link only when it shows."""
    return may_see_document(request, document)


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
