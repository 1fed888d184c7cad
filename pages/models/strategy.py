from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from pages.blocks import RICH_TEXT_FEATURES, BodyBlock
from pages.page_forms import AgencyPageForm
from pages.publication import PublicationGuard
from pages.search_text import in_search_form

from .images import PageImageMixin
from .mixins import CachedViewRestrictionsMixin, ContactMixin
from .topic import TopicPage


class StrategyIndexPage(PublicationGuard, CachedViewRestrictionsMixin, Page):
    """Where the agency's strategies and reports are listed, newest first."""

    base_form_class = AgencyPageForm

    introduction = models.TextField(_("ingress"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction", help_text=_("Visas under rubriken, ovanför listan.")),
    ]

    search_fields = in_search_form(Page.search_fields)

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.StrategyDocumentPage"]
    frontend_cache_lists_children = True

    class Meta:
        verbose_name = _("publikationslista")
        verbose_name_plural = _("publikationslistor")

    def get_context(self, request, *args, **kwargs):
        from pages.listing import filtered_strategy_page

        context = super().get_context(request, *args, **kwargs)
        from pages.structure_cache import public

        strategies = (
            public(StrategyDocumentPage.objects.child_of(self).live(), request)
            .select_related("document")
            .order_by("-publication_date", "title")
        )
        context.update(filtered_strategy_page(request, strategies))
        return context


class StrategyDocumentPage(
    PublicationGuard, CachedViewRestrictionsMixin, ContactMixin, PageImageMixin, Page
):
    """A published strategy: a summary on the page, the full text as a document."""

    base_form_class = AgencyPageForm

    summary = RichTextField(
        _("sammanfattning"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Vad strategin säger, i korthet. Visas före länken till dokumentet."),
    )
    publication_date = models.DateField(_("publiceringsdatum"))
    document = models.ForeignKey(
        "pages.AgencyDocument",
        verbose_name=_("dokument"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Strategin i sin helhet, oftast en PDF."),
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
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Innehåll")),
            ObjectList(document_panels, heading=_("Dokument och ämnen")),
            ObjectList(Page.promote_panels, heading=_("Marknadsföring")),
            ObjectList(Page.settings_panels, heading=_("Inställningar")),
        ]
    )

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
    # Listed in the Atom feed (pages/frontend_cache.py).
    frontend_cache_shown_in = ("new_publications_feed",)

    class Meta:
        verbose_name = _("strategidokument")
        verbose_name_plural = _("strategidokument")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # In a preview the relation is modelcluster's in-memory list, not a PageQuerySet.
        topic_ids = [topic.pk for topic in self.related_topics.all()]
        from pages.structure_cache import public

        context["topics"] = public(
            TopicPage.objects.filter(pk__in=topic_ids).live(), request
        ).order_by("title")
        return context
