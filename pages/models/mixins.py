from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

from pages.fields import optional_link


class CachedViewRestrictionsMixin:
    """Page types whose view restrictions are read from the cache.

    Wagtail asks every served page for the restrictions on it and its ancestors, two
    queries per request; the private sections of the site are few and are kept in the
    cache (pages/structure_cache.py), so only a page inside one costs a query.
    """

    def get_view_restrictions(self):
        from pages import structure_cache

        if not self.path or self.alias_of_id:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.filter(pk__in=structure_cache.view_restriction_ids(self))


class ContactMixin(models.Model):
    """A page that names one person for visitors to contact (shown as a card at the end)."""

    contact = optional_link(
        "contacts.ContactPerson", _("kontaktperson"), _("Visas som kontaktkort sist på sidan.")
    )

    # Fetched with the page when it is served (pages/structure_cache.py route()).
    serve_select_related = ("contact",)

    class Meta:
        abstract = True
