from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from pages.privacy import may_see_document, may_see_page
from pages.richtext import add_link_notices, external_link_notice

register = template.Library()


@register.filter(is_safe=True)
def link_notices(html):
    """Rewritten rich text with the notices our link handlers asked for (pages/richtext.py);
    used by templates/wagtailcore/shared/richtext.html, where Wagtail renders rich text."""
    return mark_safe(add_link_notices(html))  # noqa: S308 - Wagtail's rich text is sanitised on save


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
    ancestors = (
        page.get_ancestors().filter(depth__gte=2).only("title", "url_path", "path", "depth", "live")
    )
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.inclusion_tag("components/document_link.html", takes_context=True)
def document_link(context, document, text=""):
    """A link to a document with its type and size; nothing for a document the visitor
    may not see (pages/privacy.py)."""
    if not may_see_document(context.get("request"), document):
        document = None
    return {"document": document, "text": text or (document.title if document else "")}


@register.filter
def visible_to(obj, request):
    """{% if document|visible_to:request %}, {% if page|visible_to:request %}: show a link
    only when the visitor may open what it leads to (pages/privacy.py)."""
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
