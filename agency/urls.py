from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from contacts import urls as contacts_urls
from editorial.views import ThrottledLoginView
from events import urls as events_urls
from pages.feeds import NewPublicationsFeed
from pages.search_views import search
from pages.views import robots_txt

urlpatterns = [
    # Before Wagtail's own: the same login, answering 429 while logins are throttled.
    path("admin/login/", ThrottledLoginView.as_view(), name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sok/", search, name="search"),
    path("flode/nytt.atom", NewPublicationsFeed(), name="new_publications_feed"),
    path("", include(contacts_urls)),
    path("", include(events_urls)),
]


def image_rendition_urlpatterns():
    """Serve image renditions (MEDIA_ROOT/images/) and nothing else from MEDIA_ROOT.

    For `make serve-prod` (SERVE_IMAGES) and development (DEBUG), with no web server
    in front. The served folder is images/ itself, so Django's ``safe_join`` refuses
    every path that leaves it, however it is written (``../``, ``%2e%2e``, ``%2f``,
    backslashes, absolute paths): a document's bytes are reachable only through the
    permission-checked document view (/dokument/), never as a media file
    (OWASP ASVS 12.3.1, path traversal).
    """
    from pathlib import Path

    from django.urls import re_path
    from django.views.static import serve

    return [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/images/(?P<path>.+)$",
            serve,
            {"document_root": Path(settings.MEDIA_ROOT) / "images"},
        )
    ]


if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or settings.SERVE_IMAGES:
    # Never all of MEDIA_ROOT, not even in development: documents/ holds files of
    # login-restricted collections.
    urlpatterns += image_rendition_urlpatterns()

urlpatterns += [path("", include(wagtail_urls))]
