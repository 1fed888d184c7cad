from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from documents.files import (
    describe_document,
    describe_language,
    file_type_for,
    read_pdf_file,
    title_is_file_name,
)
from search.text import in_search_form

DOCUMENT_LANGUAGES = [
    ("sv", _("Svenska")),
    ("en", _("Engelska")),
    ("fi", _("Finska")),
    ("se", _("Nordsamiska")),
    ("de", _("Tyska")),
    ("fr", _("Franska")),
]


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

    @property
    def description(self):
        return describe_document(self)

    @property
    def language_description(self):
        return describe_language(self)

    @property
    def hreflang(self):
        return "" if self.language == "sv" else self.language
