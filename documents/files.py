"""What a visitor needs to know about a file before opening it.

Computed once, when a document is uploaded or replaced, and kept on the document:
the file type, the page count for PDFs and the PDF's text (which search indexes).
"""

import contextlib
import logging
import os
import re
import time
from dataclasses import dataclass, field

from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

logger = logging.getLogger(__name__)

# Extension -> the name a visitor (and an editor told of a mismatch) recognises: the
# site's one table of file types (documents/uploads.py checks uploads against it too).
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


# C0 and C1 control characters: never part of a title.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")

UNREADABLE_PDF = gettext_lazy(
    "Filen kunde inte läsas som PDF. Den är sparad, men antal sidor och text saknas, så "
    "innehållet går inte att söka fram. Spara filen på nytt som PDF och byt ut den."
)
UNREADABLE_ENCRYPTION = gettext_lazy(
    "PDF-filen är krypterad på ett sätt som inte kunde läsas. Den är sparad, men antal "
    "sidor och text saknas, så innehållet går inte att söka fram."
)
UNREADABLE_PAGES = gettext_lazy(
    "PDF-filens sidor kunde inte läsas (sidstrukturen är trasig eller för stor). Den är "
    "sparad, men antal sidor och text saknas, så innehållet går inte att söka fram."
)
OWNER_PASSWORD = gettext_lazy(
    "PDF-filen är låst med ett ägarlösenord. Den går att öppna, men kan hindra utskrift, "
    "kopiering och skärmläsare. Publicera helst en olåst version."
)


def file_type_for(filename):
    """The file type a visitor recognises (str, e.g. "PDF") from a file name's extension;
    an unknown extension in capitals, "" without one."""
    extension = os.path.splitext(filename)[1].lstrip(".").lower()
    return FILE_TYPE_NAMES.get(extension, extension.upper())


@dataclass
class PdfReading:
    """What could be read from a PDF, and what could not.

    ``problems`` are Swedish sentences for the editor, one per thing that could not be
    read; ``needs_password`` is true when the PDF cannot be opened without a user
    password (ISO 32000-2, 7.6.4), so visitors could not open it either.
    """

    page_count: int | None = None
    text: str = ""
    title: str = ""
    problems: list = field(default_factory=list)
    needs_password: bool = False


def open_pdf(fileobj):
    """Return a pypdf reader with any encryption opened with the empty user password,
    and the problems met; the reader is None when the file cannot be read at all.

    Any encryption (RC4, AES-128, AES-256) with only an owner password opens with the
    empty user password (ISO 32000-2, 7.6.4.3); pypdf needs ``cryptography`` for AES.
    """
    from pypdf import PasswordType, PdfReader

    problems = []
    try:
        reader = PdfReader(fileobj)
    except Exception as error:  # noqa: BLE001 - any file an editor can upload
        logger.warning("Could not read PDF: %s", error)
        return None, [UNREADABLE_PDF], False
    if not reader.is_encrypted:
        return reader, problems, False
    try:
        opened = reader.decrypt("")
    except Exception as error:  # noqa: BLE001 - unsupported or broken encryption
        logger.warning("Could not decrypt PDF: %s", error)
        return None, [UNREADABLE_ENCRYPTION], False
    if opened == PasswordType.NOT_DECRYPTED:
        return None, problems, True
    problems.append(OWNER_PASSWORD)
    return reader, problems, False


