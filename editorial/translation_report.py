"""Rapporter › Översättningar: Swedish pages without an English translation, and English
translations older than their Swedish source (the source published after the
translation), so editors know what to translate or bring up to date (issue 15)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.models import Page

from core.admin_reports import StaffReport, page_column, report_urls

MISSING = _("Saknar engelsk översättning")
OUTDATED = _("Den engelska översättningen är äldre än originalet")


def translation_gaps(language="en"):
    """[Page] live pages in LANGUAGE_CODE (below the tree root) whose `language`
    translation is missing or was last published before them; each with ``problem``
    and ``translation`` (or None). Two queries, whatever the number of pages."""
    sources = list(
        Page.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
        .order_by("path")
    )
    translated = {
        page.translation_key: page
        for page in Page.objects.filter(
            locale__language_code=language,
            translation_key__in=[source.translation_key for source in sources],
        )
    }
    gaps = []
    for source in sources:
        target = translated.get(source.translation_key)
        if target is None:
            source.problem = MISSING
        elif (
            source.last_published_at is not None
            and target.last_published_at is not None
            and target.last_published_at < source.last_published_at
        ):
            source.problem = OUTDATED
        else:
            continue
        source.translation = target
        source.translation_published_at = target.last_published_at if target else None
        gaps.append(source)
    return gaps


class TranslationReport(StaffReport):
    page_title = _("Översättningar att göra")
    header_icon = "site"
    index_url_name = "translation_report"
    columns = [
        page_column(),
        Column("problem", label=_("Vad som behövs")),
        DateColumn("last_published_at", label=_("Senast publicerad")),
        DateColumn("translation_published_at", label=_("Översättningen publicerad")),
    ]

    def get_queryset(self):
        return translation_gaps()

    def get_filtered_queryset(self):
        return self.get_queryset()


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    return report_urls("oversattningar/", TranslationReport, "translation_report")


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(_("Översättningar"), reverse("translation_report"), icon_name="site", order=770)
