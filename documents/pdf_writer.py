"""A small, dependency-free writer of real, readable PDFs for the demo content.

The demo attachments must open in any reader, run to several pages, carry a title
on the first page, and hold extractable text (search reads it). They are accessible as
the site asks of every PDF (documents/pdf_accessibility.py): tagged, with a language and a
title shown as the window title. A few hundred bytes of PDF syntax do that; no PDF
library is needed at run time.
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
    """The page's drawing operators, each line marked as content of a structure element.

    Returns (stream bytes, [(tag, [mcid, ...]), ...]): the structure elements of the page
    in reading order, each with the marked-content ids of its lines (ISO 32000-2, 14.7.5).
    The running footer is an artifact, outside the structure (14.8.2.2).
    """
    ops = [b"BT"]
    elements = []  # [tag, [mcid, ...]] in reading order
    y = PAGE_HEIGHT - MARGIN
    mcid = 0

    def line(text, font, size, gap):
        nonlocal y, mcid
        tag, ids = elements[-1]
        ids.append(mcid)
        ops.append(b"/%s <</MCID %d>> BDC" % (tag, mcid))
        ops.append(b"/%s %d Tf" % (font, size))
        ops.append(b"1 0 0 1 %d %d Tm" % (MARGIN, y))
        ops.append(_pdf_string(text) + b" Tj")
        ops.append(b"EMC")
        mcid += 1
        y -= gap

    if number == 1:
        elements.append([b"H1", []])
        for title_line in textwrap.wrap(title, 40):
            line(title_line, b"F2", 22, 30)
        y -= 6
        elements.append([b"P", []])
        for subtitle_line in textwrap.wrap(subtitle, 70):
            line(subtitle_line, b"F1", 13, 19)
        y -= 20
    elements.append([b"H2", []])
    line(page.heading, b"F2", 15, 24)
    for paragraph in page.paragraphs:
        elements.append([b"P", []])
        for text_line in textwrap.wrap(paragraph, WRAP_AT):
            line(text_line, b"F1", 11, 16)
        y -= 10
    ops.append(b"/Artifact <</Type /Pagination>> BDC")
    ops.append(b"/F1 9 Tf")
    ops.append(b"1 0 0 1 %d %d Tm" % (MARGIN, 40))
    ops.append(_pdf_string(f"{title}  –  sida {number} av {total}") + b" Tj")
    ops.append(b"EMC")
    ops.append(b"ET")
    return b"\n".join(ops), [(tag, ids) for tag, ids in elements if ids]


def build_pdf(title, subtitle, pages, language="sv-SE", author="Tillväxtverket"):
    """Return the bytes of a PDF with one page per PdfPage, the title large on the first.

    The PDF is tagged (a structure tree of H1, H2 and P elements in reading order, the
    footer an artifact), declares ``language`` (a BCP 47 tag) and shows its title, kept as
    a UTF-16BE text string, as the window title: it passes documents/pdf_accessibility.py.
    """
    objects = {}
    page_ids = []
    page_elements = []
    first_page_id = 5
    for index, page in enumerate(pages, start=1):
        page_id = first_page_id + (index - 1) * 2
        content_id = page_id + 1
        page_ids.append(page_id)
        stream, elements = _content_stream(page, index, len(pages), title, subtitle)
        page_elements.append(elements)
        objects[content_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R "
            b"/StructParents %d /Tabs /S >>" % (PAGE_WIDTH, PAGE_HEIGHT, content_id, index - 1)
        )
    info_id = first_page_id + len(pages) * 2
    struct_root_id = info_id + 1
    objects.update(_structure_tree(struct_root_id, page_ids, page_elements))
    objects[1] = (
        b"<< /Type /Catalog /Pages 2 0 R /Lang "
        + _pdf_string(language)
        + b" /ViewerPreferences << /DisplayDocTitle true >>"
        + b" /MarkInfo << /Marked true >> /StructTreeRoot %d 0 R >>" % struct_root_id
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


def _structure_tree(root_id, page_ids, page_elements):
    """Objects of the structure tree (ISO 32000-2, 14.7.2): the root, its parent tree
    (which element each marked-content id of each page belongs to), one Document element
    and its H1/H2/P children. Numbered from ``root_id`` on."""
    parent_tree_id, document_id = root_id + 1, root_id + 2
    objects = {}
    next_id = document_id + 1
    children = []
    parent_tree = []
    for page_index, (page_id, elements) in enumerate(zip(page_ids, page_elements, strict=True)):
        by_mcid = []
        for tag, mcids in elements:
            element_id = next_id
            next_id += 1
            children.append(element_id)
            kids = b" ".join(b"%d" % mcid for mcid in mcids)
            objects[element_id] = b"<< /Type /StructElem /S /%s /P %d 0 R /Pg %d 0 R /K [%s] >>" % (
                tag,
                document_id,
                page_id,
                kids,
            )
            by_mcid += [element_id] * len(mcids)
        refs = b" ".join(b"%d 0 R" % element_id for element_id in by_mcid)
        parent_tree.append(b"%d [%s]" % (page_index, refs))
    objects[root_id] = b"<< /Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R " % (
        document_id,
        parent_tree_id,
    ) + b"/ParentTreeNextKey %d >>" % len(page_ids)
    objects[parent_tree_id] = b"<< /Nums [%s] >>" % b" ".join(parent_tree)
    kids = b" ".join(b"%d 0 R" % child for child in children)
    objects[document_id] = b"<< /Type /StructElem /S /Document /P %d 0 R /K [%s] >>" % (
        root_id,
        kids,
    )
    return objects
