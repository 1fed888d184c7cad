from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentReviewConfig(AppConfig):
    """Who answers for each page, and when it is next read through (issue 14)."""

    name = "content_review"
    verbose_name = _("Innehållsansvar och granskning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from content_review.services import on_page_published

        page_published.connect(on_page_published, dispatch_uid="content_review.first_review")
        add_review_panel()


def add_review_panel():
    """Every page type's Inställningar tab shows the review panel. Page types build
    their tabs from ``Page.settings_panels`` (the list itself, bound lazily on first
    use), so adding the panel to that list here reaches all of them, ours and later ones."""
    from wagtail.models import Page

    from content_review.panels import ReviewPanel

    if not any(isinstance(panel, ReviewPanel) for panel in Page.settings_panels):
        Page.settings_panels.append(ReviewPanel())
