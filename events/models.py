from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pages.blocks import BodyBlock
from pages.models.images import PageImageMixin
from pages.models.mixins import CachedViewRestrictionsMixin, ContactMixin
from pages.page_forms import AgencyPageForm
from pages.privacy import may_see_document
from pages.publication import PublicationGuard
from pages.search_text import in_search_form
from pages.seo import absolute_url


class ConferenceIndexPage(PublicationGuard, CachedViewRestrictionsMixin, Page):
    """All conferences, upcoming ones first and past ones after, separately."""

    base_form_class = AgencyPageForm

    introduction = models.TextField(_("ingress"), blank=True)

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
    frontend_cache_lists_children = True

    class Meta:
        verbose_name = _("konferenslista")
        verbose_name_plural = _("konferenslistor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from pages.structure_cache import public

        conferences = public(ConferencePage.objects.child_of(self).live(), request).annotate(
            presentation_count=Count("speakers__presentation")
        )
        now = timezone.now()
        context["upcoming"] = conferences.filter(end__gte=now).order_by("start")
        context["past"] = conferences.filter(end__lt=now).order_by("-start")
        feed_url = absolute_url(reverse("events:upcoming_ics"), request)
        context["webcal_url"] = "webcal://" + feed_url.partition("://")[2]
        return context


class ConferencePage(
    PublicationGuard, CachedViewRestrictionsMixin, ContactMixin, PageImageMixin, Page
):
    """A conference: when and where, who spoke, and their presentations afterwards."""

    base_form_class = AgencyPageForm

    start = models.DateTimeField(_("börjar"))
    end = models.DateTimeField(_("slutar"))
    venue = models.CharField(
        _("lokal"), max_length=255, blank=True, help_text=_("Till exempel Kulturens hus.")
    )
    city = models.CharField(_("ort"), max_length=120)
    introduction = models.TextField(
        _("ingress"), blank=True, help_text=_("Visas under rubriken och i konferenslistan.")
    )
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
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("city")], heading=_("Plats")),
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
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Innehåll")),
            ObjectList(event_panels, heading=_("Tid och plats")),
            ObjectList(speaker_panels, heading=_("Talare")),
            ObjectList(Page.promote_panels, heading=_("Marknadsföring")),
            ObjectList(Page.settings_panels, heading=_("Inställningar")),
        ]
    )

    search_fields = in_search_form(
        [
            *Page.search_fields,
            index.SearchField("introduction"),
            index.SearchField("body"),
            index.SearchField("city"),
            index.SearchField("venue"),
            index.RelatedFields(
                "speakers", [index.SearchField("name"), index.SearchField("organisation")]
            ),
            index.FilterField("start"),
            index.FilterField("end"),
        ]
    )

    parent_page_types = ["events.ConferenceIndexPage"]
    subpage_types = []
    serve_select_related = ("contact", "image")
    # Listed in these feeds; its own calendar file below (pages/frontend_cache.py).
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

    @property
    def place(self):
        return ", ".join(part for part in (self.venue, self.city) if part)

    def speakers_with_presentations(self):
        """Speakers in programme order with their files and photos, in a fixed number of queries."""
        return (
            self.speakers.select_related("presentation", "photo")
            .prefetch_related("photo__renditions")
            .order_by("sort_order")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["speakers"] = self.speakers_with_presentations()
        context["summary_documents"] = visible_summaries(
            self.summary_documents.select_related("document"), request
        )
        return context

    def get_calendar_url(self):
        """The .ics download; none for a conference not yet saved (a preview while adding)."""
        if self.pk is None:
            return ""
        return reverse("events:conference_ics", args=[self.pk])

    def get_frontend_cache_paths(self):
        return [self.get_calendar_url()] if self.pk else []

    def get_structured_data(self, request, site_settings):
        """The conference as a schema.org Event, so search engines can show its date and place."""
        from pages.seo import organisation_data, page_description

        return {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": page_description(self),
            "startDate": timezone.localtime(self.start).isoformat(),
            "endDate": timezone.localtime(self.end).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {
                "@type": "Place",
                "name": self.place,
                "address": {"@type": "PostalAddress", "addressLocality": self.city},
            },
            "organizer": organisation_data(site_settings, request),
            "url": self.get_full_url(request),
            "inLanguage": "sv",
        }


def visible_summaries(summaries, request):
    """The summary documents (ConferenceSummary rows) this visitor may see
    (pages/privacy.py), so no heading is shown over an empty list when every summary
    is gone or hidden."""
    return [summary for summary in summaries if may_see_document(request, summary.document)]


def conference_prefetches():
    """What the conference block shows besides the page: speakers and summaries."""
    return [
        Prefetch(
            "speakers",
            queryset=Speaker.objects.select_related("presentation", "photo")
            .prefetch_related("photo__renditions")
            .order_by("sort_order"),
        ),
        Prefetch(
            "summary_documents",
            queryset=ConferenceSummaryDocument.objects.select_related("document"),
        ),
    ]


def prefetch_conference_details(queryset):
    """What the conference block shows, for many conferences at once."""
    return queryset.prefetch_related(*conference_prefetches())


class Speaker(Orderable):
    """A speaker in the programme, with the presentation they gave."""

    conference = ParentalKey(ConferencePage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("namn"), max_length=255)
    organisation = models.CharField(_("organisation"), max_length=255)
    role = models.CharField(_("roll"), max_length=255, blank=True, help_text=_("Valfritt."))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    presentation = models.ForeignKey(
        "pages.AgencyDocument",
        verbose_name=_("presentation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Talarens bilder, oftast en PDF. Kan laddas upp direkt här."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("organisation")]),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("photo"), FieldPanel("presentation")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("talare")
        verbose_name_plural = _("talare")

    def __str__(self):
        return f"{self.name}, {self.organisation}"


class ConferenceSummaryDocument(Orderable):
    """A summary of the whole conference, often in English for international readers."""

    conference = ParentalKey(
        ConferencePage, on_delete=models.CASCADE, related_name="summary_documents"
    )
    document = models.ForeignKey(
        "pages.AgencyDocument",
        verbose_name=_("dokument"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("länktext"),
        max_length=255,
        blank=True,
        help_text=_("Lämna tomt för att använda dokumentets titel."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("sammanfattning")
        verbose_name_plural = _("sammanfattningar")

    @property
    def link_text(self):
        return self.title or self.document.title

    def __str__(self):
        """The link text, as visitors see it: names the item in delete warnings
        (editorial/usage.py), not "ConferenceSummaryDocument object (1)"."""
        return self.link_text
