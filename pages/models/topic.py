from functools import partial

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from contacts.models import ContactMixin
from core.blocks import BodyBlock
from core.fields import introduction_field
from core.models.images import PageImageMixin, with_images
from core.models.page_history import page_tabs
from core.models.pages import ArticlePage
from search.text import in_search_form


class TopicPage(ContactMixin, ArticlePage):
    """A subject the agency works with. Topic pages nest to build sections:
    Ämnesområden › Regional kapacitet › Smart specialisering."""

    introduction = introduction_field(
        _("En eller två meningar som visas i större stil under rubriken och i listor.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        *PageImageMixin.image_panels,
        FieldPanel("body"),
        FieldPanel("contact"),
        InlinePanel(
            "related_pages",
            label=_("Relaterad sida"),
            heading=_("Relaterat innehåll"),
            help_text=_(
                "Ämnen, strategier och konferenser som visas bredvid texten. Strategier som "
                "anger det här ämnet visas ändå, efter dina val."
            ),
        ),
    ]
    edit_handler = page_tabs(content_panels)

    search_fields = in_search_form(
        [
            *Page.search_fields,
            index.SearchField("introduction"),
            index.SearchField("body"),
        ]
    )

    parent_page_types = ["pages.HomePage", "pages.TopicPage"]
    subpage_types = ["pages.TopicPage"]
    # Subtopics are listed, and each topic is named in its section's navigation
    # (core/frontend_cache.py).
    frontend_cache_lists_children = True
    frontend_cache_in_section_navigation = True
    serve_select_related = ("contact", "image")

    class Meta:
        verbose_name = _("ämnessida")
        verbose_name_plural = _("ämnessidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from wagtail.models import Site

        from core.privacy import public_pages
        from pages.section_navigation import section_navigation

        from .related import related_content

        def subtopics():
            return list(
                public_pages(
                    with_images(TopicPage.objects.child_of(self).live()), request
                ).order_by("path")
            )

        def navigation():
            site = Site.find_for_request(request) if request is not None else None
            return section_navigation(self, site, request)

        # Read only when the content is rendered, not when it comes from the render
        # cache (core/render_cache.py).
        context["subtopics"] = SimpleLazyObject(subtopics)
        context["section_navigation"] = SimpleLazyObject(navigation)
        context["related_content"] = SimpleLazyObject(partial(related_content, self, request))
        return context
