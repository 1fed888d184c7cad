from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactMixin(models.Model):
    """A page that names one person for visitors to contact (shown as a card at the end)."""

    contact = models.ForeignKey(
        "contacts.ContactPerson",
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Visas som kontaktkort sist på sidan."),
    )

    class Meta:
        abstract = True

    @property
    def live_contact(self):
        """The contact only while published: a draft person is not shown to visitors."""
        contact = self.contact
        return contact if contact is not None and contact.live else None
