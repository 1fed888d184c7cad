from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from core.fields import chosen_link, introduction_field
from core.models.pages import BasePage
from events.models import ConferencePage
from search.text import in_search_form


class HomePage(BasePage):
    """The site root: an introduction, featured topics, and what is new, picked automatically."""

    hero_heading = models.CharField(
        _("rubrik"),
        max_length=120,
        blank=True,
        help_text=_(
            "Myndighetens uppdrag i en mening, överst på startsidan. Lämna tomt för sidans titel."
        ),
    )
    introduction = introduction_field(_("Visas överst på startsidan."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("introduction"),
        InlinePanel(
            "quick_links",
            label=_("Genväg"),
            heading=_("Genvägar"),
            help_text=_(
                "Högst åtta länkar till det som besökare oftast söker, under sökrutan på "
                "startsidan, i denna ordning."
            ),
            max_num=8,
        ),
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

    search_fields = in_search_form(Page.search_fields)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.TopicPage",
        "pages.StrategyIndexPage",
        "events.ConferenceIndexPage",
        "pages.AccessibilityStatementPage",
        "feedback.FeedbackFormPage",
        "pages.PrivacyPage",
        "pages.SitemapPage",
        "language_versions.EasyReadIndexPage",
        "language_versions.SignLanguageIndexPage",
    ]
    max_count = 1
    # Upcoming conferences and newest strategies (core/frontend_cache.py).
    frontend_cache_lists_descendants = ("events.ConferencePage", "pages.StrategyDocumentPage")

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")

    def route(self, request, path_components):
        """Wagtail's routing from the site root, in one query for the page served
        instead of two per tree level (core/structure_cache.py)."""
        from core import site_cache

        if not path_components or self.alias_of_id:
            return super().route(request, path_components)
        return site_cache.route(self, request, path_components)

    def get_structured_data(self, request, site_settings):
        """The agency itself, for search engines' knowledge panels."""
        from core.seo import organisation_data

        return {"@context": "https://schema.org", **organisation_data(site_settings, request)}

    def get_context(self, request, *args, **kwargs):
        from core.models.images import with_images
        from core.privacy import may_list_page, public_pages

        from .strategy import StrategyDocumentPage
        from .topic import TopicPage

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()

        def featured_topics():
            featured_ids = list(self.featured_topics.values_list("page_id", flat=True))
            featured = public_pages(
                with_images(TopicPage.objects.live().filter(pk__in=featured_ids)),
                request,
            )
            by_id = {topic.pk: topic for topic in featured} if featured_ids else {}
            return [by_id[pk] for pk in featured_ids if pk in by_id]

        def conferences():
            return public_pages(with_images(ConferencePage.objects.live()), request).descendant_of(
                self
            )

        def upcoming_conferences():
            return list(conferences().filter(end__gte=now).order_by("start")[:3])

        def past_conferences():
            return list(conferences().filter(end__lt=now).order_by("-start")[:3])

        def quick_links():
            return [
                link
                for link in self.quick_links.select_related("page").order_by("sort_order")
                if may_list_page(request, link.page)
            ]

        def newest_strategies():
            return list(
                public_pages(StrategyDocumentPage.objects.live(), request)
                .descendant_of(self)
                .select_related("document")
                .order_by("-publication_date")[:3]
            )

        # Read only when the content is rendered, not when it comes from the render
        # cache (core/render_cache.py): building the querysets alone costs more than
        # serving the cached content.
        context["featured_topics"] = SimpleLazyObject(featured_topics)
        context["upcoming_conferences"] = SimpleLazyObject(upcoming_conferences)
        context["past_conferences"] = SimpleLazyObject(past_conferences)
        context["quick_links"] = SimpleLazyObject(quick_links)
        context["newest_strategies"] = SimpleLazyObject(newest_strategies)
        return context


class HomePageFeaturedTopic(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_topics")
    page = chosen_link("pages.TopicPage", _("ämnessida"))

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("utvalt ämne")
        verbose_name_plural = _("utvalda ämnen")
