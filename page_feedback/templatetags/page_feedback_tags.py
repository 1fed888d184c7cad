from django import template
from django.conf import settings

from page_feedback.forms import AnswerForm, page_token

register = template.Library()


@register.inclusion_tag("page_feedback/question.html", takes_context=True)
def page_feedback(context, page):
    """ "Hittade du det du sökte?" for ``page`` (a Page or None). The same HTML for every
    visitor (no per-visitor token), so the page stays shareable by the front cache.
    Left out on page types in PAGE_FEEDBACK_EXCLUDED_TYPES, outside pages and in an
    editor's preview (a draft is no page a visitor can answer about, and an editor's
    click is no visitor's vote)."""
    if page is None or not getattr(page, "pk", None):
        return {"show": False}
    if getattr(context.get("request"), "is_preview", False):
        return {"show": False}
    if page._meta.label in settings.PAGE_FEEDBACK_EXCLUDED_TYPES:
        return {"show": False}
    return {
        "show": True,
        "form": AnswerForm(initial={"token": page_token(page.pk)}, auto_id="page-feedback-%s"),
    }
