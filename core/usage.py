"""What visitors would lose if an editor deleted a document, an image, a snippet or a
page, or unpublished a page.

Wagtail's delete confirmation says only "referenced N times". A live page that uses
the object silently loses a link, a section or a card when it goes (the foreign keys
are SET_NULL or CASCADE). These helpers read Wagtail's reference index and name, per
live page, what will disappear, so the confirmation can say so before deleting.

Three kinds of use are found:

- **Direct**: the page's own fields, inline items (speakers, summary documents) and
  StreamField blocks, rich text included (Wagtail indexes the links in rich text).
- **Through a snippet**: a live page shows a snippet (a contact person) that uses the
  object (the contact's photo); drafts of snippets with a ``live`` flag do not count.
- **Through another page**: a live page shows content of a page that uses the object:
  a conference block shows the conference's summaries and presentations
  (``EMBEDDING_BLOCK_PATHS``), and listings registered with the ``LISTING_HOOK`` Wagtail
  hook (pages/wagtail_hooks.py: the strategy list and the start page show each
  strategy's document).
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex

# Wagtail hook: fn(page) -> iterable of live pages that show ``page``'s documents and
# images in a listing (not just a link to it).
LISTING_HOOK = "agency_pages_listing_content_of"

# Reference-index model paths (after the StreamField's name) of blocks that show the
# chosen page's content: core/blocks.ConferenceBlock.
EMBEDDING_BLOCK_PATHS = ("conference.conference",)


@dataclass
class PageLoss:
    """A live page and what disappears from it ("Talare → Presentation: Anna …")."""

    page: Page
    losses: list = field(default_factory=list)


def live_pages_losing(obj):
    """Return a PageLoss for every live page that would lose something if ``obj`` were
    deleted, by page title, directly or through a snippet or another page (see above).

    In: any model instance Wagtail's reference index tracks (document, snippet,
    image). Out: [PageLoss], empty when no live page uses it. Drafts and unpublished
    pages are left out: visitors do not see them.
    """
    found = {}  # page pk -> (page, set of descriptions)
    for page, description in _direct_uses(obj, seen={_key(obj)}):
        found.setdefault(page.pk, (page, set()))[1].add(description)
    for page, descriptions in list(found.values()):
        for shower, via in _pages_showing(page):
            entry = found.setdefault(shower.pk, (shower, set()))
            entry[1].update(f"{via} → {description}" for description in descriptions)
    page_losses = [PageLoss(page=page, losses=sorted(losses)) for page, losses in found.values()]
    return sorted(page_losses, key=lambda loss: loss.page.title.casefold())


def live_pages_losing_with_subpages(page):
    """Return a PageLoss for every live page that would lose something if ``page`` were
    deleted: deleting a page deletes its subpages too (Wagtail's delete view says how
    many), so what shows any of them counts, as ``live_pages_losing`` finds it. Pages
    of the deleted subtree are left out: they go as well.

    In: a Page. Out: [PageLoss] by page title, empty when no live page elsewhere uses
    the page or a subpage.
    """
    return live_pages_losing_with_subtrees([page])


def live_pages_losing_with_subtrees(pages):
    """Return a PageLoss for every live page that would lose something if all ``pages``
    were deleted together with their subpages (the page listing's bulk delete), found as
    ``live_pages_losing_with_subpages`` finds them for one page. Pages of any deleted
    subtree are left out: they go as well.

    In: an iterable of Pages (nested ones allowed). Out: [PageLoss] by page title, one
    entry per losing page however many deleted pages it uses; empty for no pages.
    Queries: one for all the subtrees and one to the reference index, whatever the
    number of pages; then a lookup per page that something refers to.
    """
    pages = list(pages)
    if not pages:
        return []
    return _live_pages_losing_any(Page.objects.filter(_subtrees(pages)))


def live_pages_losing_unpublished(pages, subpages=False):
    """Return a PageLoss for every live page that would lose something if ``pages`` were
    unpublished (Wagtail's unpublish of one page and the page listing's bulk action),
    with ``subpages`` their live subpages too (the confirmation's "unpublish these too").
    Visitors are shown no page that is not live (core/privacy.may_see_page: blocks, rich
    text links, featured topics and lists leave it out), so a live page loses what it
    showed of them as if they were deleted. Pages going offline are left out.

    In: an iterable of Pages; those not live are not unpublished and count for nothing.
    Out: [PageLoss] by page title. Queries as ``live_pages_losing_with_subtrees``.
    """
    pages = list(pages)
    if not pages:
        return []
    going = Q(pk__in=[page.pk for page in pages])
    if subpages:
        going |= _subtrees(pages)
    return _live_pages_losing_any(Page.objects.live().filter(going))


def _subtrees(pages):
    """A Q for the pages and all their descendants (Wagtail's ``descendant_of_q``)."""
    subtrees = Q()
    for page in pages:
        subtrees |= Page.objects.descendant_of_q(page, inclusive=True)
    return subtrees


def _live_pages_losing_any(going):
    """[PageLoss] by title of live pages outside ``going`` (a Page queryset) that lose
    something of any page in it, merged per losing page."""
    gone = set(going.values_list("pk", flat=True))
    # Only the pages something refers to can be lost anywhere: one query for all of
    # them, so a large section costs a lookup per referenced page, not per page.
    referenced = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Page),
        to_object_id__in=[str(pk) for pk in gone],
    ).values_list("to_object_id", flat=True)
    found = {}  # page pk -> PageLoss
    for each in Page.objects.filter(pk__in=[int(pk) for pk in set(referenced)]).specific():
        for loss in live_pages_losing(each):
            if loss.page.pk in gone:
                continue
            entry = found.setdefault(loss.page.pk, PageLoss(page=loss.page))
            entry.losses = sorted(set(entry.losses) | set(loss.losses))
    return sorted(found.values(), key=lambda loss: loss.page.title.casefold())


def _key(obj):
    return (obj._meta.label, obj.pk)


def _direct_uses(obj, seen):
    """(live page, description) for each use of ``obj`` on a live page, also through
    snippets that use it (each snippet followed once: ``seen``)."""
    for source, references in ReferenceIndex.get_grouped_references_to(obj):
        if isinstance(source, Page):
            page = source.specific_deferred
            if page.live:
                for reference in references:
                    yield page, describe_reference(page, reference)
            continue
        if _key(source) in seen or not getattr(source, "live", True):
            continue
        seen.add(_key(source))
        fields = sorted({capfirst(reference.describe_source_field()) for reference in references})
        via = _("%(type)s ”%(name)s”") % {
            "type": capfirst(source._meta.verbose_name),
            "name": source,
        }
        for page, _description in _direct_uses(source, seen):
            for source_field in fields:
                yield page, f"{via} → {source_field}"


def _pages_showing(page):
    """(live page, "Blocket som visar …" str) for pages that show ``page``'s content (see above)."""
    seen = {page.pk}
    for reference in ReferenceIndex.get_references_to(page):
        if reference.model_path.split(".", 1)[-1] not in EMBEDDING_BLOCK_PATHS:
            continue
        shower = Page.objects.live().filter(pk=reference.object_id).first()
        if shower is not None and shower.pk not in seen:
            seen.add(shower.pk)
            yield (
                shower.specific_deferred,
                _("Blocket som visar ”%(title)s”") % {"title": page.title},
            )
    for listing in hooks.get_hooks(LISTING_HOOK):
        for shower in listing(page):
            if shower.live and shower.pk not in seen:
                seen.add(shower.pk)
                yield shower, _("Listan som visar ”%(title)s”") % {"title": page.title}


def describe_reference(page, reference):
    """ "Talare → Presentation (Anna Andersson, Region Norrbotten)": the field, and
    for an inline item (a speaker, a summary document) which item it is."""
    description = capfirst(reference.describe_source_field())
    components = reference.content_path.split(".")
    child = _child_object(page, components)
    # A row without a name of its own (Django's "HomePageFeaturedTopic object (2)")
    # is said by its field alone.
    if child is not None and type(child).__str__ is not models.Model.__str__:
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
