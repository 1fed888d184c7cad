"""The conference programme: each speaker's slot (time, talk title, session).

A slot belongs to a speaker (events.models.Speaker), so the speakers' presentations and
their order stay as editors know them; the programme groups speakers in that order by
day and by session ("Förmiddag: Europa och regionerna"), as consecutive speakers with
the same day and session name.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class ProgrammeSlot(models.Model):
    """When a speaker speaks and on what; every field optional, so a speaker list without
    times (an older conference) stays valid."""

    talk_title = models.CharField(
        _("föredragets titel"),
        max_length=255,
        blank=True,
        help_text=_("Visas i programmet, till exempel ”Smart specialisering i Baskien”."),
    )
    start_time = models.TimeField(
        _("börjar kl."), null=True, blank=True, help_text=_("Till exempel 09:30.")
    )
    end_time = models.TimeField(_("slutar kl."), null=True, blank=True, help_text=_("Valfritt."))
    day = models.DateField(
        _("dag"),
        null=True,
        blank=True,
        help_text=_("Bara för konferenser över flera dagar. Tomt: konferensens första dag."),
    )
    session = models.CharField(
        _("programpass"),
        max_length=255,
        blank=True,
        help_text=_(
            "Talare i följd med samma pass visas tillsammans under passets namn, "
            "till exempel ”Förmiddag: Europa och regionerna”."
        ),
    )

    slot_panels = [
        FieldPanel("talk_title"),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time"), FieldPanel("day")]),
        FieldPanel("session"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.end_time and not self.start_time:
            raise ValidationError({"start_time": _("Ange när talet börjar, inte bara slutar.")})
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("Talet måste sluta efter att det börjar.")})


@dataclass
class Slot:
    """One row of the programme: the speaker and, when given, aware start and end times."""

    speaker: object
    start: datetime.datetime | None = None
    end: datetime.datetime | None = None


@dataclass
class Session:
    title: str
    slots: list = field(default_factory=list)


@dataclass
class ProgrammeDay:
    date: datetime.date
    sessions: list = field(default_factory=list)


def _at(day, time):
    if time is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, time))


def build_programme(conference, speakers):
    """[ProgrammeDay] for `speakers` (in programme order) of `conference`.

    In: a ConferencePage and its speakers, already fetched (no queries here).
    Out: days in the order they first appear, each with its sessions in order; a
    session's title is "" where editors gave none. Empty list without speakers.
    """
    first_day = timezone.localtime(conference.start).date() if conference.start else None
    days = []
    for speaker in speakers:
        day = speaker.day or first_day
        if not days or days[-1].date != day:
            days.append(ProgrammeDay(day))
        sessions = days[-1].sessions
        if not sessions or sessions[-1].title != speaker.session:
            sessions.append(Session(speaker.session))
        sessions[-1].slots.append(
            Slot(speaker, _at(day, speaker.start_time), _at(day, speaker.end_time))
        )
    return days


def has_times(programme):
    """True when any slot has a start time: the programme is then shown as a schedule."""
    return any(slot.start for day in programme for s in day.sessions for slot in s.slots)


#: The names programme_context gives the template.
PROGRAMME_CONTEXT = ("programme", "programme_has_times", "programme_days")


def programme_context(conference, speakers):
    """The conference page's programme: {"programme": [ProgrammeDay], "programme_has_times",
    "programme_days" (more than one day)}."""
    programme = build_programme(conference, speakers)
    return {
        "programme": programme,
        "programme_has_times": has_times(programme),
        "programme_days": len({day.date for day in programme}) > 1,
    }
