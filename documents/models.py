from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document, DocumentQuerySet
from wagtail.search import index

from documents.files import (
    describe_document,
    describe_language,
    file_type_for,
    read_pdf_file,
    title_is_file_name,
)
from documents.pdf_accessibility import CHECKS, UNCHECKED, advice_for, check_pdf_accessibility
from search.text import in_search_form

DOCUMENT_LANGUAGES = [
    ("sv", _("Svenska")),
    ("en", _("Engelska")),
    ("fi", _("Finska")),
    ("se", _("Nordsamiska")),
    ("de", _("Tyska")),
    ("fr", _("Franska")),
]


ACCESSIBILITY_PASSED = "passed"
ACCESSIBILITY_FAILED = "failed"
ACCESSIBILITY_UNCHECKED = "unchecked"
ACCESSIBILITY_STATUSES = [
    (ACCESSIBILITY_PASSED, _("Klarar kontrollen")),
    (ACCESSIBILITY_FAILED, _("Brister i tillgänglighet")),
    (ACCESSIBILITY_UNCHECKED, _("Kunde inte kontrolleras")),
]


class AgencyDocumentQuerySet(DocumentQuerySet):
    def inaccessible(self):
        """Documents that failed the accessibility check or could not be checked."""
        return self.filter(accessibility_status__in=[ACCESSIBILITY_FAILED, ACCESSIBILITY_UNCHECKED])

    def public(self):
        """Documents a live page uses (documents/publicity.py)."""
        from documents.publicity import used_by_live_page

        return self.filter(used_by_live_page())


class AgencyDocument(AbstractDocument):
    """The agency's document: Wagtail's, plus what a visitor is told before opening it.

    File type, page count and text are derived from the file whenever it is uploaded
    or replaced (Wagtail calls ``_set_document_file_metadata`` on every such path:
    the single and multiple upload views and the edit form).
    """

    language = models.CharField(
        _("språk"),
        max_length=8,
        choices=DOCUMENT_LANGUAGES,
        default="sv",
        help_text=_("Dokument på andra språk än svenska märks med språket för besökaren."),
    )
    page_count = models.PositiveIntegerField(
        _("antal sidor"), null=True, blank=True, editable=False
    )
    text = models.TextField(_("text ur filen"), blank=True, editable=False)
    # The PDF accessibility check (documents/pdf_accessibility.py), redone when the file is
    # replaced. Empty status: not a PDF, nothing checked.
    accessibility_status = models.CharField(
        _("tillgänglighet"),
        max_length=16,
        choices=ACCESSIBILITY_STATUSES,
        blank=True,
        default="",
        editable=False,
        db_index=True,
    )
    accessibility_failures = models.JSONField(
        _("brister i tillgänglighet"), default=list, blank=True, editable=False
    )
    accessibility_checked_at = models.DateTimeField(
        _("tillgänglighet kontrollerad"), null=True, blank=True, editable=False
    )

    objects = AgencyDocumentQuerySet.as_manager()

    admin_form_fields = (*Document.admin_form_fields, "language")

    search_fields = in_search_form(
        [
            *AbstractDocument.search_fields,
            index.SearchField("text"),
            index.FilterField("language"),
        ]
    )

    class Meta(AbstractDocument.Meta):
        verbose_name = _("dokument")
        verbose_name_plural = _("dokument")

    def clean(self):
        """Wagtail's check of the file's extension, when there is a file to check.

        The multiple uploader's "uploaded document" step validates its form before it
        attaches the file (checked when it was uploaded): Wagtail's clean would then
        report an error on a field that form does not have, a server error.
        """
        if self.file:
            super().clean()

    @property
    def file_type(self):
        """What kind of file this is for a visitor ("PDF", "Word"), from the file's name."""
        return file_type_for(self.file.name or "")

    def _set_document_file_metadata(self):
        super()._set_document_file_metadata()
        self.page_count, self.text = None, ""
        # What could not be read from the file, for the editor (not stored).
        self.reading_problems = []
        if self.file_extension == "pdf":
            self.file.seek(0)
            reading = read_pdf_file(self.file)
            self.file.seek(0)
            self.page_count, self.text = reading.page_count, reading.text
            self.reading_problems = reading.problems
            # Wagtail fills the title in from the file name; the PDF's own title is better.
            if reading.title and title_is_file_name(self.title, self.file.name):
                self.title = reading.title
            self.file.seek(0)
            self.set_accessibility(check_pdf_accessibility(self.file, self.text))
            self.file.seek(0)
        else:
            self.accessibility_status, self.accessibility_failures = "", []
            self.accessibility_checked_at = None

    def set_accessibility(self, result):
        """Keep a ``PdfAccessibility`` result (documents/pdf_accessibility.py) on the document."""
        if not result.checked:
            self.accessibility_status = ACCESSIBILITY_UNCHECKED
        elif result.failures:
            self.accessibility_status = ACCESSIBILITY_FAILED
        else:
            self.accessibility_status = ACCESSIBILITY_PASSED
        self.accessibility_failures = list(result.failures)
        self.accessibility_checked_at = timezone.now()

    @property
    def is_inaccessible(self):
        """True for a document visitors may need in another format (failed or unreadable)."""
        return self.accessibility_status in (ACCESSIBILITY_FAILED, ACCESSIBILITY_UNCHECKED)

    @property
    def accessibility_advice(self):
        """What the editor should fix, as Swedish sentences (lazy strings)."""
        if self.accessibility_status == ACCESSIBILITY_UNCHECKED:
            return [UNCHECKED]
        return advice_for([name for name in self.accessibility_failures if name in CHECKS])

    @property
    def description(self):
        return describe_document(self)

    @property
    def language_description(self):
        return describe_language(self)

    @property
    def hreflang(self):
        """The document's language when it differs from the page's (Swedish by default)."""
        current = (translation.get_language() or "sv")[:2]
        return "" if self.language in ("", current) else self.language
