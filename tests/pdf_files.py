"""PDFs made in the tests: encrypted, damaged and hostile ones, written byte by byte
or with pypdf, so no test depends on a file checked into the repository."""

import io

from pypdf import PdfWriter

from documents.factories import pdf_bytes

# pypdf's names for the encryption a PDF can carry (ISO 32000-2, 7.6).
ENCRYPTION_ALGORITHMS = ["RC4-40", "RC4-128", "AES-128", "AES-256-R5", "AES-256"]


def encrypted_pdf(algorithm="AES-128", user_password="", owner_password="ägare", pages=2):
    """A readable PDF encrypted with ``algorithm``. With an empty user password anyone
    may open it (an "owner password only" PDF); with one, nobody can without it."""
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes("Hemlig rapport", pages)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def raw_pdf(objects, trailer=b"/Root 1 0 R"):
    """Bytes of a PDF made of ``objects`` ({number: body}), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in offsets:
            out += b"%010d 00000 n \n" % offsets[number]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (size, trailer, xref)
    return bytes(out)


PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
CONTENT = b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Sida med text) Tj ET\nendstream"


def pdf_with_many_page_references(count=200_000):
    """A small file whose page tree lists the same page ``count`` times."""
    kids = b" ".join([b"3 0 R"] * count)
    return raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
            3: PAGE,
            4: CONTENT,
        }
    )


def pdf_with_cyclic_page_tree():
    """A page tree whose node lists itself among its children (and claims a huge count)."""
    return raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 999999999 >>",
            3: PAGE,
            4: CONTENT,
        }
    )


def pdf_with_deep_page_tree(depth=5_000):
    """Page-tree nodes nested ``depth`` levels deep, one page at the bottom."""
    objects = {
        1: b"<< /Type /Catalog /Pages 5 0 R >>",
        3: PAGE.replace(b"2 0 R", b"%d 0 R" % (depth + 4)),
        4: CONTENT,
    }
    for level in range(depth):
        number = 5 + level
        parent = b"/Parent %d 0 R " % (number - 1) if level else b""
        child = b"%d 0 R" % (number + 1) if level < depth - 1 else b"3 0 R"
        objects[number] = b"<< /Type /Pages %s/Kids [%s] /Count 1 >>" % (parent, child)
    return raw_pdf(objects)


def pdf_with_damaged_xref(pages=2):
    """A readable PDF whose cross-reference table points at the wrong offsets."""
    data = pdf_bytes("Skadad rapport", pages)
    start = data.rindex(b"xref")
    table = data[start:].replace(b" 00000 n", b" 00000 n").split(b"\n")
    damaged = [
        b"0000000%03d 00000 n " % (7 * index) if line.endswith(b" n ") else line
        for index, line in enumerate(table)
    ]
    return data[:start] + b"\n".join(damaged)


def pdf_with_garbage():
    """Starts like a PDF, then nothing but noise."""
    return b"%PDF-1.7\n" + bytes(range(256)) * 64


def large_pdf(pages=300):
    """A report of ``pages`` pages with a realistic amount of text on each."""
    from documents.pdf_writer import PdfPage, build_pdf

    paragraph = (
        "Regional utveckling och smart specialisering: Tillväxtverket följer upp hur "
        "regionerna prioriterar sina styrkeområden och hur företagen deltar."
    )
    return build_pdf(
        "Stor rapport",
        "Årsredovisning",
        [PdfPage(f"Kapitel {n}", [paragraph] * 10) for n in range(pages)],
    )


XMP = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def pdf_with_xmp_title(title):
    """One page, no document information dictionary; the title only in XMP dc:title."""
    xmp = XMP.format(title=title).encode()
    return raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: PAGE,
            4: CONTENT,
            5: b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\nendstream"
            % (len(xmp), xmp),
        }
    )


def pdf_without(*parts, title="Rapport utan taggar", pages=2):
    """A readable PDF with its accessibility ``parts`` taken away: "tags" (structure
    tree and MarkInfo), "language" (/Lang), "title" (the document title) and
    "display_title" (DisplayDocTitle), as an export without those options gives."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf_bytes(title, pages))) as pdf:
        if "tags" in parts:
            del pdf.Root["/StructTreeRoot"]
            del pdf.Root["/MarkInfo"]
        if "language" in parts:
            del pdf.Root["/Lang"]
        if "title" in parts:
            del pdf.docinfo["/Title"]
        if "display_title" in parts:
            del pdf.Root["/ViewerPreferences"]
        buffer = io.BytesIO()
        pdf.save(buffer)
    return buffer.getvalue()


def pdf_without_text(pages=1):
    """A tagged PDF whose page shows nothing readable (as a scan without OCR is)."""
    return raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R /Lang (sv-SE) /MarkInfo << /Marked true >> "
            b"/StructTreeRoot 5 0 R /ViewerPreferences << /DisplayDocTitle true >> >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            4: b"<< /Length 23 >>\nstream\n0 0 m 100 100 l S\nendstream",
            5: b"<< /Type /StructTreeRoot /K [] >>",
            6: b"<< /Title (Inskannad rapport) >>",
        },
        trailer=b"/Root 1 0 R /Info 6 0 R",
    )
