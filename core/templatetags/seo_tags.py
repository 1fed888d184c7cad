from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from core import i18n, seo
from core.models import SiteSettings
from core.share_image import share_image

register = template.Library()


def _site_settings(context):
    request = context.get("request")
    if request is not None:
        return SiteSettings.for_request(request)
    return None


@register.inclusion_tag("components/seo_meta.html", takes_context=True)
def seo_meta(context):
    """Description, canonical address, Open Graph and Twitter card tags for the page."""
    request = context.get("request")
    page = context.get("page")
    site_settings = _site_settings(context)
    site_name = site_settings.site_name if site_settings else settings.WAGTAIL_SITE_NAME
    tagline = site_settings.site_tagline if site_settings else ""
    if not isinstance(page, Page):
        return {"page": None, "site_name": site_name, "description": tagline}
    language = translation.get_language() or settings.LANGUAGE_CODE
    translations = i18n.page_translations(page, request) if page.pk else {}
    return {
        "og_locale": i18n.og_locale(language),
        "og_locale_alternates": [
            i18n.og_locale(code)
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            if code != language and code in translations
        ],
        "page": page,
        "site_name": site_name,
        "title": seo.page_title(page),
        "description": seo.page_description(page, fallback=tagline),
        "canonical_url": page.get_full_url(request),
        "og_type": "website" if page.depth <= 2 else "article",
        "image": share_image(page, request, site_name),
    }


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org data as JSON-LD, for page types that define it."""
    page = context.get("page")
    get_data = getattr(page, "get_structured_data", None)
    if not isinstance(page, Page) or get_data is None:
        return ""
    site_settings = _site_settings(context)
    data = get_data(context.get("request"), site_settings)
    return seo.json_ld(data) if data else ""
