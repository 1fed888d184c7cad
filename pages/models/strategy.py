import operator
from functools import partial

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from contacts.models import ContactMixin
from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.fields import optional_link
from core.models.images import PageImageMixin
from core.models.page_history import page_tabs
from core.models.pages import ArticlePage, IndexPage
from core.privacy import public_pages
from search.text import in_search_form

from .topic import TopicPage


class StrategyIndexPage(IndexPage):
    """Where the agency's strategies and reports are listed, newest first."""

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction", help_text=_("Visas under rubriken, ovanför listan.")),
    ]

    search_fields = in_search_form(Page.search_fields)

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.StrategyDocumentPage"]

    class Meta:
        verbose_name = _("publikationslista")
        verbose_name_plural = _("publikationslistor")

    def get_context(self, request, *args, **kwargs):
        from pages.listing import LISTING_KEYS, filtered_strategy_page

        context = super().get_context(request, *args, **kwargs)
        strategies = (
            self.listed_children(StrategyDocumentPage, request)
            .select_related("document")
            .order_by("-publication_date", "title")
        )
        # Worked out only when the listing is rendered, not when it comes from the render
        # cache (core/render_cache.py).
        listing = SimpleLazyObject(lambda: filtered_strategy_page(request, strategies))
        for key in LISTING_KEYS:
            context[key] = SimpleLazyObject(partial(operator.getitem, listing, key))
        return context


class StrategyDocumentPage(ContactMixin, ArticlePage):
    """A published strategy: a summary on the page, the full text as a document."""

    summary = RichTextField(
        _("sammanfattning"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Vad strategin säger, i korthet. Visas före länken till dokumentet."),
    )
    publication_date = models.DateField(_("publiceringsdatum"))
    document = optional_link(
        "documents.AgencyDocument", _("dokument"), _("Strategin i sin helhet, oftast en PDF.")
    )
    related_topics = ParentalManyToManyField(
        "pages.TopicPage",
        verbose_name=_("relaterade ämnen"),
        blank=True,
        related_name="strategies",
    )
    body = StreamField(BodyBlock(), verbose_name=_("mer innehåll"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        *PageImageMixin.image_panels,
        FieldPanel("body"),
        FieldPanel("contact"),
    ]
    document_panels = [
        MultiFieldPanel(
            [FieldPanel("publication_date"), FieldPanel("document")],
            heading=_("Dokumentet"),
        ),
        FieldPanel(
            "related_topics",
            help_text=_("Strategin visas som relaterad läsning på de valda ämnessidorna."),
        ),
    ]
    edit_handler = page_tabs(content_panels, (document_panels, _("Dokument och ämnen")))

    search_fields = in_search_form(
        [
            *Page.search_fields,
            index.SearchField("summary"),
            index.SearchField("body"),
            index.FilterField("publication_date"),
        ]
    )

    parent_page_types = ["pages.StrategyIndexPage"]
    subpage_types = []
    serve_select_related = ("contact", "document", "image")
    # Listed in the Atom feed (core/frontend_cache.py).
    frontend_cache_shown_in = ("new_publications_feed",)

    class Meta:
        verbose_name = _("strategidokument")
        verbose_name_plural = _("strategidokument")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        # In a preview the relation is modelcluster's in-memory list, not a PageQuerySet.
        def topics():
            topic_ids = [topic.pk for topic in self.related_topics.all()]
            return public_pages(
                TopicPage.objects.filter(pk__in=topic_ids).live(), request
            ).order_by("title")

        # Read only when the content is rendered, not when it comes from the render
        # cache (core/render_cache.py).
        context["topics"] = SimpleLazyObject(topics)
        return context
