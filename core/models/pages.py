"""The base classes of the site's page types, so that each page type names what it
adds, not the five things every page needs.

``BasePage``: every page type. It refuses to publish over a newer revision
(core/publication.py), reads its view restrictions from the cache (mixins.py),
describes itself through ``get_summary()`` (core/summary.py) and is edited through
``AgencyPageForm`` (core/page_forms.py).

``ArticlePage``: the content pages (topic, strategy and conference pages). It adds
the change history and withdrawal (page_history.py) and the page image (images.py).
"""

from wagtail.models import Page

from core.page_forms import AgencyPageForm
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
