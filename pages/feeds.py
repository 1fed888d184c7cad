"""An Atom feed of newly published strategies, reports and conferences, for feed readers
and for other agencies' sites that show "news from Tillväxtverket"."""

import datetime
from itertools import chain

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.control_characters import single_line_text
from core.models import SiteSettings
from core.privacy import public_pages
from core.seo import public_site
from events.models import ConferencePage
from pages.models import StrategyDocumentPage

FEED_ITEMS = 20
# atom:updated of a feed without entries on a site whose home page was never published: a
# fixed instant, so the feed's bytes and ETag stay the same between requests. Not the Unix
# epoch: Django reads an If-Modified-Since of second 0 as no condition at all.
NEVER_UPDATED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def _xml_safe(value):
    """A feed value without the characters XML 1.0 forbids (core/control_characters.py);
    lists (categories) item by item, other values unchanged."""
    if isinstance(value, (list, tuple)):
        return [_xml_safe(item) for item in value]
    if isinstance(value, str):
        return single_line_text(value)
    return value


class XmlSafeAtom1Feed(Atom1Feed):
    """Atom (RFC 4287) that stays well-formed XML whatever a stored title or text holds:
    Django's generator refuses control characters with an exception, which made the
    whole feed answer 500 because of one title pasted from Word."""

    def __init__(self, *args, **kwargs):
        super().__init__(*map(_xml_safe, args), **{k: _xml_safe(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(_xml_safe, args), **{k: _xml_safe(v) for k, v in kwargs.items()})

    def latest_post_date(self):
        """The feed's atom:updated (aware datetime): the newest entry's date, or, with no
        dated entry, the ``quiet_since`` the feed was made with. Django's generator says
        "now" there, which made an empty feed's bytes, and so its ETag, change every
        second: never a 304, and a new copy in the front cache on every miss."""
        if any(item.get("updateddate") or item.get("pubdate") for item in self.items):
            return super().latest_post_date()
        return self.feed.get("quiet_since") or NEVER_UPDATED


class NewPublicationsFeed(Feed):
    feed_type = XmlSafeAtom1Feed
    subtitle = _("Nyligen publicerade strategier, rapporter och konferenser.")

    def get_object(self, request, *args, **kwargs):
        # The feed object is shared by all requests: nothing request-specific is kept on it.
        # The Site, never the Host header, names the feed and its entries (RFC 4287 §4.2.6:
        # an atom:id never changes), so rel=self and ids agree under any host name.
        return public_site(request)

    def feed_extra_kwargs(self, site):
        # With no entry, the feed last changed when its home page was last published.
        home = site.root_page.localized if site else None
        return {"quiet_since": home.last_published_at if home else None}

    def title(self, site):
        return _("Nytt från %(name)s: strategier, rapporter och konferenser") % {
            "name": self.author_name(site)
        }

    def author_name(self, site):
        # Atom (RFC 4287) requires an author for the feed when entries name none.
        return SiteSettings.for_site(site).site_name if site else settings.WAGTAIL_SITE_NAME

    def link(self, site):
        # The home page in the feed's language (/en/ for the English feed).
        return site.root_page.localized.get_full_url() if site else "/"

    def feed_url(self, site):
        # Without this, Django builds rel="self" from the request's Host header.
        path = reverse("new_publications_feed")
        return site.root_url.rstrip("/") + path if site else path

    def items(self, site):
        def newest(model):
            pages = public_pages(model.objects.live()).exclude(first_published_at=None)
            # Pages in the feed's language only (Django's Feed sets xml:lang from
            # get_language(): "sv" at /flode/nytt.atom, "en" at /en/flode/nytt.atom).
            pages = pages.filter(locale__language_code=get_language())
            if site is not None:
                pages = pages.descendant_of(site.root_page.localized)
            return pages.order_by("-first_published_at")[:FEED_ITEMS]

        items = chain(newest(StrategyDocumentPage), newest(ConferencePage))
        return sorted(items, key=lambda page: page.first_published_at, reverse=True)[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url()

    def item_guid(self, item):
        return item.get_full_url()

    def item_description(self, item):
        return item.get_summary()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        if isinstance(item, StrategyDocumentPage):
            return [str(_("Strategier och rapporter"))]
        return [str(_("Konferenser"))]
