from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from pages.control_characters import clean_text
from pages.seo import absolute_url


@require_safe
def robots_txt(request):
    """Crawlers may read every public page; the sitemap says which ones there are.
    Its address must be absolute: the site's public base URL (Wagtail's Site), the same
    host the sitemap's own <loc> entries name, whatever Host the crawler sent."""
    content = render_to_string(
        "robots.txt", {"sitemap_url": absolute_url(reverse("sitemap"), request)}
    )
    return HttpResponse(clean_text(content), content_type="text/plain; charset=utf-8")


@require_safe
def sitemap(request):
    """Wagtail's sitemap (sitemaps.org protocol) of live, public pages, kept well-formed
    XML 1.0 even if a stored address holds a control character
    (pages/control_characters.py)."""
    response = wagtail_sitemap(request)
    if hasattr(response, "render"):
        response.render()
    response.content = clean_text(response.content.decode(response.charset)).encode(
        response.charset
    )
    return response
