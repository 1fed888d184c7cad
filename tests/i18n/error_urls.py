"""The site's URLs and error handlers plus views that fail, in both languages, to see the
error pages as a visitor would (/trasig/ and /en/trasig/)."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from agency.urls import handler400, handler403, handler404, handler500  # noqa: F401
from agency.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("Something broke")


def forbidden_view(request):
    raise PermissionDenied


urlpatterns = [
    *i18n_patterns(
        path("trasig/", broken_view),
        path("forbjuden/", forbidden_view),
        prefix_default_language=False,
    ),
    *site_urlpatterns,
]
