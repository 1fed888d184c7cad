"""What search engines and link previews read about a page: description, canonical
address, Open Graph and Twitter card tags, and schema.org structured data (JSON-LD).

Every page gets them from its own fields, with fallbacks, so no editor has to fill in
a separate SEO form for a page to be described well.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from core.control_characters import clean_data
from core.i18n import home_path
from core.phone import phone_e164
from core.summary import plain_text, shorten

# As django.utils.html.json_script: the JSON stays valid, and no "</script>" or "<!--"
# inside a value can end or confuse the script element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def schema_datetime(value):
    """A datetime as schema.org dates are written (ISO 8601), in the site's time zone
    with its offset: "2026-05-12T09:30:00+02:00" (https://schema.org/DateTime)."""
    return timezone.localtime(value).isoformat()


def page_description(page, fallback=""):
    """The page's meta description: its summary (``get_summary()``, core/summary.py),
    else the fallback (the site's tagline), shortened to what search engines show."""
    return page.get_summary() or shorten(plain_text(fallback))


def page_title(page):
    return page.seo_title or page.title


def public_site(request=None):
    """The Wagtail Site whose address is the public base URL of every absolute URL and
    identifier the site writes (canonical links, feeds, sitemap, iCalendar UIDs).

    The Site whose hostname and port the request names, else the default Site: never
    the raw Host header, so a site reached under two names (127.0.0.1 and localhost,
    or a proxy's internal name) still gives one address per page and persistent,
    globally unique identifiers (RFC 5545 §3.8.4.7 UID; RFC 4287 §4.2.6 atom:id).
    None only when no Site exists at all."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def site_url(request):
    """The site's own address, "http://host[:port]/" (from Wagtail's Site, see
    public_site), or "/" when there is no Site."""
    site = public_site(request)
    return site.root_url.rstrip("/") + "/" if site is not None else "/"


def absolute_url(path, request=None):
    """An absolute URL for a path on this site ("/robots.txt" ->
    "http://host[:port]/robots.txt"), from the public base URL (public_site)."""
    return site_url(request).rstrip("/") + "/" + path.lstrip("/")


def organisation_data(site_settings, request):
    """The agency as a schema.org GovernmentOrganization, named and linked in the active
    language (its English name and home page /en/ on English pages)."""
    data = {
        "@type": "GovernmentOrganization",
        "name": site_settings.site_name,  # in the page's language (core/models/settings.py)
        "url": absolute_url(home_path(), request),
    }
    if site_settings.footer_email:
        data["email"] = site_settings.footer_email
    if site_settings.footer_phone:
        # International form (E.164), which schema.org's consumers read unambiguously.
        data["telephone"] = phone_e164(site_settings.footer_phone) or site_settings.footer_phone
    if site_settings.footer_address:
        data["address"] = ", ".join(
            line.strip() for line in site_settings.footer_address.splitlines() if line.strip()
        )
    return data


def json_ld(data):
    """A <script type="application/ld+json"> element. The JSON is escaped as Django's
    json_script does (<, > and & as \\u escapes), so a title containing </script>
    cannot close the element. Browsers treat this type as data, never as code, which
    is why a strict Content Security Policy lets it through."""
    # Strings are cleaned of control characters (core/control_characters.py): JSON would
    # escape most, but a lone surrogate cannot be encoded at all.
    data = clean_data(data)
    encoded = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(encoded))  # noqa: S308
