from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from alternate_formats import urls as alternate_formats_urls
from archive import urls as archive_urls
from contacts import urls as contacts_urls
from core.method_not_allowed import allow_methods
from core.views import robots_txt, serve, serve_rendition, sitemap
from documents.serving import serve as serve_document
from editorial.views import PageDeleteView, PageUnpublishView, ThrottledLoginView
from events import urls as events_urls
from page_feedback import urls as page_feedback_urls
from pages.feeds import NewPublicationsFeed
from search.views import search

# The methods Wagtail's own public views take (core/method_not_allowed.py): the password
# and login forms post; the document view only reads.
WAGTAIL_VIEW_METHODS = {
    "wagtaildocs_serve": ("GET", "HEAD"),
    "wagtaildocs_authenticate_with_password": ("GET", "HEAD", "POST"),
    "wagtailcore_authenticate_with_password": ("GET", "HEAD", "POST"),
    "wagtailcore_login": ("GET", "HEAD", "POST"),
}


def with_methods(patterns):
    """Wagtail's URL patterns (except its page view), each view declaring the methods
    it takes (WAGTAIL_VIEW_METHODS), so OPTIONS and other methods are answered before
    the CSRF check like on every other public address."""
    return [
        URLPattern(
            pattern.pattern,
            allow_methods(*WAGTAIL_VIEW_METHODS[pattern.name])(pattern.callback),
            pattern.default_args,
            pattern.name,
        )
        for pattern in patterns
        if pattern.name != "wagtail_serve"
    ]


# Error pages in the language of the address (core/views.py: in_path_language).
handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

urlpatterns = [
    # Before Wagtail's own: the same login, answering 429 while logins are throttled.
    path("admin/login/", ThrottledLoginView.as_view(), name="wagtailadmin_login"),
    # Before Wagtail's own: the same delete and unpublish views, naming what live pages
    # lose; behind the same admin login as every view under Wagtail's admin URLs.
    path(
        "admin/pages/<int:page_id>/delete/",
        require_admin_access(PageDeleteView.as_view()),
        name="page_delete",
    ),
    path(
        "admin/pages/<int:page_id>/unpublish/",
        require_admin_access(PageUnpublishView.as_view()),
        name="page_unpublish",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view answering Range (documents/serving.py); Wagtail's name.
    path(
        "dokument/<int:document_id>/<str:document_filename>",
        serve_document,
        name="wagtaildocs_serve",
    ),
    path("dokument/", include(with_methods(wagtaildocs_urls.urlpatterns))),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("", include(alternate_formats_urls)),
    path("", include(archive_urls)),
    path("", include(contacts_urls)),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Image renditions only, never all of MEDIA_ROOT, not even in development: documents/
# holds files of login-restricted collections, reachable only through the
# permission-checked document view (/dokument/). Served from the media storage (the
# private bucket, core/storage.py), or from the media folder under DEBUG and with
# SERVE_IMAGES (`make serve-prod` and `make run` without a web server in front).
urlpatterns += [
    re_path(
        rf"^{settings.MEDIA_URL.strip('/')}/images/(?P<path>.+)$",
        serve_rendition,
        name="serve_rendition",
    )
]

# Pages: Swedish at their old addresses, English under /en/ (core/i18n.py activates the
# language from the address; Wagtail's Page.get_url adds the prefix from the page's locale).
# Wagtail's own routes, with its page view replaced by the same view exempt from the CSRF
# middleware (core/form_protection.py says why and how every page is still checked).
urlpatterns += i18n_patterns(
    # Search, feed and calendars in the address's language: /sok/ in Swedish, /en/sok/ in English.
    path("sok/", search, name="search"),
    # Feed and calendars of the pages in the address's language (/en/flode/nytt.atom).
    path(
        "flode/nytt.atom",
        allow_methods("GET", "HEAD")(NewPublicationsFeed()),
        name="new_publications_feed",
    ),
    path("", include(events_urls)),
    # The page-feedback answer and comment in the language of the page they are about:
    # the English page's form posts to /en/sidrespons/…, so the reply is English.
    path("sidrespons/", include(page_feedback_urls)),
    *with_methods(wagtail_urls.urlpatterns),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
    prefix_default_language=False,
)
