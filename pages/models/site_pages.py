"""Pages about the site itself, linked from every footer: the sitemap for people and
the privacy page ("Personuppgifter och kakor")."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from core.blocks import BodyBlock
from core.fields import introduction_field
from core.models.pages import BasePage
from search.text import in_search_form

# Levels of the tree listed below the home page: sections, their pages and one more.
SITEMAP_LEVELS = 4


class SitePage(BasePage):
    """A plain text page with an introduction and a body (abstract)."""

    introduction = introduction_field(
        _("En eller två meningar som visas i större stil under rubriken.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = in_search_form(Page.search_fields)

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        abstract = True


class PrivacyPage(SitePage):
    """How the agency handles visitors' personal data and which cookies the site sets
    (GDPR art. 13; lagen (2003:389) om elektronisk kommunikation 9 kap. 28 §)."""

    template = "pages/privacy_page.html"

    class Meta:
        verbose_name = _("sida om personuppgifter och kakor")
        verbose_name_plural = _("sidor om personuppgifter och kakor")


class SitemapPage(SitePage):
    """Webbplatskarta: every live, public page of the site as a tree, for people who
    would rather browse than search (WCAG 2.1 SC 2.4.5 Multiple Ways)."""

    template = "pages/sitemap_page.html"

    class Meta:
        verbose_name = _("webbplatskarta")
        verbose_name_plural = _("webbplatskartor")

    def get_context(self, request, *args, **kwargs):
        from core.privacy import public_pages

        context = super().get_context(request, *args, **kwargs)
        home = self.get_parent()
        rows = public_pages(
            Page.objects.live()
            .descendant_of(home)
            .filter(depth__lte=home.depth + SITEMAP_LEVELS)
            .only("title", "url_path", "path", "depth")
            .order_by("path"),
            request,
        )
        context["sitemap"] = sitemap_tree(list(rows), home.path, request)
        return context


def sitemap_tree(pages, parent_path, request=None):
    """Nested [{"page", "children"}] of `pages` (in tree order) below parent_path; one
    pass over the pages, so a large site costs no more than its length."""
    children = {}
    for page in pages:
        children.setdefault(page.path[: -Page.steplen], []).append(page)

    def branch(path):
        return [{"page": page, "children": branch(page.path)} for page in children.get(path, [])]

    return branch(parent_path)
