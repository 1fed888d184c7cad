from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from contacts.models import ContactMixin
from core.blocks import BodyBlock
from core.fields import chosen_link, introduction_field, link_text_field, optional_link
from core.models.images import PageImageMixin
from core.models.links import ChosenLink
from core.models.page_history import page_tabs
from core.models.pages import ArticlePage, IndexPage
from core.privacy import may_see_document
from core.seo import absolute_url, organisation_data, page_description
from search.text import in_search_form

from .programme import PROGRAMME_CONTEXT, ProgrammeSlot, programme_context
from .sidebar import SIDEBAR_CONTEXT, sidebar_context
from .status import EventDetails
from .structured_data import event_data

SPEAKER_SEARCH_FIELDS = ("name", "organisation", "talk_title")


class ConferenceIndexPage(IndexPage):
    """All conferences, upcoming ones first and past ones after, separately."""

    content_panels = [
        *Page.content_panels,
        FieldPanel(
            "introduction",
            help_text=_("Visas under rubriken, ovanför kommande och tidigare konferenser."),
        ),
    ]

    search_fields = in_search_form(Page.search_fields)

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["events.ConferencePage"]

    class Meta:
        verbose_name = _("konferenslista")
        verbose_name_plural = _("konferenslistor")

    def get_context(self, request, *args, **kwargs):
        """The page's context with "upcoming", "past_years" (events/listing.py) and
        "webcal_url", all read only when the content is rendered, not when it comes from
        the render cache (core/render_cache.py)."""
        context = super().get_context(request, *args, **kwargs)
        from .listing import conference_listing, listed_conferences

        listing = SimpleLazyObject(lambda: conference_listing(listed_conferences(self, request)))
        context["upcoming"] = SimpleLazyObject(lambda: listing["upcoming"])
        context["past_years"] = SimpleLazyObject(lambda: listing["past_years"])
        context["webcal_url"] = SimpleLazyObject(lambda: webcal_url(request))
        return context


class ConferencePage(ContactMixin, EventDetails, ArticlePage):
    """A conference: when and where, who spoke, and their presentations afterwards."""

    start = models.DateTimeField(_("börjar"))
    end = models.DateTimeField(_("slutar"))
    venue = models.CharField(
        _("lokal"), max_length=255, blank=True, help_text=_("Till exempel Kulturens hus.")
    )
    city = models.CharField(_("ort"), max_length=120)
    introduction = introduction_field(_("Visas under rubriken och i konferenslistan."))
    body = StreamField(BodyBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        *PageImageMixin.image_panels,
        FieldPanel("body"),
        InlinePanel("summary_documents", label=_("Sammanfattning"), heading=_("Sammanfattningar")),
        FieldPanel("contact"),
    ]
    event_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])],
            heading=_("Tid"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), *EventDetails.address_panels, FieldPanel("city")],
            heading=_("Plats"),
        ),
        *EventDetails.status_panels,
    ]
    speaker_panels = [
        InlinePanel(
            "speakers",
            label=_("Talare"),
            heading=_("Talare i programordning"),
            help_text=_(
                "Besökare ser talarna i den här ordningen, var och en med sin presentation. "
                "Flytta med pilarna eller dra. Ladda upp en PDF direkt i dokumentväljaren."
            ),
        ),
    ]
    edit_handler = page_tabs(
        content_panels, (event_panels, _("Tid och plats")), (speaker_panels, _("Talare"))
    )

    search_fields = in_search_form(
        [
            *Page.search_fields,
            index.SearchField("introduction"),
            index.SearchField("body"),
            index.SearchField("city"),
            index.SearchField("venue"),
            index.RelatedFields(
                "speakers", [index.SearchField(name) for name in SPEAKER_SEARCH_FIELDS]
            ),
            index.FilterField("start"),
            index.FilterField("end"),
        ]
    )

    parent_page_types = ["events.ConferenceIndexPage"]
    subpage_types = []
    serve_select_related = ("contact", "image")
    # Listed in these feeds; its own calendar file below (core/frontend_cache.py).
    frontend_cache_shown_in = ("new_publications_feed", "events:upcoming_ics")

    class Meta:
        verbose_name = _("konferens")
        verbose_name_plural = _("konferenser")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Konferensen kan inte sluta innan den börjar.")})

    @property
    def is_upcoming(self):
        return self.end >= timezone.now()

    def speakers_with_presentations(self):
        """Speakers in programme order with their files and photos, in a fixed number of queries."""
        return (
            self.speakers.select_related("presentation", "photo")
            .prefetch_related("photo__renditions")
            .order_by("sort_order")
        )

    def programme_speakers(self):
        """The speakers (a list) in programme order with files and photos, read once per
        page instance: the content and the structured data share them."""
        if getattr(self, "_speakers", None) is None:
            self._speakers = list(self.speakers_with_presentations())
        return self._speakers

    def get_context(self, request, *args, **kwargs):
        """The page's context with "speakers", the programme (events/programme.py),
        "summary_documents" and the sidebar (events/sidebar.py), each read only when the
        content is rendered, not when it comes from the render cache
        (core/render_cache.py)."""
        context = super().get_context(request, *args, **kwargs)
        context["speakers"] = SimpleLazyObject(self.programme_speakers)
        programme = SimpleLazyObject(lambda: programme_context(self, self.programme_speakers()))
        for name in PROGRAMME_CONTEXT:
            context[name] = SimpleLazyObject(lambda name=name: programme[name])
        context["summary_documents"] = SimpleLazyObject(
            lambda: visible_summaries(self.summary_documents.select_related("document"), request)
        )
        sidebar = SimpleLazyObject(lambda: sidebar_context(self, request))
        for name in SIDEBAR_CONTEXT:
            context[name] = SimpleLazyObject(lambda name=name: sidebar[name])
        return context

    def get_calendar_url(self):
        """The .ics download; none for a conference not yet saved (a preview while adding)."""
        if self.pk is None:
            return ""
        return reverse("events:conference_ics", args=[self.pk])

    def get_frontend_cache_paths(self):
        return [self.get_calendar_url()] if self.pk else []

    def get_structured_data(self, request, site_settings):
        """The conference as a schema.org Event (events/structured_data.py), with the
        speakers get_context read (else one query)."""
        speakers = self.programme_speakers()
        organizer = organisation_data(site_settings, request)
        return {
            **event_data(self, speakers, request, organizer, page_description(self)),
            **self.history_structured_data(),
        }


