from django import template

from core.privacy import may_see_page

register = template.Library()


@register.inclusion_tag("components/page_history.html", takes_context=True)
def page_history(context, page, show_published=True):
    """ "Publicerad", "Senast uppdaterad", the change history and, for a withdrawn page,
    the banner (core/models/page_history.py). One query, for the change notes.
    ``show_published=False`` where the page already shows its own publication date
    (a strategy's date of issue)."""
    request = context.get("request")
    replacement = page.replaced_by if page.is_withdrawn else None
    if replacement is not None and not may_see_page(request, replacement):
        replacement = None
    return {
        "page": page,
        "show_published": show_published,
        "notes": list(page.change_notes.all()) if page.updated_at else [],
        "replacement": replacement.specific if replacement is not None else None,
        "request": request,
    }
