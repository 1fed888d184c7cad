from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ContactPerson


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = _("Kontaktpersoner")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "title", "unit", "phone"]
    search_fields = ["name", "title", "unit"]
    list_filter = ["live"]


register_snippet(ContactPersonViewSet)
