from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_safe

from pages.seo import absolute_url


@require_safe
def robots_txt(request):
    """Crawlers may read every public page; the sitemap says which ones there are.
    Its address must be absolute: the site's public base URL (Wagtail's Site), the same
    host the sitemap's own <loc> entries name, whatever Host the crawler sent."""
    content = render_to_string(
        "robots.txt", {"sitemap_url": absolute_url(reverse("sitemap"), request)}
    )
    return HttpResponse(content, content_type="text/plain; charset=utf-8")
