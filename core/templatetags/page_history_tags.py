from django import template

from core.privacy import may_see_page

register = template.Library()


@register.inclusion_tag("components/page_history.html", takes_context=True)
def page_history(context, page, show_published=True):
    """ "Publicerad", "Senast uppdaterad" and the change history
    (core/models/page_history.py). One query, for the change notes.
    ``show_published=False`` where the page already shows its own publication date
    (a strategy's date of issue)."""
    return {
        "page": page,
        "show_published": show_published,
        "notes": list(page.change_notes.all()) if page.updated_at else [],
        "request": context.get("request"),
    }


@register.inclusion_tag("components/withdrawn_notice.html", takes_context=True)
def withdrawn_notice(context, page):
    """For a withdrawn page, the banner with its date, reason and replacement, placed
    in the page's header so it is read before anything else (GOV.UK's withdrawn
    notice); nothing for a current page."""
    request = context.get("request")
    replacement = page.replaced_by if page.is_withdrawn else None
    if replacement is not None and not may_see_page(request, replacement):
        replacement = None
    return {
        "page": page,
        "replacement": replacement.specific if replacement is not None else None,
        "request": request,
    }