def read_pdf_file(fileobj, time_limit=None):
    """Read a PDF's page count, text and title as far as the file allows.

    Never raises: a PDF that is encrypted, damaged or built to exhaust a reader gives
    what could be read and a problem for each part that could not. Text extraction
    stops at ``MAX_EXTRACTED_TEXT`` characters or after ``time_limit`` seconds
    (``PDF_TEXT_TIME_LIMIT``), so an upload never nears the worker timeout.
    """
    from django.conf import settings

    if time_limit is None:
        time_limit = getattr(settings, "PDF_TEXT_TIME_LIMIT", 10)
    reader, problems, needs_password = open_pdf(fileobj)
    reading = PdfReading(problems=problems, needs_password=needs_password)
    if reader is None:
        return reading
    reading.title = pdf_title(reader)
    try:
        pages = reader.pages
        reading.page_count = len(pages)
    except Exception as error:  # noqa: BLE001 - a damaged or hostile page tree
        logger.warning("Could not read the pages of a PDF: %s", error)
        reading.problems.append(UNREADABLE_PAGES)
        return reading
    deadline = time.monotonic() + time_limit
    chunks, length, failed, read = [], 0, 0, 0
    for index in range(reading.page_count):
        if length >= MAX_EXTRACTED_TEXT or time.monotonic() > deadline:
            break
        read += 1
        try:
            text = pages[index].extract_text() or ""
        except Exception as error:  # noqa: BLE001 - one broken page spoils no other
            logger.warning("Could not read the text of a PDF page: %s", error)
            failed += 1
            continue
        chunks.append(text)
        length += len(text)
    reading.text = "\n".join(chunks)[:MAX_EXTRACTED_TEXT]
    if failed:
        reading.problems.append(
            ngettext(
                "Texten på %(failed)d av %(total)d sidor kunde inte läsas och går inte att "
                "söka fram.",
                "Texten på %(failed)d av %(total)d sidor kunde inte läsas och går inte att "
                "söka fram.",
                failed,
            )
            % {"failed": failed, "total": reading.page_count}
        )
    if read < reading.page_count:
        reading.problems.append(
            _(
                "Filen är så stor att bara texten på de första %(read)d av %(total)d sidorna "
                "lästes in. Resten av texten går inte att söka fram."
            )
            % {"read": read, "total": reading.page_count}
        )
    return reading


def title_is_file_name(title, file_name):
    """True when ``title`` is only the file's name, as Wagtail fills it in on upload
    ("rapport_2024" for rapport_2024.pdf, with or without the extension, or with the
    suffix storage adds to a name already taken)."""
    base = os.path.basename(file_name or "")
    stem = os.path.splitext(base)[0]
    names = {base, stem, re.sub(r"_[A-Za-z0-9]{7}$", "", stem)}
    title = slugify((title or "").replace("_", "-"))
    return not title or title in {slugify(name.replace("_", "-")) for name in names}


def pdf_title(reader):
    """The PDF's own title: the document information /Title, else XMP dc:title
    (ISO 32000-2, 14.3); "" when it has none or it cannot be read."""
    candidates = []
    # A damaged information dictionary or XMP packet only means no title from it.
    with contextlib.suppress(Exception):
        candidates.append((reader.metadata or {}).get("/Title"))
    with contextlib.suppress(Exception):
        titles = reader.xmp_metadata.dc_title or {}
        candidates.append(titles.get("x-default") or next(iter(titles.values()), None))
    for candidate in candidates:
        title = " ".join(CONTROL_CHARACTERS.sub(" ", str(candidate or "")).split())
        if title:
            return title[:255]
    return ""


def human_file_size(size):
    """A size as readers of the page's language write it: "1,2 MB" in Swedish, "1.2 MB"
    in English (non-breaking space); Swedish outside a public page's language."""
    if size is None:
        return ""
    language = translation.get_language()
    with translation.override(language if language in ("sv", "en") else "sv"):
        return str(filesizeformat(size))


def describe_document(document):
    """ "PDF, 1,2 MB, 12 sidor": the text shown with every link to a document."""
    parts = [file_type_for(document.file.name or "")]
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
    from .models import DOCUMENT_LANGUAGES

    return dict(DOCUMENT_LANGUAGES).get(code, code)


def describe_language(document):
    """ "på engelska" for a document not in the page's language ("in Swedish" on an English
    page); empty for one in the page's language (Swedish when none is active)."""
    current = translation.get_language() or "sv"
    if not document.language or document.language == current[:2]:
        return ""
    name = str(language_name(document.language))
    # Swedish writes language names in lower case, English capitalises them.
    name = name.lower() if current.startswith("sv") else name
    return _("på %(language)s") % {"language": name}
