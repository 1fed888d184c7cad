"""The site's URLs plus one view that fails, to see the 500 page as a visitor would."""

from django.urls import path

from agency.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("Something broke")


urlpatterns = [path("trasig/", broken_view), *site_urlpatterns]
