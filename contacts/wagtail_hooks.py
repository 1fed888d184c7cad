from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from core.usage import DeleteWarningMixin

from .models import ContactPerson


class ContactPersonDeleteView(DeleteWarningMixin, DeleteView):
    """The confirmation names the live pages whose contact card would disappear."""


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = _("Kontaktpersoner")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "title", "unit", "phone"]
    search_fields = ["name", "title", "unit"]
    list_filter = ["live"]
    delete_view_class = ContactPersonDeleteView
    delete_template_name = DeleteWarningMixin.template_name


register_snippet(ContactPersonViewSet)
