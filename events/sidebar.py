"""What stands beside a conference's text (after it on phones), as beside a topic's:
where the page sits in its section and the pages related to it.

The section is the conference list the page belongs to (its parent), with its
conferences newest first, at most SECTION_SIZE of them with the current one always among
them; the list page itself links to the rest. Related are the pages Wagtail's reference
index records as pointing at this conference (a topic that chose it as related content
or shows it in its text, a strategy that links to it) and the pages the conference's
own text links to (GOV.UK's "related content", derived from references, issue 12).

Both are built in a fixed number of queries when the site's structure changes, then read
from the cache (core/structure_cache.py); only public, live pages are shown
(core/privacy.py), so one cached value serves every visitor.
"""

from django.db.models import Q
from wagtail.models import Page, ReferenceIndex

from core import privacy, structure_cache

SECTION_SIZE = 8


def section_navigation(conference, site, request=None):
    """{"root": {"title", "url", "is_current"}, "items": [{"title", "url", "is_current",
    "is_ancestor", "children"}]} for `conference` (a ConferencePage) served on `site`,
    the shape components/section_navigation.html reads; None for a page not yet saved
    or alone in its list."""
    from .models import ConferenceIndexPage, ConferencePage

    if conference.pk is None or conference.depth is None:
        return None
    parent_path = conference.path[: -ConferencePage.steplen]

    def build():
        root = privacy.public_pages(
            ConferenceIndexPage.objects.live().filter(path=parent_path), request
        ).first()
        if root is None:
            return {}
        siblings = privacy.public_pages(
            ConferencePage.objects.child_of(root).live().filter(withdrawn_at=None), request
        ).only("title", "url_path", "path", "depth", "start")
        shown = list(siblings.order_by("-start", "path")[:SECTION_SIZE])
        if conference.live and all(page.pk != conference.pk for page in shown):
            shown = [*shown[: SECTION_SIZE - 1], conference]
            shown.sort(key=lambda page: page.start, reverse=True)
        if len(shown) < 2:
            return {}
        return {
            "root": {"title": root.title, "url": root.relative_url(site, request)},
            "items": [
                {
                    "title": page.title,
                    "url": page.relative_url(site, request),
                    "is_current": page.pk == conference.pk,
                    "is_ancestor": False,
                    "children": [],
                }
                for page in shown
            ],
        }

    if getattr(request, "is_preview", False):
        # The list may hold the page served: in a preview, the editor's unsaved draft.
        section = build() or None
    else:
        key = f"conference-section:{site.pk if site else 0}:{conference.pk}"
        section = structure_cache.cached(key, build, request) or None
    return {**section, "root": {**section["root"], "is_current": False}} if section else None


def related_content(conference, site, request=None):
    """[{"title", "url", "kind"}] for `conference`: live, public pages that refer to it,
    then those its own content refers to, each once, never itself, its list page or the
    home page."""

    def build():
        page_type = ReferenceIndex._get_base_content_type(Page)
        pointing_here = (
            ReferenceIndex.get_references_to(conference)
            .filter(base_content_type=page_type)
            .order_by("pk")
        )
        pointed_at = (
            ReferenceIndex.get_references_for_object(conference)
            .filter(to_content_type=page_type)
            .order_by("pk")
        )
        ids = [int(pk) for pk in pointing_here.values_list("object_id", flat=True)]
        ids += [int(pk) for pk in pointed_at.values_list("to_object_id", flat=True)]
        pages = privacy.public_pages(
            Page.objects.live()
            .filter(pk__in=set(ids), depth__gt=2)
            .exclude(Q(pk=conference.pk) | Q(path=conference.path[: -Page.steplen])),
            request,
        ).in_bulk()
        order = list(dict.fromkeys(pk for pk in ids if pk in pages))
        return [
            {
                "title": pages[pk].title,
                "url": pages[pk].relative_url(site, request),
                "kind": str(pages[pk].specific_class._meta.verbose_name),
            }
            for pk in order
        ]

    if conference.pk is None or getattr(request, "is_preview", False):
        return build() if conference.pk else []
    key = f"conference-related:{site.pk if site else 0}:{conference.pk}"
    return structure_cache.cached(key, build, request)


#: The names sidebar_context gives the template.
SIDEBAR_CONTEXT = ("section_navigation", "related_content")


def sidebar_context(conference, request):
    """The conference template's "section_navigation" and "related_content"."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    return {
        "section_navigation": section_navigation(conference, site, request),
        "related_content": related_content(conference, site, request),
    }
