"""The picture a page is shared with (Open Graph ``og:image``, Twitter card).

The page's own image (core/models/images.py) at 1200 x 630 px, the size Facebook,
LinkedIn and Slack show large (https://ogp.me/#structured), as JPEG, which every
reader of Open Graph understands; the agency's share image when it has none.
"""

from django.templatetags.static import static

from core.seo import absolute_url

RENDITION = "fill-1200x630|format-jpeg|jpegquality-80"


def share_image(page, request, site_name):
    """{"url", "width", "height", "alt"} for `page` (any Page, or None): absolute URL,
    pixel size and text alternative ("" for a decorative image)."""
    image = getattr(page, "image", None)
    if image is not None:
        rendition = image.get_rendition(RENDITION)
        url = rendition.url
        if not url.startswith(("http://", "https://")):
            url = absolute_url(url, request)
        return {
            "url": url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": page.image_alt_text,
        }
    return {
        "url": absolute_url(static("images/share.png"), request),
        "width": 1200,
        "height": 630,
        "alt": site_name,
    }
