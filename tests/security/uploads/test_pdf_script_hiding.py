"""Scripts hidden where a reader's own limits could keep a search from them: beside huge
arrays, at the end of deep nesting or of many objects, in compressed object streams, in
a later revision of the file (incremental update, ISO 32000-2 7.5.6), in an object
nothing refers to, behind ``#``-escaped names (7.3.5), or in a file too damaged to read.
Each is found (documents/pdf_scripts.py); ordinary PDFs, however large, are not
refused, nor is a damaged file that names no script."""

import io
import re

import pikepdf
import pytest

from demo import content
from documents.factories import pdf_bytes
from documents.pdf_scripts import pdf_runs_something
from documents.pdf_writer import build_pdf
from tests.pdf_files import CONTENT, PAGE, large_pdf, pdf_with_garbage, raw_pdf
from tests.security.uploads.upload_files import Document, assert_refused, upload_document

JS = b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"
CATALOGUE = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def runs(data):
    return pdf_runs_something(io.BytesIO(data))


def script_action(pdf):
    return pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))


def saved(change, **save):
    """pdf_bytes() changed by ``change(pdf)`` and saved with ``save`` options."""
    with pikepdf.open(io.BytesIO(pdf_bytes())) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out, **save)
    return out.getvalue()


def in_huge_array(pdf):
    """The action written inside an array, after 300,000 numbers."""
    pdf.Root.Zpadding = pikepdf.Array([0] * 300_000 + [script_action(pdf)])


def after_huge_array_of_references(pdf):
    """A page's actions after a 250,000-element array of references to one object."""
    pdf.Root.Zpadding = pikepdf.Array([pdf.pages[0].obj] * 250_000)
    pdf.pages[0].obj.AA = pikepdf.Dictionary(O=pdf.make_indirect(script_action(pdf)))


def after_many_objects(pdf):
    """The open action is the last of a chain of 20,000 objects, each /Next to the next."""
    action = pdf.make_indirect(script_action(pdf))
    for _ in range(20_000):
        action = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.URI, Next=action))
    pdf.Root.OpenAction = action


def deeply_nested(pdf):
    """The action inside 400 arrays written one inside the other."""
    value = script_action(pdf)
    for _ in range(400):
        value = pikepdf.Array([value])
    pdf.Root.Znested = value


def launch_in_object_stream(pdf):
    pdf.Root.OpenAction = pdf.make_indirect(
        pikepdf.Dictionary(S=pdf.make_indirect(pikepdf.Name.Launch), F=pikepdf.String("cmd"))
    )


HIDING = [
    pytest.param(saved(in_huge_array), id="inside-a-huge-array"),
    pytest.param(saved(after_huge_array_of_references), id="after-huge-array-of-references"),
    pytest.param(saved(after_many_objects), id="after-many-objects"),
    pytest.param(saved(deeply_nested), id="deep-nesting"),
    pytest.param(
        saved(launch_in_object_stream, object_stream_mode=pikepdf.ObjectStreamMode.generate),
        id="object-stream-launch",
    ),
    pytest.param(
        saved(in_huge_array, object_stream_mode=pikepdf.ObjectStreamMode.generate),
        id="object-stream-huge-array",
    ),
    pytest.param(
        raw_pdf({1: CATALOGUE, 2: PAGES, 3: PAGE, 4: CONTENT, 5: JS}), id="unreferenced-object"
    ),
    pytest.param(
        raw_pdf(
            {
                1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Java#53cript >> >>",
                2: PAGES,
                3: PAGE,
                4: CONTENT,
            }
        ),
        id="escaped-name",
    ),
]


@pytest.mark.parametrize("data", HIDING)
def test_script_hidden_past_a_readers_limits_is_found(data):
    assert runs(data) is True


def incremental_update(base, objects, freed=()):
    """``base`` with a later revision appended that adds or replaces ``objects``
    ({number: body}) and deletes the objects numbered in ``freed``, as a PDF editor
    saving changes writes it (7.5.6)."""
    previous = int(re.findall(rb"startxref\s+(\d+)", base)[-1])
    size = int(re.findall(rb"/Size (\d+)", base)[-1])
    out = bytearray(base)
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n"
    for number, offset in sorted(offsets.items()):
        out += b"%d 1\n%010d 00000 n \n" % (number, offset)
    for number in freed:
        out += b"%d 1\n0000000000 00001 f \n" % number
    size = max(size, *(number + 1 for number in objects))
    out += b"trailer\n<< /Size %d /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        previous,
        xref,
    )
    return bytes(out)


BASE = raw_pdf({1: CATALOGUE, 2: PAGES, 3: PAGE, 4: CONTENT})


