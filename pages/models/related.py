"""Related content an editor chooses for a topic page: other topics, strategies and
conferences, shown beside the text (after it on phones)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable

from core.fields import chosen_link


class TopicRelatedPage(Orderable):
    topic = ParentalKey("pages.TopicPage", on_delete=models.CASCADE, related_name="related_pages")
    page = chosen_link("wagtailcore.Page", _("sida"))

    panels = [
        PageChooserPanel(
            "page",
            page_type=["pages.TopicPage", "pages.StrategyDocumentPage", "events.ConferencePage"],
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("relaterad sida")
        verbose_name_plural = _("relaterade sidor")


def related_content(topic, request):
    """[{"title", "url", "kind"}] for `topic`: the pages its editors chose, in their order,
    then the strategies that name it among their topics (newest first), each page once.
    Pages a visitor may not open are left out. Built in two queries when the site's
    structure changes, then read from the cache (core/structure_cache.py).

    The cache is shared by every visitor, so it keeps every live chosen page with its tree
    path, and which of them this request may open (a password it gave, a login) is
    decided per request (core/privacy.may_see_path): an editor's list never reaches an
    anonymous visitor."""
    from wagtail.models import Site

    from core import privacy, structure_cache

    from .strategy import StrategyDocumentPage

    site = Site.find_for_request(request) if request is not None else None

    def build():
        withdrawn = structure_cache.withdrawn_page_ids(request)
        chosen = [
            link.page
            for link in topic.related_pages.select_related("page").order_by("sort_order")
            if link.page is not None and link.page.live and link.page.pk not in withdrawn
        ]
        seen = {page.pk for page in chosen}
        derived = privacy.public_pages(
            StrategyDocumentPage.objects.live().filter(related_topics=topic), request
        ).order_by("-publication_date")[:5]
        pages = chosen + [page for page in derived if page.pk not in seen]
        return [
            {
                "title": page.title,
                "url": page.relative_url(site, request),
                "kind": str(page.specific_class._meta.verbose_name),
                "path": page.path,
            }
            for page in pages
        ]

    if topic.pk is None or getattr(request, "is_preview", False):
        items = build()  # A preview shows the editor's unsaved choices and caches nothing.
    else:
        # "related-content": entries with each page's path (the older "related" had none).
        key = f"related-content:{site.pk if site else 0}:{topic.pk}"
        items = structure_cache.cached(key, build, request)
    return [item for item in items if privacy.may_see_path(request, item["path"])]
