"""What lättläst and teckenspråk pages share: an index page listing its pages, and the
plain rich text allowed in them."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.fields import introduction_field
from core.models.pages import IndexPage
from core.summary import SummaryMixin, plain_text, shorten
from search.text import in_search_form

# Paragraphs are always allowed; headings of one level, lists and links, nothing else:
# no tables, no bold or italics (easy-to-read guidance: a plain, predictable layout).
PLAIN_TEXT_FEATURES = ["h2", "ol", "ul", "link"]


class LanguageVersionIndexPage(IndexPage):
    """The page the header links to, listing every live page of its kind (abstract)."""

    introduction = introduction_field(_("En eller två korta meningar som visas under rubriken."))

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = in_search_form(Page.search_fields)

    parent_page_types = ["pages.HomePage"]
    max_count = 1

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        """Adds `children`: the live pages visitors may see, by title, in one query."""
        context = super().get_context(request, *args, **kwargs)
        children = self.listed_children(self.child_model(), request)
        context["children"] = children.only("title", "url_path", "path").order_by("title")
        return context

    def child_model(self):
        raise NotImplementedError


class PlainTextSummaryMixin(SummaryMixin):
    """get_summary() for a page whose `body` is a RichTextField (not a StreamField)."""

    def get_summary(self, length=160):
        """The search description, else the body as plain text, cut at a word boundary."""
        text = plain_text(self.search_description) or plain_text(self.body)
        return shorten(text, length)
