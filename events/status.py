"""Whether a conference takes place as planned, and how visitors attend it.

The choices are schema.org's (https://schema.org/EventStatusType and
https://schema.org/EventAttendanceModeEnumeration), so what editors choose is what
search engines are told; visitors see a notice for anything but "as planned".
"""

from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.typography import joined

SCHEMA = "https://schema.org/"


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Genomförs som planerat")
    RESCHEDULED = "rescheduled", _("Flyttad till nytt datum")
    POSTPONED = "postponed", _("Uppskjuten, nytt datum ej bestämt")
    MOVED_ONLINE = "moved_online", _("Flyttad till att bara vara digital")
    CANCELLED = "cancelled", _("Inställd")


class AttendanceMode(models.TextChoices):
    OFFLINE = "offline", _("På plats")
    ONLINE = "online", _("Digitalt")
    MIXED = "mixed", _("På plats och digitalt")


STATUS_SCHEMA = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.RESCHEDULED: "EventRescheduled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.MOVED_ONLINE: "EventMovedOnline",
    EventStatus.CANCELLED: "EventCancelled",
}
ATTENDANCE_SCHEMA = {
    AttendanceMode.OFFLINE: "OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "MixedEventAttendanceMode",
}
STATUS_HEADLINES = {
    EventStatus.RESCHEDULED: _("Konferensen är flyttad."),
    EventStatus.POSTPONED: _("Konferensen är uppskjuten. Nytt datum meddelas senare."),
    EventStatus.MOVED_ONLINE: _("Konferensen hålls bara digitalt."),
    EventStatus.CANCELLED: _("Konferensen är inställd."),
}
OPENSTREETMAP_SEARCH = "https://www.openstreetmap.org/search"


class EventDetails(models.Model):
    """Status, attendance mode and street address of an event page."""

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Allt utom ”som planerat” visas som ett meddelande överst på sidan."),
    )
    status_note = models.CharField(
        _("meddelande till besökare"),
        max_length=255,
        blank=True,
        help_text=_("Valfritt, visas med statusen. Till exempel varför konferensen ställs in."),
    )
    previous_start = models.DateTimeField(
        _("tidigare planerad start"),
        null=True,
        blank=True,
        help_text=_("För en flyttad konferens: när den först skulle ha börjat."),
    )
    attendance_mode = models.CharField(
        _("deltagande"),
        max_length=10,
        choices=AttendanceMode.choices,
        default=AttendanceMode.OFFLINE,
    )
    online_url = models.URLField(
        _("länk till sändningen"),
        blank=True,
        help_text=_("För digitala konferenser och sådana både på plats och digitalt."),
    )
    street_address = models.CharField(
        _("gatuadress"),
        max_length=255,
        blank=True,
        help_text=_("Till exempel Skeppsbrogatan 17. Ger besökarna en kartlänk."),
    )
    postal_code = models.CharField(_("postnummer"), max_length=10, blank=True)

    status_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("previous_start")]),
                FieldPanel("status_note"),
                FieldRowPanel([FieldPanel("attendance_mode"), FieldPanel("online_url")]),
            ],
            heading=_("Status"),
        )
    ]
    address_panels = [FieldRowPanel([FieldPanel("street_address"), FieldPanel("postal_code")])]

    class Meta:
        abstract = True

    @property
    def place(self):
        """Venue and town as visitors read them: "Kulturens hus, Luleå"."""
        return joined(", ", self.venue, self.city)

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_online(self):
        return (
            self.status == EventStatus.MOVED_ONLINE or self.attendance_mode == AttendanceMode.ONLINE
        )

    @property
    def shows_status_notice(self):
        return self.status != EventStatus.SCHEDULED

    @property
    def status_headline(self):
        """What the notice at the top of the page says; "" when all goes as planned."""
        return STATUS_HEADLINES.get(self.status, "")

    @property
    def event_status_url(self):
        """schema.org eventStatus, e.g. "https://schema.org/EventCancelled"."""
        return SCHEMA + STATUS_SCHEMA[EventStatus(self.status)]

    @property
    def attendance_mode_url(self):
        """schema.org eventAttendanceMode; a conference moved online is attended online."""
        mode = AttendanceMode.ONLINE if self.is_online else AttendanceMode(self.attendance_mode)
        return SCHEMA + ATTENDANCE_SCHEMA[mode]

    @property
    def postal_address(self):
        """The address as one line: "Skeppsbrogatan 17, 972 31 Luleå" ("" without a street)."""
        if not self.street_address:
            return ""
        return joined(", ", self.street_address, joined(" ", self.postal_code, self.city))

    @property
    def map_url(self):
        """A plain link to the address on OpenStreetMap; "" without a street address or
        for a conference held only online. No third-party map is embedded on our page."""
        if not self.postal_address or self.is_online:
            return ""
        return f"{OPENSTREETMAP_SEARCH}?{urlencode({'query': self.postal_address})}"
