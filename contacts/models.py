from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from core.fields import optional_link, phone_field
from core.phone import phone_uri


class ContactPersonQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)


class ContactPerson(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """A person visitors can contact, written once and shown on many pages.

    A snippet with drafts, revisions, scheduling and locking, so a change of phone
    number is reviewed and published like a page, and every page showing the person
    updates at once.
    """

    name = models.CharField(_("namn"), max_length=255)
    title = models.CharField(
        _("titel"), max_length=255, blank=True, help_text=_("Till exempel Handläggare.")
    )
    unit = models.CharField(
        _("enhet"), max_length=255, blank=True, help_text=_("Avdelning eller enhet.")
    )
    email = models.EmailField(
        _("e-post"),
        blank=True,
        help_text=_("Visas skyddad mot adressinsamlare men läsbar för besökare."),
    )
    phone = phone_field(
        _("telefon"), _("Skriv som besökare ska läsa det, till exempel 08-681 91 32.")
    )
    photo = optional_link(
        "wagtailimages.Image", _("foto"), _("Valfritt. Ange en alternativtext på bilden.")
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("title"), FieldPanel("unit")], heading=_("Roll")),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading=_("Kontaktvägar")),
        FieldPanel("photo"),
        PublishingPanel(),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("title"),
        index.SearchField("unit"),
        index.FilterField("live"),
    ]

    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("contacts:vcard", args=[self.pk])

    @property
    def phone_uri(self):
        """The phone number as a tel: URI in E.164 form ("tel:+4686819132"), RFC 3966;
        "" without a number."""
        return phone_uri(self.phone)

    @property
    def email_parts(self):
        """(local part, domain) so templates can show the address without writing it whole."""
        local, _sep, domain = self.email.partition("@")
        return local, domain

    def get_preview_template(self, request, mode_name):
        return "contacts/contact_person_preview.html"


class ContactMixin(models.Model):
    """A page that names one person for visitors to contact (shown as a card at the end)."""

    contact = optional_link(
        "contacts.ContactPerson",
        _("kontaktperson"),
        _("Visas som kontaktkort sist på sidan."),
    )

    # Fetched with the page when it is served (core/structure_cache.py route()).
    serve_select_related = ("contact",)

    class Meta:
        abstract = True

    @property
    def live_contact(self):
        """The contact only while published: a draft person is not shown to visitors."""
        contact = self.contact
        return contact if contact is not None and contact.live else None
