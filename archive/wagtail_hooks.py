from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import views


@hooks.register("register_admin_urls")
def register_archive_urls():
    return [
        path("webbarkiv/", views.index, name="archive_index"),
        path("webbarkiv/sidor/<int:page_key>/", views.page_versions, name="archive_page_versions"),
        path("webbarkiv/export/", views.export, name="archive_export"),
    ]


class ArchiveMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_archive_menu_item():
    return ArchiveMenuItem(_("Webbarkiv"), reverse("archive_index"), icon_name="history", order=850)


def _archive_button(page, user, priority):
    if page.pk and user.has_perm(views.PERMISSION):
        yield Button(
            _("Arkiverade versioner"),
            reverse("archive_page_versions", args=(page.pk,)),
            icon_name="history",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def archive_header_button(page, user, view_name, next_url=None):
    yield from _archive_button(page, user, 66)


@hooks.register("register_page_listing_more_buttons")
def archive_listing_button(page, user, next_url=None):
    yield from _archive_button(page, user, 55)
