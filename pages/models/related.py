"""Related content an editor chooses for a topic page: other topics, strategies and
conferences, shown beside the text (after it on phones)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable


class TopicRelatedPage(Orderable):
    topic = ParentalKey("pages.TopicPage", on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sida"),
        on_delete=models.CASCADE,
        related_name="+",
    )

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
    """[{"page", "kind"}] for `topic`: the pages its editors chose, in their order, then
    the strategies that name it among their topics (newest first), each page once.
    Three queries however many; pages a visitor may not open are left out."""
    from pages.privacy import may_see_page
    from pages.structure_cache import public

    from .strategy import StrategyDocumentPage

    chosen = [
        link.page
        for link in topic.related_pages.select_related("page").order_by("sort_order")
        if may_see_page(request, link.page)
    ]
    seen = {page.pk for page in chosen}
    derived = public(StrategyDocumentPage.objects.live().filter(related_topics=topic), request)
    derived = derived.order_by("-publication_date")[:5]
    pages = chosen + [page for page in derived if page.pk not in seen]
    return [{"page": page, "kind": page.specific_class._meta.verbose_name} for page in pages]
