"""Whether a PDF meets the basic machine-checkable accessibility requirements.

The checks are the ones a screen reader user notices first, from PDF/UA-1 (ISO 14289-1,
7.1 and 7.18) and WCAG 2.1 techniques PDF1–PDF20 as DIGG and the EU's EN 301 549
(clause 10) apply them to documents:

- **tagged**: the catalogue has a structure tree (``/StructTreeRoot``) and says so in
  ``/MarkInfo << /Marked true >>`` (ISO 32000-2, 14.7 and 14.8; WCAG PDF9, PDF4);
- **title**: the document information or XMP metadata carries a title and the reader is
  told to show it as the window title (``/ViewerPreferences << /DisplayDocTitle true >>``,
  ISO 32000-2, 12.2; WCAG PDF18);
- **language**: the catalogue declares the natural language (``/Lang``, ISO 32000-2,
  14.9.2; WCAG PDF16);
- **text**: the pages hold extractable text, not only scanned images (WCAG 1.1.1 and
  PDF7: a scan needs OCR).

``check_pdf_accessibility(fileobj, text=...)`` reads the file with pikepdf (qpdf) and
returns a ``PdfAccessibility``; it never raises for a broken or encrypted file: the
result then says the file could not be checked.
"""

from dataclasses import dataclass, field

import pikepdf
from django.utils.translation import gettext_lazy as _

# The checks, in the order the editor is told about them, with what to do when one fails.
CHECKS = {
    "tagged": _(
        "Dokumentet saknar taggar, så skärmläsare kan inte läsa rubriker, listor och "
        "tabeller. Exportera PDF-filen med taggar (i Word: Spara som PDF › Alternativ › "
        "Dokumentstrukturtaggar för hjälpmedel)."
    ),
    "title": _(
        "Dokumentet saknar titel, eller visar filnamnet i stället för titeln. Fyll i "
        "titeln i dokumentets egenskaper och välj att visa dokumenttiteln i fönstret "
        "(Acrobat: Dokumentegenskaper › Inledande vy › Visa: Dokumenttitel)."
    ),
    "language": _(
        "Dokumentet anger inte vilket språk det är skrivet på, så skärmläsare kan läsa "
        "upp det med fel uttal. Ange språket i dokumentets egenskaper (Acrobat: "
        "Dokumentegenskaper › Avancerat › Språk) eller i Word innan du exporterar."
    ),
    "text": _(
        "Dokumentet har ingen text som går att läsa ut; det är troligen inskannat. Låt "
        "texten tolkas (OCR) eller exportera dokumentet från originalet."
    ),
}

# The checks' names in the document list ("Saknar: taggar, språk").
SHORT_NAMES = {
    "tagged": _("taggar"),
    "title": _("titel som visas"),
    "language": _("språk"),
    "text": _("läsbar text"),
}

UNCHECKED = _(
    "Tillgängligheten kunde inte kontrolleras eftersom filen inte gick att läsa som PDF "
    "(trasig eller krypterad). Spara filen på nytt som PDF utan lösenord och byt ut den."
)


@dataclass
class PdfAccessibility:
    """The outcome of the checks: ``checked`` is False when the file could not be read
    (every flag is then False); ``failures`` lists the names of the failed checks
    (keys of ``CHECKS``)."""

    checked: bool = False
    tagged: bool = False
    title: bool = False
    language: bool = False
    text: bool = False
    failures: list = field(default_factory=list)

    @property
    def passed(self):
        return self.checked and not self.failures


def _is_true(value):
    try:
        return bool(value)
    except (TypeError, ValueError):
        return False


def _has_title(pdf):
    try:
        title = str(pdf.docinfo.get("/Title", "") or "").strip()
    except (pikepdf.PdfError, ValueError, TypeError):
        title = ""
    if not title:
        try:
            with pdf.open_metadata() as meta:
                title = str(meta.get("dc:title", "") or "").strip()
        except Exception:  # noqa: BLE001 - broken XMP is a missing title, not an error
            title = ""
    preferences = pdf.Root.get("/ViewerPreferences")
    shows_title = isinstance(preferences, pikepdf.Dictionary) and _is_true(
        preferences.get("/DisplayDocTitle", False)
    )
    return bool(title) and shows_title


def _is_tagged(pdf):
    mark_info = pdf.Root.get("/MarkInfo")
    marked = isinstance(mark_info, pikepdf.Dictionary) and _is_true(mark_info.get("/Marked", False))
    return marked and isinstance(pdf.Root.get("/StructTreeRoot"), pikepdf.Dictionary)


def _declares_language(pdf):
    language = pdf.Root.get("/Lang")
    return isinstance(language, pikepdf.String) and bool(str(language).strip())


def check_pdf_accessibility(fileobj, text=""):
    """Check the PDF in the binary file object ``fileobj`` (read from its start, left
    wherever reading ends). ``text`` is the text already extracted from it (pypdf, see
    documents/files.py); whitespace alone counts as no text.

    Returns a ``PdfAccessibility``; a file pikepdf cannot open (broken, not a PDF,
    password needed) gives ``checked=False``.
    """
    fileobj.seek(0)
    try:
        with pikepdf.open(fileobj) as pdf:
            result = PdfAccessibility(
                checked=True,
                tagged=_is_tagged(pdf),
                title=_has_title(pdf),
                language=_declares_language(pdf),
                text=bool((text or "").strip()),
            )
    except (pikepdf.PdfError, pikepdf.PasswordError, ValueError, TypeError, RuntimeError):
        return PdfAccessibility()
    result.failures = [name for name in CHECKS if not getattr(result, name)]
    return result


def advice_for(failures):
    """The editor's Swedish sentences (lazy strings) for the failed checks' names."""
    return [CHECKS[name] for name in failures if name in CHECKS]
