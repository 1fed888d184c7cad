"""Lättläst: a topic explained in easy-to-read Swedish.

The constraints shown to editors come from Myndigheten för tillgänglig media (MTM),
"Skriva lättläst" (https://www.mtm.se/lattlast/), and DIGG's web guidelines on
easy-to-read text (https://www.digg.se/webbriktlinjer, "Erbjud lättläst")."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.fields import optional_link
from core.models.pages import BasePage
from language_versions.forms import EasyReadCopyForm
from search.text import in_search_form

from .base import PLAIN_TEXT_FEATURES, LanguageVersionIndexPage, PlainTextSummaryMixin

EASY_READ_GUIDANCE = _(
    "Skriv lättläst: korta meningar, en tanke i varje mening. Använd vanliga ord och "
    "inga förkortningar. Förklara svåra ord första gången de kommer. Skriv direkt till "
    "läsaren (du). Dela upp texten med mellanrubriker och listor. Råd: Myndigheten för "
    "tillgänglig media, Skriva lättläst, och DIGG:s webbriktlinjer om lättläst."
)


class EasyReadIndexPage(LanguageVersionIndexPage):
    """Lättläst: the list of every easy-to-read page, linked from the site header."""

    subpage_types = ["language_versions.EasyReadPage"]

    class Meta:
        verbose_name = _("samlingssida för lättläst")
        verbose_name_plural = _("samlingssidor för lättläst")

    def child_model(self):
        return EasyReadPage


class EasyReadPage(PlainTextSummaryMixin, BasePage):
    """One topic area in easy-to-read Swedish, linked from the topic page it explains."""

    topic = optional_link(
        "pages.TopicPage",
        _("ämnessida"),
        _(
            "Ämnessidan som den här texten förklarar. Ämnessidan får en länk hit, och den "
            "här sidan länkar tillbaka."
        ),
    )
    body = RichTextField(
        _("text"),
        features=PLAIN_TEXT_FEATURES,
        help_text=EASY_READ_GUIDANCE,
    )

    content_panels = [
        FieldPanel(
            "title",
            help_text=_(
                "Rubriken med vanliga ord, utan förkortningar. Till exempel: Om smart "
                "specialisering."
            ),
        ),
        FieldPanel("topic"),
        FieldPanel("body"),
    ]
    search_fields = in_search_form([*Page.search_fields, index.SearchField("body")])

    parent_page_types = ["language_versions.EasyReadIndexPage"]
    subpage_types = []
    serve_select_related = ("topic",)
    copy_form_class = EasyReadCopyForm

    class Meta:
        verbose_name = _("lättläst sida")
        verbose_name_plural = _("lättlästa sidor")

    def clean(self):
        """One published easy-to-read page per topic page: the topic page links to the
        live one that chooses it (templatetags easy_read_link), so a second live one
        would make that link a guess. Only *another live* page counts: this page's own
        drafts and revisions are this page (its pk), and an unpublished page (an
        editor's copy, a draft never published) is linked from nowhere, so it never
        blocks saving or publishing the page visitors read. A new or copied page that
        chooses a topic whose easy-to-read page is live is refused at once, before
        anyone publishes it."""
        super().clean()
        if self.topic_id is None:
            return
        others = EasyReadPage.objects.live().filter(topic_id=self.topic_id)
        if self.pk is not None:
            others = others.exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(
                {"topic": _("Ämnessidan har redan en lättläst sida. Välj en annan ämnessida.")}
            )

    def live_page_for_topic_exists(self):
        """Whether a live easy-to-read page (this one included) chooses this page's topic."""
        return EasyReadPage.objects.live().filter(topic_id=self.topic_id).exists()
