"""A panel on the admin's dashboard (wagtailadmin/home.html) listing a few items:
what I am writing, what waits for review, which of my pages are due for review."""

from wagtail.admin.ui.components import Component

PANEL_LIMIT = 10


class DashboardPanel(Component):
    """Puts at most ``PANEL_LIMIT`` items from ``get_items(request)`` into the panel's
    template as ``items``, with its ``heading``, the sentence shown when there are none
    (``empty_text``) and an HTML id made from ``name``. Subclasses set ``name``,
    ``template_name`` (extending core/dashboard_panel.html) and ``order`` (Wagtail's
    ``construct_homepage_panels`` hook)."""

    heading = ""
    empty_text = ""

    def get_items(self, request):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["items"] = list(self.get_items(parent_context["request"])[:PANEL_LIMIT])
        context["panel_id"] = self.name.replace("_", "-")
        context["heading"] = self.heading
        context["empty_text"] = self.empty_text
        return context
