"""What a visitor needs to know about a file before opening it.

Computed once, when a document is uploaded or replaced, and kept on the document:
the file type, the page count for PDFs and the PDF's text (which search indexes).
"""

import logging
import os

from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

# Extension -> the name a visitor recognises.
FILE_TYPE_NAMES = {
    "pdf": "PDF",
    "docx": "Word",
    "doc": "Word",
    "xlsx": "Excel",
    "xls": "Excel",
    "pptx": "PowerPoint",
    "ppt": "PowerPoint",
    "odt": "OpenDocument-text",
    "ods": "OpenDocument-kalkylblad",
    "odp": "OpenDocument-presentation",
    "csv": "CSV",
    "txt": "Text",
}

# Text kept for search: enough for long reports, bounded so a huge file cannot bloat the row.
MAX_EXTRACTED_TEXT = 500_000


def file_type_for(filename):
    extension = os.path.splitext(filename)[1].lstrip(".").lower()
    return FILE_TYPE_NAMES.get(extension, extension.upper())


def read_pdf(fileobj):
    """Return (page_count, text) of a PDF; (None, "") when it cannot be read."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(fileobj)
        pages = reader.pages
        page_count = len(pages)
        chunks, length = [], 0
        for page in pages:
            text = page.extract_text() or ""
            chunks.append(text)
            length += len(text)
            if length >= MAX_EXTRACTED_TEXT:
                break
        return page_count, "\n".join(chunks)[:MAX_EXTRACTED_TEXT]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        logger.warning("Could not read PDF: %s", error)
        return None, ""


def human_file_size(size):
    """A size as Swedish readers write it: "1,2 MB" (non-breaking space)."""
    if size is None:
        return ""
    with translation.override("sv"):
        return str(filesizeformat(size))


def describe_document(document):
    """ "PDF, 1,2 MB, 12 sidor": the text shown with every link to a document."""
    parts = [document.file_type or file_type_for(document.file.name)]
    size = human_file_size(document.file_size)
    if size:
        parts.append(size)
    if document.page_count:
        parts.append(
            ngettext("%(count)d sida", "%(count)d sidor", document.page_count)
            % {"count": document.page_count}
        )
    return ", ".join(parts)


def language_name(code):
    from .models.documents import DOCUMENT_LANGUAGES

    return dict(DOCUMENT_LANGUAGES).get(code, code)


def describe_language(document):
    """ "på engelska" for a document not in Swedish; empty for Swedish ones."""
    if not document.language or document.language == "sv":
        return ""
    return _("på %(language)s") % {"language": language_name(document.language).lower()}
