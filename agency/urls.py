from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from contacts import urls as contacts_urls
from editorial.views import ThrottledLoginView
from events import urls as events_urls
from pages.feeds import NewPublicationsFeed
from pages.search_views import search
from pages.views import robots_txt, sitemap

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

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_IMAGES:
    # Image renditions only (never documents/, which go through the privacy-checking
    # view): for `make serve-prod` without a web server in front.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>images/.+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
