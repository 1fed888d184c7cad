from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The web team's way of working: roles, the review workflow and the admin dashboard."""

    name = "editorial"
    verbose_name = _("Redaktionen")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from editorial import login_throttle

        user_login_failed.connect(login_throttle.on_login_failed, dispatch_uid="login_throttle")
        user_logged_in.connect(login_throttle.on_logged_in, dispatch_uid="login_throttle")
        name_the_pages_in_page_search()


def name_the_pages_in_page_search():
    """Wagtail 8.0.1's page search (admin/pages/search/) names no model, so its result
    count read "1–3 av 3 None" (in English too: "1-3 of 3 None"). Give it the page
    model's own names, as the page explorer has ("1–3 av 3 sidor")."""
    from wagtail.admin.views.pages.search import SearchView
    from wagtail.models import Page

    SearchView.verbose_name = Page._meta.verbose_name
    SearchView.verbose_name_plural = Page._meta.verbose_name_plural
