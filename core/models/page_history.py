"""Honest dates and states on content pages: when a page was published, when it last
changed in a way readers should know about, what changed, and whether it is withdrawn.

As GOV.UK does it (govuk_publishing_components' "metadata" and "published dates"): every
publish is either a *significant change*, with a public change note shown in the page's
change history and a new "Senast uppdaterad" date, or a *minor correction* (typos,
links), which leaves both alone. The editor decides with the "Väsentlig ändring" box and
the "Ändringsnotis" text in the "Publicering" panel; the note is recorded when the
revision is published, however it is published (the publish button, a workflow
approval, scheduled publishing: all go through ``Revision.publish`` and its
``page_published`` signal), and the box and text are then cleared for the next edit.

A withdrawn page (*inaktuell*) stays at its address as a public record, with a banner
giving the date, the reason and what replaces it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.models import Page

from core.fields import optional_link
from core.seo import schema_datetime


class PageHistoryMixin(models.Model):
    significant_change = models.BooleanField(
        _("väsentlig ändring"),
        default=False,
        help_text=_(
            "Kryssa i om ändringen påverkar läsaren: datumet ”Senast uppdaterad” ändras och "
            "ändringsnotisen visas på sidan. Lämna tomt för små rättelser (stavfel, länkar)."
        ),
    )
    change_note = models.TextField(
        _("ändringsnotis"),
        blank=True,
        max_length=500,
        help_text=_(
            "Visas för besökarna i sidans ändringshistorik, t.ex. ”Talarlistan uppdaterad”."
        ),
    )
    last_significant_change_at = models.DateTimeField(
        _("senast väsentligt ändrad"), null=True, blank=True, editable=False
    )
    withdrawn_at = models.DateField(
        _("inaktuell sedan"),
        null=True,
        blank=True,
        help_text=_("Fyll i för att märka sidan som inaktuell. Den finns kvar på sin adress."),
    )
    withdrawn_reason = models.TextField(
        _("varför sidan är inaktuell"),
        blank=True,
        help_text=_("Visas i en ruta överst på sidan."),
    )
    replaced_by = optional_link(
        "wagtailcore.Page",
        _("ersatt av"),
        _("Sidan som besökaren ska läsa i stället."),
    )

    history_panels = [
        MultiFieldPanel(
            [FieldPanel("significant_change"), FieldPanel("change_note")],
            heading=_("Publicering"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("withdrawn_at"),
                FieldPanel("withdrawn_reason"),
                PageChooserPanel("replaced_by"),
            ],
            heading=_("Inaktuell sida"),
        ),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.significant_change and not self.change_note.strip():
            raise ValidationError(
                {"change_note": _("Skriv en ändringsnotis: den visas för besökarna.")}
            )

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    def history_structured_data(self):
        """schema.org CreativeWork properties for the page's dates and state: published,
        last significantly modified, and ``creativeWorkStatus: "Withdrawn"`` with
        ``expires`` when withdrawn (https://schema.org/creativeWorkStatus)."""
        data = {}
        if self.first_published_at:
            data["datePublished"] = schema_datetime(self.first_published_at)
        changed = self.last_significant_change_at or self.first_published_at
        if changed:
            data["dateModified"] = schema_datetime(changed)
        if self.is_withdrawn:
            data["creativeWorkStatus"] = "Withdrawn"
            data["expires"] = self.withdrawn_at.isoformat()
        return data

    def get_structured_data(self, request, site_settings):
        """The page as a schema.org WebPage with its dates and state (core/seo.py)."""
        return {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": self.title,
            "url": self.get_full_url(request),
            "inLanguage": translation.get_language() or "sv",  # the page's (core/i18n.py)
            **self.history_structured_data(),
        }

    @property
    def updated_at(self):
        """The date of the last significant change, or None when there has been none."""
        return self.last_significant_change_at


class ChangeNote(models.Model):
    """One significant change of a page, as its readers are told about it."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sida"),
        on_delete=models.CASCADE,
        related_name="change_notes",
    )
    revision = models.OneToOneField(
        "wagtailcore.Revision",
        verbose_name=_("version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("publicerad"), default=timezone.now)
    note = models.TextField(_("ändringsnotis"))

    class Meta:
        verbose_name = _("ändringsnotis")
        verbose_name_plural = _("ändringsnotiser")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.note


def withdrawn_last(hits, request=None):
    """The hits with withdrawn (inaktuella) pages moved to the end, each group in its
    order: still findable, never ahead of current pages. The withdrawn pages come from
    the structure cache (core/structure_cache.py ``withdrawn_page_ids``), the list every
    other place asks."""
    from core.structure_cache import withdrawn_page_ids

    withdrawn = withdrawn_page_ids(request) if hits else ()
    if not withdrawn:
        return hits
    return [h for h in hits if h.page_id not in withdrawn] + [
        h for h in hits if h.page_id in withdrawn
    ]


def record_change_note(sender, instance, revision=None, **kwargs):
    """``page_published`` receiver: keep the published revision's change note when the
    editor marked the change as significant (not on the first publish: that date is
    "Publicerad"), clear the box and text for the next edit (in the page row and the
    published revision, which the edit form starts from), and set "Senast uppdaterad"
    from the recorded notes, so an older draft published later cannot turn it back."""
    if not isinstance(instance, PageHistoryMixin):
        return
    note = instance.change_note.strip()
    first_publish = instance.first_published_at == instance.last_published_at
    recorded = revision is not None and ChangeNote.objects.filter(revision=revision).exists()
    if instance.significant_change and note and not first_publish and not recorded:
        ChangeNote.objects.create(
            page=instance,
            revision=revision,
            published_at=instance.last_published_at or timezone.now(),
            note=note,
        )
    latest = ChangeNote.objects.filter(page=instance).aggregate(latest=Max("published_at"))
    updates = {
        "significant_change": False,
        "change_note": "",
        "last_significant_change_at": latest["latest"],
    }
    type(instance).objects.filter(pk=instance.pk).update(**updates)
    for name, value in updates.items():
        setattr(instance, name, value)
    if revision is not None:
        revision.content.update(
            significant_change=False,
            change_note="",
            last_significant_change_at=latest["latest"].isoformat() if latest["latest"] else None,
        )
        revision.save(update_fields=["content"])


def page_tabs(content_panels, *tabs):
    """The editor's tabs of a page with a history: "Innehåll" (`content_panels`), the page
    type's own tabs (`tabs`: (panels, heading) pairs), then "Publicering" (history_panels),
    "Marknadsföring" and "Inställningar" (Wagtail's promote and settings panels)."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Innehåll")),
            *(ObjectList(panels, heading=heading) for panels, heading in tabs),
            ObjectList(PageHistoryMixin.history_panels, heading=_("Publicering")),
            ObjectList(Page.promote_panels, heading=_("Marknadsföring")),
            ObjectList(Page.settings_panels, heading=_("Inställningar")),
        ]
    )
