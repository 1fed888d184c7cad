"""The page image: one picture an editor may give a topic, conference or strategy page.

Shown at the top of the page and on its cards, and used as the page's ``og:image``.
WCAG 2.1 SC 1.1.1 (Non-text Content): every image has a text alternative, or is marked
decorative and gets an empty one (``alt=""``) so screen readers skip it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from core.fields import optional_link

ALT_TEXT_REQUIRED = _(
    "Skriv en alternativtext som säger vad bilden visar, eller markera bilden som dekorativ."
)


class PageImageMixin(models.Model):
    """Adds ``image``, ``image_alt`` and ``image_decorative`` to a page type.

    ``clean()`` raises ``ValidationError`` on ``image_alt`` when an image is chosen with
    neither an alternative text nor the decorative mark; Wagtail's page form shows it
    beside the field and saves nothing.
    """

    image = optional_link(
        "wagtailimages.Image",
        _("bild"),
        _("Visas överst på sidan, på kort som länkar hit och när sidan delas."),
    )
    image_alt = models.CharField(
        _("alternativtext"),
        max_length=250,
        blank=True,
        help_text=_(
            "Vad bilden visar, för den som inte ser den (läses upp av skärmläsare). "
            "Högst en eller två meningar."
        ),
    )
    image_decorative = models.BooleanField(
        _("dekorativ bild"),
        default=False,
        help_text=_(
            "Kryssa i om bilden bara är utsmyckning och inte säger något som texten "
            "inte redan säger. Den får då ingen alternativtext."
        ),
    )

    image_panels = [
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("image_decorative")],
            heading=_("Bild"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_decorative and not self.image_alt.strip():
            raise ValidationError({"image_alt": ALT_TEXT_REQUIRED})

    @property
    def image_alt_text(self):
        """The ``alt`` attribute: "" for a decorative image, else the editor's text."""
        return "" if self.image_decorative else self.image_alt.strip()


def with_images(queryset):
    """`queryset` of pages with PageImageMixin, fetching each page's image and its
    renditions in two queries however many pages are listed (no query per card)."""
    return queryset.select_related("image").prefetch_related("image__renditions")
