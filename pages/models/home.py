from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from pages.page_forms import AgencyPageForm
from pages.publication import PublicationGuard


class HomePage(PublicationGuard, Page):
    """The site root: an introduction, featured topics, and what is new, picked automatically."""

    base_form_class = AgencyPageForm

    introduction = RichTextField(
        _("introduktion"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Visas överst på startsidan."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        InlinePanel(
            "featured_topics",
            label=_("Utvalda ämnen"),
            heading=_("Utvalda ämnen"),
            help_text=_(
                "Högst sex ämnessidor som visas som puffar på startsidan, i denna ordning."
            ),
            max_num=6,
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.TopicPage",
        "pages.StrategyIndexPage",
        "events.ConferenceIndexPage",
        "pages.AccessibilityStatementPage",
        "pages.FeedbackFormPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")

    def get_structured_data(self, request, site_settings):
        """The agency itself, for search engines' knowledge panels."""
        from pages.seo import organisation_data

        return {"@context": "https://schema.org", **organisation_data(site_settings, request)}

    def get_context(self, request, *args, **kwargs):
        from events.models import ConferencePage

        from .strategy import StrategyDocumentPage

        context = super().get_context(request, *args, **kwargs)
        context["featured_topics"] = [
            item.page.specific
            for item in self.featured_topics.select_related("page")
            if item.page.live and not item.page.get_view_restrictions().exists()
        ]
        context["upcoming_conferences"] = (
            ConferencePage.objects.live()
            .public()
            .descendant_of(self)
            .filter(end__gte=timezone.now())
            .order_by("start")[:3]
        )
        context["newest_strategies"] = (
            StrategyDocumentPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("document")
            .order_by("-publication_date")[:3]
        )
        return context


class HomePageFeaturedTopic(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_topics")
    page = models.ForeignKey(
        "pages.TopicPage",
        verbose_name=_("ämnessida"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("utvalt ämne")
        verbose_name_plural = _("utvalda ämnen")
