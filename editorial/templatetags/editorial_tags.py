"""Template tags for the admin: the editor form's publication state and the delete
confirmations' list of what live pages would lose."""

from django import template
from django.utils.html import format_html
from wagtail.models import Page, Revision, get_default_page_content_type

from core.publication import publication_token
from core.usage import live_pages_losing

register = template.Library()


@register.simple_tag
def live_page_losses(obj):
    """The live pages that would lose something if ``obj`` were deleted (PageLoss list)."""
    return live_pages_losing(obj)


@register.simple_tag
def loaded_publication_state_input(loaded_revision_id):
    """A hidden ``loaded_publication_state`` input for a page's edit form: the page's
    publication state when the form was rendered (see ``core.publication``). Empty for
    snippets and for a revision that cannot be found."""
    revision = (
        Revision.objects.filter(
            pk=loaded_revision_id, base_content_type=get_default_page_content_type()
        )
        .values_list("object_id", flat=True)
        .first()
    )
    if revision is None or not Page.objects.filter(pk=revision).exists():
        return ""
    return format_html(
        '<input type="hidden" name="loaded_publication_state" value="{}">',
        publication_token(revision),
    )