def webcal_url(request):
    """The upcoming conferences' calendar feed as a webcal:// address (str), which opens
    the subscription in the visitor's calendar app."""
    feed_url = absolute_url(reverse("events:upcoming_ics"), request)
    return "webcal://" + feed_url.partition("://")[2]


def visible_summaries(summaries, request):
    """The summary documents (ConferenceSummary rows) this visitor may see
    (core/privacy.py), so no heading is shown over an empty list when every summary
    is gone or hidden."""
    return [summary for summary in summaries if may_see_document(request, summary.document)]


class Speaker(ProgrammeSlot, Orderable):
    """A speaker in the programme: their slot (events/programme.py) and presentation."""

    conference = ParentalKey(ConferencePage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("namn"), max_length=255)
    organisation = models.CharField(_("organisation"), max_length=255)
    role = models.CharField(_("roll"), max_length=255, blank=True, help_text=_("Valfritt."))
    photo = optional_link("wagtailimages.Image", _("foto"))
    presentation = optional_link(
        "documents.AgencyDocument",
        _("presentation"),
        _("Talarens bilder, oftast en PDF. Kan laddas upp direkt här."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("organisation")]),
        FieldPanel("role"),
        *ProgrammeSlot.slot_panels,
        FieldRowPanel([FieldPanel("photo"), FieldPanel("presentation")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("talare")
        verbose_name_plural = _("talare")

    def __str__(self):
        return f"{self.name}, {self.organisation}"


class ConferenceSummaryDocument(ChosenLink):
    """A summary of the whole conference, often in English for international readers."""

    conference = ParentalKey(
        ConferencePage, on_delete=models.CASCADE, related_name="summary_documents"
    )
    document = chosen_link("documents.AgencyDocument", _("dokument"))
    title = link_text_field(255, _("Lämna tomt för att använda dokumentets titel."))

    panels = [FieldPanel("document"), FieldPanel("title")]
    text_field = "title"
    target_field = "document"

    class Meta(ChosenLink.Meta):
        verbose_name = _("sammanfattning")
        verbose_name_plural = _("sammanfattningar")
