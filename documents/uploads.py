"""Checks that an uploaded file is what its name says, before it is stored.

Wagtail already limits extensions and sizes. It trusts the contents: a web page
renamed ``rapport.pdf`` or a program renamed ``tabell.xlsx`` would be stored and
offered to visitors as a report. These checks look at the first bytes and the
structure of the file (never unpacking it) and raise a ``ValidationError`` with a
message an editor can act on. Images have their own checks: documents/image_uploads.py.
"""

import codecs
import os
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from documents.files import file_type_for, open_pdf
from documents.pdf_scripts import pdf_runs_something

# What each OOXML format keeps inside its ZIP: the package index and its main folder.
OOXML_MAIN_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OPENDOCUMENT_MIMETYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
TEXT_EXTENSIONS = {"csv", "txt"}
# Excel's macros live in this part. A .docx/.xlsx/.pptx must not carry them.
MACRO_PART = "vbaProject.bin"
CHUNK_SIZE = 1024 * 1024


def extension_of(name):
    return os.path.splitext(name or "")[1].lstrip(".").lower()


def mismatch_error(extension):
    return ValidationError(
        _(
            "Filens innehåll stämmer inte med filnamnet: den slutar på .%(extension)s "
            "men är ingen %(format)s-fil. Kontrollera att du valt rätt fil, eller spara "
            "den på nytt som %(format)s i programmet du skapade den i."
        ),
        code="content_mismatch",
        params={"extension": extension, "format": file_type_for(f"x.{extension}")},
    )


def check_document_contents(uploaded_file):
    """Raise ValidationError unless the file's contents match its extension.

    Extensions outside the checked formats are left to Wagtail's own validation.
    """
    extension = extension_of(uploaded_file.name)
    uploaded_file.seek(0)
    try:
        if extension == "pdf":
            check_pdf(uploaded_file, extension)
        elif extension in OOXML_MAIN_FOLDERS:
            check_ooxml(uploaded_file, extension)
        elif extension in OPENDOCUMENT_MIMETYPES:
            check_opendocument(uploaded_file, extension)
        elif extension in TEXT_EXTENSIONS:
            check_text(uploaded_file, extension)
    finally:
        uploaded_file.seek(0)


def check_pdf(fileobj, extension):
    """A PDF must start like one, open without a password, and run nothing.

    A PDF with a user password (ISO 32000-2, 7.6.4) opens for nobody without it, so
    visitors could not read it. A PDF with JavaScript or a launch action would have the
    visitor's PDF reader run it, and so would a file too damaged to search that names
    one or could hide one (documents/pdf_scripts.py). Any other reading problem is no
    reason to refuse the file: it is stored with what could be read (documents/files.py).
    """
    if not fileobj.read(5) == b"%PDF-":
        raise mismatch_error(extension)
    fileobj.seek(0)
    _reader, _problems, needs_password = open_pdf(fileobj)
    if needs_password:
        raise ValidationError(
            _(
                "PDF-filen är skyddad med ett lösenord som krävs för att öppna den, så "
                "besökarna skulle inte kunna läsa den. Spara en version utan "
                "öppningslösenord och ladda upp den igen."
            ),
            code="pdf_password",
        )
    if pdf_runs_something(fileobj):
        raise ValidationError(
            _(
                "PDF-filen innehåller skript eller kommandon som startar program "
                "(JavaScript, startåtgärder), som besökarnas PDF-läsare skulle köra. "
                "Spara en version utan skript, till exempel med Skriv ut › Spara som PDF, "
                "och ladda upp den igen."
            ),
            code="pdf_script",
        )


ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError)


def check_ooxml(fileobj, extension):
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = archive.namelist()
    except ZIP_ERRORS:
        raise mismatch_error(extension) from None
    main_folder = OOXML_MAIN_FOLDERS[extension]
    if "[Content_Types].xml" not in names or not any(n.startswith(main_folder) for n in names):
        raise mismatch_error(extension)
    if any(os.path.basename(name) == MACRO_PART for name in names):
        raise ValidationError(
            _(
                "Filen innehåller makron, som inte får publiceras. Spara den utan makron "
                "(som vanlig .%(extension)s) och ladda upp den igen."
            ),
            code="macros",
            params={"extension": extension},
        )


def check_opendocument(fileobj, extension):
    try:
        with zipfile.ZipFile(fileobj) as archive:
            # The format stores its type, uncompressed, in a tiny "mimetype" entry.
            info = archive.getinfo("mimetype")
            if info.file_size > 200:
                raise mismatch_error(extension)
            mimetype = archive.read(info).decode("ascii").strip()
    except (*ZIP_ERRORS, KeyError):  # UnicodeDecodeError is a ValueError
        raise mismatch_error(extension) from None
    if mimetype != OPENDOCUMENT_MIMETYPES[extension]:
        raise mismatch_error(extension)


def check_text(fileobj, extension):
    """Plain text: no NUL bytes, and readable as UTF-8 or as Windows-1252.

    Swedish Excel saves CSV as Windows-1252 by default; both are accepted. Binary
    files contain NUL bytes almost at once, and fail the decoders as well.
    """
    utf8 = codecs.getincrementaldecoder("utf-8")()
    cp1252 = codecs.getincrementaldecoder("cp1252")()
    utf8_ok = cp1252_ok = True
    while chunk := fileobj.read(CHUNK_SIZE):
        if b"\x00" in chunk:
            raise mismatch_error(extension)
        if utf8_ok:
            try:
                utf8.decode(chunk)
            except UnicodeDecodeError:
                utf8_ok = False
        if cp1252_ok:
            try:
                cp1252.decode(chunk)
            except UnicodeDecodeError:
                cp1252_ok = False
        if not (utf8_ok or cp1252_ok):
            raise mismatch_error(extension)
    try:
        if utf8_ok:
            utf8.decode(b"", final=True)
    except UnicodeDecodeError:
        utf8_ok = False
    if not (utf8_ok or cp1252_ok):
        raise mismatch_error(extension)
