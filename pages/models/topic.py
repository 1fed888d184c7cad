from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from contacts.models import ContactMixin
from core.blocks import BodyBlock
from core.fields import introduction_field
from core.models.mixins import CachedViewRestrictionsMixin
from core.models.page_history import PageHistoryMixin
from core.page_forms import AgencyPageForm
from core.publication import PublicationGuard
from core.summary import SummaryMixin
from search.text import in_search_form


class TopicPage(
    PublicationGuard,
    CachedViewRestrictionsMixin,
    SummaryMixin,
    ContactMixin,
    PageHistoryMixin,
    Page,
):
    """A subject the agency works with. Topic pages nest to build sections:
    Ämnesområden › Regional kapacitet › Smart specialisering."""

    base_form_class = AgencyPageForm

    introduction = introduction_field(
        _("En eller två meningar som visas i större stil under rubriken och i listor.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("contact"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Innehåll")),
            ObjectList(PageHistoryMixin.history_panels, heading=_("Publicering")),
            ObjectList(Page.promote_panels, heading=_("Marknadsföring")),
            ObjectList(Page.settings_panels, heading=_("Inställningar")),
        ]
    )

    search_fields = in_search_form(
        [
            *Page.search_fields,
            index.SearchField("introduction"),
            index.SearchField("body"),
        ]
    )

    parent_page_types = ["pages.HomePage", "pages.TopicPage"]
    subpage_types = ["pages.TopicPage"]
    # Subtopics are listed (core/frontend_cache.py).
    frontend_cache_lists_children = True

    class Meta:
        verbose_name = _("ämnessida")
        verbose_name_plural = _("ämnessidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from core.privacy import public_pages

        context["subtopics"] = public_pages(
            TopicPage.objects.child_of(self).live().filter(withdrawn_at=None), request
        ).order_by("path")
        return context
