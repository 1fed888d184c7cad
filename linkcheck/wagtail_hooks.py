from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from linkcheck import urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("lankar/", include(urls, namespace="linkcheck"))]


def _report(label, name, icon, order):
    @hooks.register("register_reports_menu_item")
    def menu_item():
        return MenuItem(label, reverse(f"linkcheck:{name}"), icon_name=icon, order=order)

    return menu_item


_report(_("Interna länkar som inte fungerar"), "internal", "link", 720)
_report(_("Trasiga externa länkar"), "external", "link-external", 730)
_report(_("Oanvända dokument"), "unused_documents", "doc-full", 740)
_report(_("Sidor utan inkommande länkar"), "orphan_pages", "doc-empty", 750)
