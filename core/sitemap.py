"""The sitemap of every language: the site's root page and its translations with all their
live, public descendants, each address with ``<xhtml:link rel="alternate" hreflang>`` to
its translations (Google, "Tell Google about localized versions of your page": sitemap
method; each URL lists every version, itself and ``x-default`` included)."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.i18n import alternates_for, translations_by_key


class TranslatedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).only("path")
        under_a_root = Q()
        for each in roots:
            under_a_root |= Q(path__startswith=each.path)
        return (
            Page.objects.filter(under_a_root)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        """Wagtail's entries for one sitemap page, with alternates found in one query for
        the whole page of entries."""
        pages = list(self.paginator.page(page).object_list)
        groups = translations_by_key(pages)
        urls, last_mods = [], set()
        for item in pages:
            alternates = [
                {"lang_code": code, "location": location}
                for code, location in alternates_for(
                    groups.get(item.translation_key, {}), self.request
                )
            ]
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates})
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