@pytest.mark.parametrize(
    "objects",
    [
        pytest.param(
            {1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>", 5: JS},
            id="open-action-added",
        ),
        pytest.param(
            {3: PAGE.replace(b">>", b"/AA << /O << /S /Launch /F (cmd) >> >> >>")},
            id="page-replaced-with-launch",
        ),
        pytest.param({5: JS}, id="unreferenced-object-added"),
    ],
)
def test_script_added_in_a_later_revision_is_found(objects):
    assert runs(BASE) is False
    assert runs(incremental_update(BASE, objects)) is True


def test_script_removed_in_a_later_revision_is_not_refused():
    """A reader reads the newest revision: a script an editor removed runs no more."""
    with_script = incremental_update(
        BASE, {1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>", 5: JS}
    )

    assert runs(incremental_update(with_script, {1: CATALOGUE}, freed=[5])) is False


def with_web_links(pages=50, links=20):
    """Pages full of ordinary links to web pages (URI actions, 12.6.4.8)."""

    def add(pdf):
        for page in pdf.pages[:pages]:
            page.obj.Annots = pdf.make_indirect(
                pikepdf.Array(
                    pikepdf.Dictionary(
                        Type=pikepdf.Name.Annot,
                        Subtype=pikepdf.Name.Link,
                        Rect=pikepdf.Array([0, n, 100, n + 10]),
                        A=pikepdf.Dictionary(
                            S=pikepdf.Name.URI,
                            URI=pikepdf.String(f"https://tillvaxtverket.se/sida-{n}?q=/JS"),
                        ),
                    )
                    for n in range(links)
                )
            )

    with pikepdf.open(io.BytesIO(large_pdf(pages))) as pdf:
        add(pdf)
        out = io.BytesIO()
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(build_pdf(*content.presentation_pdf("Anna", "Region")), id="demo-1"),
        pytest.param(build_pdf(*content.summary_pdf(), language="en-GB"), id="demo-2"),
        pytest.param(build_pdf(*content.strategy_pdf()), id="demo-3"),
        pytest.param(with_web_links(), id="web-links-in-object-streams"),
        pytest.param(saved(lambda pdf: None, compress_streams=True), id="pikepdf-resaved"),
        pytest.param(BASE, id="hand-written"),
    ],
)
def test_ordinary_pdf_runs_nothing(data):
    assert runs(data) is False


# --- Files too damaged for qpdf to open (documents/pdf_scripts.py docstring) -------------

SCRIPT = "PDF-filen innehåller skript eller kommandon som startar program"
NOISE = pdf_with_garbage()


@pytest.mark.parametrize(
    "tail",
    [
        pytest.param(b"5 0 obj << /S /JavaScript /JS (app.alert(1)) >>", id="javascript"),
        pytest.param(b"<< /OpenAction << /S /Launch /F (cmd) >> >>", id="launch"),
        pytest.param(b"<< /S /Java#53cript /J#53 (x) >>", id="escaped-names"),
        pytest.param(b"7 0 obj << /Type /ObjStm /N 3 /First 12 >> stream\nx\x9c", id="objstm"),
        pytest.param(b"trailer << /Encrypt 9 0 R >>", id="encrypted"),
    ],
)
def test_unreadable_pdf_naming_or_hiding_a_script_is_refused(admin_client, media_before, tail):
    response = upload_document(admin_client, "rapport.pdf", NOISE + tail)

    assert_refused(response, SCRIPT, media_before, Document)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(NOISE, id="noise"),
        pytest.param(NOISE + b"<< /S /URI /URI (https://tillvaxtverket.se/) >>", id="web-link"),
        pytest.param(BASE[: len(BASE) // 2], id="truncated"),
    ],
)
def test_unreadable_pdf_naming_no_script_is_stored(admin_client, data):
    response = upload_document(admin_client, "rapport.pdf", data)

    assert response.status_code == 302
    assert Document.objects.count() == 1


def test_repaired_pdf_is_searched_as_repaired_and_as_written():
    """qpdf repairs a file whose cross-reference table is wrong; a script in it is found
    whether or not qpdf's repair reaches it."""
    data = raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",
            2: PAGES,
            3: PAGE,
            4: CONTENT,
            5: JS,
        }
    )
    # Written on the line of the object before: qpdf's repair does not reach it.
    beside = BASE.replace(b"endobj\nxref", b"endobj 5 0 obj " + JS + b" endobj\nxref")

    assert runs(wrong_offsets(data)) is True
    assert runs(wrong_offsets(beside)) is True
    assert runs(wrong_offsets(BASE)) is False


def wrong_offsets(data):
    """``data`` with every cross-reference entry pointing at the wrong byte."""
    return re.sub(rb"\d{10} 00000 n", b"0000000001 00000 n", data)


def test_pdf_with_more_objects_than_are_searched_counts_as_running_something(monkeypatch):
    """As before the move to pikepdf: a file too large to search to the end is refused."""
    data = pdf_bytes()  # about twenty objects
    assert runs(data) is False

    monkeypatch.setattr("documents.pdf_scripts.MAX_OBJECTS", 10)

    assert runs(data) is True


def test_object_with_more_values_than_are_searched_counts_as_running_something(monkeypatch):
    """An object naming /JS (here in a string) is looked into value by value, within a
    budget: one with more values than that is refused rather than searched on."""
    data = saved(lambda pdf: setattr(pdf.Root, "Zlist", pikepdf.Array(["/JS"] + [0] * 1000)))
    assert runs(data) is False

    monkeypatch.setattr("documents.pdf_scripts.MAX_VALUES", 500)

    assert runs(data) is True
