from functools import partial

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.fields import introduction_field, optional_link, phone_field
from core.models.pages import BasePage
from search.text import in_search_form

SHORTCOMING_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]

# DIGG's form for reporting a public body that does not follow the accessibility law.
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"


class AccessibilityStatementPage(BasePage):
    """Tillgänglighetsredogörelse: the statement the law on accessible public digital
    services (2018:1937) requires, with the parts DIGG's model statement asks for:
    compliance status, known shortcomings, how and when the site was assessed, how to
    report a problem, and how to complain to DIGG."""

    class Compliance(models.TextChoices):
        FULL = "full", _("Helt förenlig med lagen")
        PARTIAL = "partial", _("Delvis förenlig med lagen")
        NONE = "none", _("Inte förenlig med lagen")

    class AssessmentMethod(models.TextChoices):
        SELF = "self", _("Egen granskning (självskattning)")
        THIRD_PARTY = "third_party", _("Granskning av extern part")

    introduction = introduction_field(
        _("Vem som står bakom webbplatsen och vad redogörelsen gäller.")
    )
    compliance_status = models.CharField(
        _("förenlighet med lagen"),
        max_length=20,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
        help_text=_(
            "Hur väl webbplatsen uppfyller lagen om tillgänglighet till digital offentlig "
            "service. Delvis förenlig om det finns kända brister."
        ),
    )
    known_shortcomings = RichTextField(
        _("kända brister"),
        features=SHORTCOMING_FEATURES,
        blank=True,
        help_text=_(
            "Innehåll som inte är tillgängligt: beskriv varje brist, vilket WCAG-kriterium "
            "den gäller och när den ska vara åtgärdad."
        ),
    )
    disproportionate_burden = RichTextField(
        _("oskäligt betungande anpassning"),
        features=SHORTCOMING_FEATURES,
        blank=True,
        help_text=_(
            "Valfritt. Brister som myndigheten bedömt som oskäligt betungande att åtgärda."
        ),
    )
    out_of_scope = RichTextField(
        _("innehåll som inte omfattas av lagen"),
        features=SHORTCOMING_FEATURES,
        blank=True,
        help_text=_("Valfritt. Till exempel dokument publicerade före 23 september 2018."),
    )
    assessment_method = models.CharField(
        _("granskningsmetod"),
        max_length=20,
        choices=AssessmentMethod.choices,
        default=AssessmentMethod.SELF,
    )
    assessment_description = models.TextField(
        _("hur webbplatsen granskades"),
        help_text=_("Vad som granskades och hur, så att besökaren kan bedöma redogörelsen."),
    )
    assessment_date = models.DateField(_("datum för granskningen"))
    website_published = models.DateField(
        _("webbplatsen publicerades"), null=True, blank=True, help_text=_("Valfritt.")
    )
    statement_prepared = models.DateField(_("redogörelsen upprättades"))
    statement_reviewed = models.DateField(
        _("redogörelsen uppdaterades senast"),
        help_text=_("Datum då redogörelsen senast sågs över."),
    )
    contact_email = models.EmailField(
        _("e-post för att rapportera brister"),
        blank=True,
    )
    contact_phone = phone_field(_("telefon för att rapportera brister"))
    feedback_page = optional_link(
        "wagtailcore.Page",
        _("sida för synpunkter"),
        _("Formuläret där besökare kan rapportera en brist."),
    )
    complaint_url = models.URLField(
        _("länk till DIGG:s anmälningsformulär"),
        default=DIGG_COMPLAINT_URL,
        help_text=_("Ändra bara om DIGG flyttar sitt formulär."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("compliance_status"),
        MultiFieldPanel(
            [
                FieldPanel("known_shortcomings"),
                FieldPanel("disproportionate_burden"),
                FieldPanel("out_of_scope"),
            ],
            heading=_("Innehåll som inte är tillgängligt"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("assessment_method"),
                FieldPanel("assessment_description"),
                FieldRowPanel([FieldPanel("assessment_date"), FieldPanel("website_published")]),
                FieldRowPanel([FieldPanel("statement_prepared"), FieldPanel("statement_reviewed")]),
            ],
            heading=_("Hur vi testat webbplatsen"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("feedback_page"),
                FieldPanel("complaint_url"),
            ],
            heading=_("Rapportera brister och tillsyn"),
        ),
    ]

    search_fields = in_search_form(Page.search_fields)

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1
    # Lists the documents that fail the accessibility check (core/frontend_cache.py).
    frontend_cache_lists_document_accessibility = True

    class Meta:
        verbose_name = _("tillgänglighetsredogörelse")
        verbose_name_plural = _("tillgänglighetsredogörelser")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the content is rendered, not when it comes from the render
        # cache (core/render_cache.py).
        context["inaccessible_documents"] = SimpleLazyObject(
            partial(inaccessible_documents, request)
        )
        return context

    def compliance_sentence(self):
        """The statement's sentence on compliance, worded as in DIGG's model statement."""
        return {
            self.Compliance.FULL: _(
                "Den här webbplatsen är helt förenlig med lagen om tillgänglighet till "
                "digital offentlig service."
            ),
            self.Compliance.PARTIAL: _(
                "Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till "
                "digital offentlig service, på grund av de brister som beskrivs nedan."
            ),
            self.Compliance.NONE: _(
                "Den här webbplatsen är inte förenlig med lagen om tillgänglighet till "
                "digital offentlig service. De brister vi känner till beskrivs nedan."
            ),
        }[self.compliance_status]

    def assessment_sentence(self):
        if self.assessment_method == self.AssessmentMethod.THIRD_PARTY:
            return _("Webbplatsen har granskats av en extern part.")
        return _("Vi har själva granskat webbplatsen (självskattning).")


def inaccessible_documents(request):
    """The documents visitors can open that failed the accessibility check, by title:
    the statement must name content that is not accessible (DIGG's model statement).
    One query for the documents, plus the fixed queries of core/privacy.py."""
    from core.privacy import may_see_document
    from documents.models import AgencyDocument

    documents = (
        AgencyDocument.objects.inaccessible()
        .public()
        .select_related("collection")
        .order_by("title")
    )
    return [document for document in documents if may_see_document(request, document)]
