"""A panel on the admin's dashboard (wagtailadmin/home.html) listing a few items:
what I am writing, what waits for review, which of my pages are due for review."""

from wagtail.admin.ui.components import Component

PANEL_LIMIT = 10


class DashboardPanel(Component):
    """Puts at most ``PANEL_LIMIT`` items from ``get_items(request)`` into the panel's
    template as ``context_name``. Subclasses set ``name``, ``template_name``, ``order``
    (Wagtail's ``construct_homepage_panels`` hook) and ``context_name``."""

    context_name = "items"

    def get_items(self, request):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context[self.context_name] = list(self.get_items(parent_context["request"])[:PANEL_LIMIT])
        return context
