from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from content_review import urls
from content_review.panels import DueForReviewPanel


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("granskning/", include(urls, namespace="content_review"))]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        _("Sidor att granska"), reverse("content_review:report"), icon_name="time", order=710
    )


@hooks.register("construct_homepage_panels")
def add_due_for_review_panel(request, panels):
    panels.append(DueForReviewPanel())


@hooks.register("register_page_header_buttons")
def review_header_button(page, user, view_name=None, next_url=None):
    if page.pk and page.depth > 1 and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Ansvar och granskning"),
            reverse("content_review:edit", args=[page.pk]),
            icon_name="time",
            priority=60,
        )
