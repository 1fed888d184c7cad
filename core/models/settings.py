from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.fields import optional_link, phone_field


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What every page shows around the content: name, tagline and the footer."""

    organisation_name = models.CharField(
        # The site's name lives in one place, Wagtail's WAGTAIL_SITE_NAME setting.
        _("organisationens namn"),
        max_length=120,
        default=settings.WAGTAIL_SITE_NAME,
    )
    tagline = models.CharField(
        _("slogan"),
        max_length=200,
        blank=True,
        help_text=_("Visas under namnet i sidhuvudet."),
    )
    # English pages (/en/) show these instead (core/i18n.py): Wagtail's site settings are
    # one row per site, not per locale, so the English values are fields of their own.
    organisation_name_en = models.CharField(
        _("organisationens namn på engelska"),
        max_length=120,
        blank=True,
        help_text=_("Visas på de engelska sidorna. Tomt: namnet ovan."),
    )
    tagline_en = models.CharField(
        _("slogan på engelska"),
        max_length=200,
        blank=True,
        help_text=_("Visas under namnet på de engelska sidorna. Tomt: ingen slogan där."),
    )
    footer_address = models.TextField(_("postadress"), blank=True)
    footer_phone = phone_field(
        _("telefon"), _("Skriv som besökare ska läsa det, till exempel 08-681 91 00.")
    )
    footer_email = models.EmailField(_("e-post"), blank=True)
    accessibility_page = optional_link(
        "wagtailcore.Page",
        _("tillgänglighetsredogörelse"),
        _("Länkas från sidfoten på varje sida."),
    )
    feedback_page = optional_link(
        "wagtailcore.Page",
        _("sida för synpunkter"),
        _("Länkas från sidfoten på varje sida som ”Har du synpunkter?”."),
    )

    privacy_page = optional_link(
        "wagtailcore.Page",
        _("sida om personuppgifter och kakor"),
        _("Länkas från sidfoten på varje sida som ”Personuppgifter och kakor”."),
    )
    sitemap_page = optional_link(
        "wagtailcore.Page",
        _("webbplatskarta"),
        _("Länkas från sidfoten på varje sida som ”Webbplatskarta”."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("tagline"),
                FieldPanel("organisation_name_en"),
                FieldPanel("tagline_en"),
            ],
            _("Sidhuvud"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("footer_address"),
                FieldPanel("footer_phone"),
                FieldPanel("footer_email"),
                FieldPanel("accessibility_page"),
                FieldPanel("feedback_page"),
                FieldPanel("privacy_page"),
                FieldPanel("sitemap_page"),
            ],
            _("Sidfot"),
        ),
    ]

    class Meta:
        verbose_name = _("webbplatsinställningar")

    @property
    def site_name(self):
        """The organisation's name in the active language (str): the English one on
        English pages when filled in, else the Swedish one."""
        if _english() and self.organisation_name_en:
            return self.organisation_name_en
        return self.organisation_name

    @property
    def site_tagline(self):
        """The tagline in the active language (str, may be empty): never the Swedish one
        on an English page."""
        return self.tagline_en if _english() else self.tagline

    @classmethod
    def for_request(cls, request):
        """As Wagtail's, but read from the cache with the pages it links to
        (core/structure_cache.py): no query on a warm page. Editing in the admin
        still reads the database (``for_site``)."""
        from wagtail.models import Site

        from core import structure_cache

        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        site_settings = structure_cache.site_settings(cls, site, request)
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings


def organisation_name(request=None):
    """The organisation's name (str) in the active language, for the error pages
    (templates/error_page.html), which must render whatever is broken: the site
    settings of ``request``'s Site (else the default Site) from the structure cache, so
    no query on a warm cache; ``WAGTAIL_SITE_NAME`` when they cannot be read at all
    (the database or the cache down, a host name no Site answers to)."""
    from wagtail.models import Site

    from core import structure_cache

    try:
        site = Site.find_for_request(request) if request is not None else None
        if site is None:
            site = structure_cache.cached(
                "site:default", lambda: [Site.objects.filter(is_default_site=True).first()]
            )[0]
        if site is None:
            return settings.WAGTAIL_SITE_NAME
        return structure_cache.site_settings(SiteSettings, site, request).site_name
    except Exception:  # An error page is shown whatever failed here.
        return settings.WAGTAIL_SITE_NAME


def _english():
    return (translation.get_language() or "").split("-")[0] == "en"
