"""The base classes of the site's page types, so that each page type names what it
adds, not the five things every page needs.

``BasePage``: every page type. It refuses to publish over a newer revision
(core/publication.py), reads its view restrictions from the cache (mixins.py),
describes itself through ``get_summary()`` (core/summary.py) and is edited through
``AgencyPageForm`` (core/page_forms.py).

``ArticlePage``: the content pages (topic, strategy and conference pages). It adds
the change history and withdrawal (page_history.py) and the page image (images.py).

``IndexPage``: a page whose content is the list of its children under an introduction
(the conference and strategy listings, the lättläst and teckenspråk lists).
"""

from wagtail.models import Page

from core.fields import introduction_field
from core.page_forms import AgencyPageForm
from core.privacy import public_pages
from core.publication import PublicationGuard
from core.summary import SummaryMixin

from .images import PageImageMixin
from .mixins import CachedViewRestrictionsMixin
from .page_history import PageHistoryMixin


class BasePage(PublicationGuard, CachedViewRestrictionsMixin, SummaryMixin, Page):
    base_form_class = AgencyPageForm

    class Meta:
        abstract = True


class ArticlePage(PageHistoryMixin, PageImageMixin, BasePage):
    class Meta:
        abstract = True


class IndexPage(BasePage):
    """Lists its live children under an ``introduction``. It declares that it lists
    them (``frontend_cache_lists_children``), so publishing, moving or retitling a
    child purges it from the front cache (core/frontend_cache.py)."""

    introduction = introduction_field()

    frontend_cache_lists_children = True

    class Meta:
        abstract = True

    def listed_children(self, model, request):
        """The live children of type ``model`` (a page class) the visitor of ``request``
        may be led to (core/privacy.py ``public_pages``), as a queryset."""
        return public_pages(model.objects.child_of(self).live(), request)
