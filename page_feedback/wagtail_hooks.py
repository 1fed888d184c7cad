from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from page_feedback import admin_urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("sidrespons/", include(admin_urls, namespace="page_feedback_admin"))]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        _("Sidrespons: flest nej"),
        reverse("page_feedback_admin:report"),
        icon_name="help",
        order=760,
    )


@hooks.register("register_page_header_buttons")
def feedback_header_button(page, user, view_name=None, next_url=None):
    if page.pk and page.depth > 1 and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Sidrespons"),
            reverse("page_feedback_admin:page", args=[page.pk]),
            icon_name="help",
            priority=70,
        )


@hooks.register("register_page_listing_more_buttons")
def feedback_listing_button(page, user, next_url=None):
    if page.depth > 1 and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Sidrespons"), reverse("page_feedback_admin:page", args=[page.pk]), priority=70
        )
