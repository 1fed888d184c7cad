"""What visitors would lose if an editor deleted a document or a snippet.

Wagtail's delete confirmation says only "referenced N times". A live page that uses
the object silently loses a link, a section or a card when it goes (the foreign keys
are SET_NULL or CASCADE). These helpers read Wagtail's reference index and name, per
live page, what will disappear, so the confirmation can say so before deleting.
"""

from dataclasses import dataclass, field

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import Page, ReferenceIndex


@dataclass
class PageLoss:
    """A live page and what disappears from it ("Talare → Presentation: Anna …")."""

    page: Page
    losses: list = field(default_factory=list)


def live_pages_losing(obj):
    """Return a PageLoss for every live page that refers to ``obj``, by page title.

    In: any model instance Wagtail's reference index tracks (document, snippet,
    image). Out: [PageLoss], empty when no live page uses it. Drafts and unpublished
    pages are left out: visitors do not see them.
    """
    page_losses = []
    for source, references in ReferenceIndex.get_grouped_references_to(obj):
        if not isinstance(source, Page):
            continue
        page = source.specific_deferred
        if not page.live:
            continue
        losses = sorted({describe_reference(page, reference) for reference in references})
        page_losses.append(PageLoss(page=page, losses=losses))
    return sorted(page_losses, key=lambda loss: loss.page.title.casefold())


def describe_reference(page, reference):
    """ "Talare → Presentation (Anna Andersson, Region Norrbotten)": the field, and
    for an inline item (a speaker, a summary document) which item it is."""
    description = capfirst(reference.describe_source_field())
    components = reference.content_path.split(".")
    child = _child_object(page, components)
    if child is not None:
        description = _("%(field)s (%(item)s)") % {"field": description, "item": child}
    return description


def _child_object(page, components):
    """The inline object a reference sits on ("speakers.12.presentation"), or None."""
    if len(components) < 3 or not components[1].isdigit():
        return None
    manager = getattr(page, components[0], None)
    if manager is None or not hasattr(manager, "filter"):
        return None
    return manager.filter(pk=components[1]).first()


class DeleteWarningMixin:
    """For Wagtail's delete views: the confirmation lists the live pages that lose
    something, with what they lose (editorial/includes/live_page_losses.html)."""

    template_name = "editorial/confirm_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["live_page_losses"] = live_pages_losing(self.object)
        return context
