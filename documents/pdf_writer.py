"""A small, dependency-free writer of real, readable PDFs for the demo content.

The demo attachments must open in any reader, run to several pages, carry a title
on the first page, and hold extractable text (search reads it). A few hundred bytes
of PDF syntax do that; no PDF library is needed at run time.
"""

import textwrap
from dataclasses import dataclass, field

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 72
WRAP_AT = 86


@dataclass
class PdfPage:
    heading: str
    paragraphs: list[str] = field(default_factory=list)


def _pdf_string(text):
    encoded = text.encode("cp1252", errors="replace")
    escaped = encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + escaped + b")"


def _pdf_text_string(text):
    """A text string for the document information dictionary (ISO 32000-2, 7.9.2.2):
    UTF-16BE with a byte order mark, which every reader decodes the same way (cp1252
    bytes would be read as PDFDocEncoding, turning "–" into "Œ"). A lone surrogate,
    which no text encoding can hold, becomes "?"."""
    encoded = text.encode("utf-16-be", errors="replace")
    return b"<" + (b"\xfe\xff" + encoded).hex().upper().encode() + b">"


def _content_stream(page, number, total, title, subtitle):
    ops = [b"BT"]
    y = PAGE_HEIGHT - MARGIN

    def line(text, font, size, gap):
        nonlocal y
        ops.append(b"/%s %d Tf" % (font, size))
        ops.append(b"1 0 0 1 %d %d Tm" % (MARGIN, y))
        ops.append(_pdf_string(text) + b" Tj")
        y -= gap

    if number == 1:
        for title_line in textwrap.wrap(title, 40):
            line(title_line, b"F2", 22, 30)
        y -= 6
        for subtitle_line in textwrap.wrap(subtitle, 70):
            line(subtitle_line, b"F1", 13, 19)
        y -= 20
    line(page.heading, b"F2", 15, 24)
    for paragraph in page.paragraphs:
        for text_line in textwrap.wrap(paragraph, WRAP_AT):
            line(text_line, b"F1", 11, 16)
        y -= 10
    ops.append(b"/F1 9 Tf")
    ops.append(b"1 0 0 1 %d %d Tm" % (MARGIN, 40))
    ops.append(_pdf_string(f"{title}  –  sida {number} av {total}") + b" Tj")
    ops.append(b"ET")
    return b"\n".join(ops)


def build_pdf(title, subtitle, pages, language="sv-SE", author="Tillväxtverket"):
    """Return the bytes of a PDF with one page per PdfPage, the title large on the first."""
    objects = {}
    page_ids = []
    first_page_id = 5
    for index, page in enumerate(pages, start=1):
        page_id = first_page_id + (index - 1) * 2
        content_id = page_id + 1
        page_ids.append(page_id)
        stream = _content_stream(page, index, len(pages), title, subtitle)
        objects[content_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, content_id)
        )
    info_id = first_page_id + len(pages) * 2
    objects[1] = (
        b"<< /Type /Catalog /Pages 2 0 R /Lang "
        + _pdf_string(language)
        + b" /ViewerPreferences << /DisplayDocTitle true >> >>"
    )
    kids = b" ".join(b"%d 0 R" % page_id for page_id in page_ids)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    for font_id, font in ((3, b"Helvetica"), (4, b"Helvetica-Bold")):
        objects[font_id] = (
            b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % font
        )
    objects[info_id] = (
        b"<< /Title " + _pdf_text_string(title) + b" /Author " + _pdf_text_string(author) + b" >>"
    )

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for object_id in sorted(objects):
        offsets[object_id] = len(output)
        output += b"%d 0 obj\n%s\nendobj\n" % (object_id, objects[object_id])
    xref_at = len(output)
    count = max(objects) + 1
    output += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for object_id in range(1, count):
        output += b"%010d 00000 n \n" % offsets[object_id]
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        count,
        info_id,
        xref_at,
    )
    return bytes(output)
