"""Hostile uploads through the admin: every one gets a clear form error, never a 500,
and leaves nothing behind (no document or image row, no file in MEDIA_ROOT)."""

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from documents.factories import pdf_bytes
from tests.pdf_files import (
    ENCRYPTION_ALGORITHMS,
    encrypted_pdf,
    pdf_with_cyclic_page_tree,
    pdf_with_damaged_xref,
    pdf_with_deep_page_tree,
    pdf_with_garbage,
    pdf_with_many_page_references,
)

Document = get_document_model()
Image = get_image_model()

MISMATCH = "Filens innehåll stämmer inte med filnamnet"
BROKEN_IMAGE = "Bilden kunde inte läsas"


# --- files, made here ----------------------------------------------------------------


def zip_bytes(entries, stored_first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first:
            archive.writestr(zipfile.ZipInfo(stored_first[0]), stored_first[1])
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="urn:x"/>'


def docx_bytes(extra=None):
    return zip_bytes(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "word/document.xml": "<w:document/>",
            **(extra or {}),
        }
    )


def xlsx_bytes():
    return zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": "<workbook/>"})


def opendocument_bytes(mimetype):
    return zip_bytes({"content.xml": "<office:document-content/>"}, ("mimetype", mimetype))


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width, height):
    """A tiny PNG file whose header claims width x height pixels (a decompression bomb
    if anything decoded it: its data stream is just a few bytes)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def image_bytes(image_format="JPEG", size=(320, 240)):
    image = PILImage.effect_noise(size, 64).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, image_format)
    return buffer.getvalue()


# --- helpers -----------------------------------------------------------------------------


def files_in_media():
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def upload_document(client, name, content, title="Rapport"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "language": "sv",
        },
    )


def upload_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Bild",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.fixture
def media_before(db):
    return files_in_media()


def assert_refused(response, message, media_before, model):
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "<form" in response.content.decode()
    assert not model.objects.exists()
    assert files_in_media() == media_before


# --- documents ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("rapport.pdf", b"<html><script>alert(1)</script></html>", id="html-as-pdf"),
        pytest.param("rapport.pdf", b"MZ\x90\x00" + b"\x00" * 200, id="program-as-pdf"),
        pytest.param("rapport.docx", b"MZ\x90\x00" + b"\x00" * 200, id="program-as-docx"),
        pytest.param("rapport.docx", zip_bytes({"a.txt": "x"}), id="plain-zip-as-docx"),
        pytest.param("tabell.xlsx", docx_bytes(), id="word-as-xlsx"),
        pytest.param("tabell.xlsx", pdf_bytes(), id="pdf-as-xlsx"),
        pytest.param("bilder.pptx", xlsx_bytes(), id="excel-as-pptx"),
        pytest.param(
            "text.odt",
            opendocument_bytes("application/vnd.oasis.opendocument.spreadsheet"),
            id="spreadsheet-as-odt",
        ),
        pytest.param("text.odt", docx_bytes(), id="docx-as-odt"),
        pytest.param("kalkyl.ods", b"PK\x03\x04broken", id="broken-zip-as-ods"),
        pytest.param("data.csv", b"namn;antal\n\x00\x01\x02\x03", id="binary-as-csv"),
        pytest.param("data.csv", image_bytes("PNG"), id="image-as-csv"),
        pytest.param("readme.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", id="jpeg-as-txt"),
    ],
)
def test_document_whose_contents_are_not_what_its_name_says_is_refused(
    admin_client, media_before, name, content
):
    response = upload_document(admin_client, name, content)

    assert_refused(response, MISMATCH, media_before, Document)


def test_refusal_names_the_format_the_editor_expected(admin_client, media_before):
    response = upload_document(admin_client, "rapport.pdf", b"<html></html>")

    assert "slutar på .pdf men är ingen PDF-fil" in response.content.decode()


def test_office_file_with_macros_is_refused(admin_client, media_before):
    content = docx_bytes({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"})

    response = upload_document(admin_client, "beslut.docx", content)

    assert_refused(response, "Filen innehåller makron", media_before, Document)


@pytest.mark.parametrize(
    "name", ["sida.html", "bild.svg", "program.exe", "skript.js", "rapport.pdf.html", "arkiv.zip"]
)
def test_document_of_a_format_the_agency_does_not_publish_is_refused(
    admin_client, media_before, name
):
    response = upload_document(admin_client, name, b"<svg onload=alert(1)>")

    assert response.status_code == 200
    assert "errorlist" in response.content.decode() or "error-message" in response.content.decode()
    assert not Document.objects.exists()
    assert files_in_media() == media_before


def test_document_over_the_size_limit_is_refused(admin_client, media_before, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024

    response = upload_document(admin_client, "stor.pdf", pdf_bytes() + b"%" * 2048)

    assert response.status_code == 200
    assert not Document.objects.exists()
    assert files_in_media() == media_before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rapport.pdf", pdf_bytes()),
        ("beslut.docx", docx_bytes()),
        ("tabell.xlsx", xlsx_bytes()),
        ("text.odt", opendocument_bytes("application/vnd.oasis.opendocument.text")),
        ("kalkyl.ods", opendocument_bytes("application/vnd.oasis.opendocument.spreadsheet")),
        ("data.csv", "län;företag\nNorrbotten;1 200\n".encode()),
        ("data-excel.csv", "län;företag\nSkåne;3 400\n".encode("cp1252")),
        ("läsmig.txt", "Hej från Tillväxtverket.\n".encode("utf-8-sig")),
    ],
)
def test_genuine_agency_documents_are_accepted(admin_client, name, content):
    response = upload_document(admin_client, name, content)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Document.objects.count() == 1


def test_multiple_upload_refuses_a_disguised_file_too(admin_client, media_before):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("rapport.pdf", b"<html><body>nej</body></html>"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False
    assert MISMATCH in data["error_message"]
    assert not Document.objects.exists()
    assert files_in_media() == media_before


def test_replacing_a_document_file_with_a_disguised_one_keeps_the_old_file(admin_client):
    upload_document(admin_client, "rapport.pdf", pdf_bytes())
    document = Document.objects.get()
    original = document.file.name

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Rapport",
            "file": SimpleUploadedFile("rapport.pdf", b"<script>alert(1)</script>"),
            "collection": document.collection_id,
            "language": "sv",
        },
    )

    assert response.status_code == 200
    assert MISMATCH in response.content.decode()
    document.refresh_from_db()
    assert document.file.name == original
    assert document.file.read(5) == b"%PDF-"


def test_hostile_file_name_is_made_safe_on_disk_and_in_the_download(admin_client, client):
    name = "../../etc/<script>alert(1)</script> rapport åäö.pdf"

    response = upload_document(admin_client, name, pdf_bytes())

    assert response.status_code == 302
    document = Document.objects.get()
    stored = document.file.name
    assert stored.startswith("documents/")
    assert ".." not in stored
    assert "<" not in stored and ">" not in stored and " " not in stored
    assert stored.count("/") == 1
    assert (
        (Path(settings.MEDIA_ROOT) / stored)
        .resolve()
        .is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    )
    download = client.get(document.url)
    assert download.status_code == 200
    disposition = download["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "<" not in disposition and "/" not in disposition.split("filename", 1)[1]
    b"".join(download.streaming_content)


# --- images ------------------------------------------------------------------------------


def test_svg_image_is_refused(admin_client, media_before):
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
    )

    response = upload_image(admin_client, "logo.svg", svg)

    # Wagtail's message lists the formats that are allowed; SVG is not among them.
    assert_refused(response, "GIF, JPG, JPEG, PNG, WEBP", media_before, Image)


def test_decompression_bomb_image_gets_a_form_error(admin_client, media_before):
    # 100 000 x 100 000 pixels declared in a file of under 100 bytes.
    response = upload_image(admin_client, "bomb.png", png_declaring(100_000, 100_000))

    assert_refused(response, "Bilden har för många bildpunkter", media_before, Image)


def test_image_just_under_pillows_bomb_limit_is_refused_before_it_is_decoded(
    admin_client, media_before
):
    # 13 000 x 13 000 = 169 megapixels: Pillow only warns below 179, and Wagtail's own
    # check would decode all of it (some 500 MB) before comparing with the limit.
    response = upload_image(admin_client, "nastan.png", png_declaring(13_000, 13_000))

    assert_refused(response, "(13000 × 13000)", media_before, Image)


def test_image_with_more_pixels_than_allowed_gets_a_form_error(admin_client, media_before):
    # 8000 x 6000 = 48 megapixels: under Pillow's own bomb limit, over ours (40).
    response = upload_image(admin_client, "stor.png", png_declaring(8000, 6000))

    assert_refused(response, "Bilden har för många bildpunkter (8000 × 6000)", media_before, Image)
    assert "Största tillåtna är 40 megapixel" in response.content.decode()


def test_truncated_jpeg_is_refused_at_upload(admin_client, media_before):
    whole = image_bytes("JPEG", (640, 480))

    response = upload_image(admin_client, "halv.jpg", whole[: len(whole) // 2])

    assert_refused(response, BROKEN_IMAGE, media_before, Image)


def test_png_with_corrupt_data_is_refused_at_upload(admin_client, media_before):
    # A real header and a data stream that is not zlib at all.
    header = struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)
    broken = (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", b"this is not compressed image data")
        + png_chunk(b"IEND", b"")
    )

    response = upload_image(admin_client, "trasig.png", broken)

    assert_refused(response, BROKEN_IMAGE, media_before, Image)


def test_image_whose_name_lies_about_its_format_is_refused(admin_client, media_before):
    response = upload_image(admin_client, "foto.jpg", image_bytes("PNG"))

    assert response.status_code == 200
    assert not Image.objects.exists()
    assert files_in_media() == media_before


def test_genuine_photo_is_accepted_and_its_thumbnail_renders(admin_client):
    response = upload_image(admin_client, "foto.jpg", image_bytes("JPEG"))

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.get_rendition("max-165x165").width == 165


def test_multiple_image_upload_refuses_a_truncated_image(admin_client, media_before):
    whole = image_bytes("JPEG", (640, 480))

    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile("halv.jpg", whole[: len(whole) // 3]),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert BROKEN_IMAGE in response.json()["error_message"]
    assert not Image.objects.exists()
    assert files_in_media() == media_before


# --- PDFs that cannot be fully read ------------------------------------------------------


def upload_pdf_and_follow(client, content, name="rapport.pdf", title="Rapport"):
    response = upload_document(client, name, content, title=title)
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"])


def warnings_shown(response):
    return [str(m) for m in response.context["messages"] if m.level_tag == "warning"]


@pytest.mark.parametrize("algorithm", ENCRYPTION_ALGORITHMS)
def test_pdf_encrypted_with_only_an_owner_password_is_stored_with_its_text(admin_client, algorithm):
    """The issue's input: two pages, owner password only, AES-128 (a 500 before)."""
    page = upload_pdf_and_follow(admin_client, encrypted_pdf(algorithm))

    document = Document.objects.get()
    assert document.page_count == 2
    assert "Text på sida 1." in document.text
    assert any("ägarlösenord" in warning for warning in warnings_shown(page))


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_that_needs_a_password_to_open_gets_a_swedish_form_error(
    admin_client, media_before, algorithm
):
    response = upload_document(
        admin_client, "rapport.pdf", encrypted_pdf(algorithm, user_password="hemligt")
    )

    assert_refused(response, "PDF-filen är skyddad med ett lösenord", media_before, Document)


@pytest.mark.parametrize(
    ("make_pdf", "told"),
    [
        pytest.param(pdf_with_garbage, "kunde inte läsas som PDF", id="garbage-after-header"),
        pytest.param(pdf_with_cyclic_page_tree, "sidor kunde inte läsas", id="cyclic-page-tree"),
        pytest.param(pdf_with_deep_page_tree, "sidor kunde inte läsas", id="deep-page-tree"),
        pytest.param(pdf_with_many_page_references, "sidor kunde inte läsas", id="huge-page-tree"),
    ],
)
def test_pdf_that_cannot_be_fully_read_is_stored_and_the_editor_is_told(
    admin_client, make_pdf, told
):
    page = upload_pdf_and_follow(admin_client, make_pdf())

    document = Document.objects.get()
    assert document.file.read(5) == b"%PDF-"
    assert document.page_count is None
    assert any(told in warning for warning in warnings_shown(page)), warnings_shown(page)


def test_pdf_with_a_damaged_cross_reference_table_is_read_all_the_same(admin_client):
    page = upload_pdf_and_follow(admin_client, pdf_with_damaged_xref(pages=2))

    document = Document.objects.get()
    assert document.page_count == 2
    assert "Text på sida 1." in document.text
    assert warnings_shown(page) == []


def test_text_past_the_reading_time_is_left_out_and_the_editor_is_told(admin_client, settings):
    settings.PDF_TEXT_TIME_LIMIT = 0

    page = upload_pdf_and_follow(admin_client, pdf_bytes("Rapport", pages=3))

    document = Document.objects.get()
    assert document.page_count == 3
    assert any("bara texten på de första 0 av 3" in w for w in warnings_shown(page))


def test_readable_pdf_brings_no_warning(admin_client):
    page = upload_pdf_and_follow(admin_client, pdf_bytes("Rapport", pages=2))

    assert warnings_shown(page) == []


def test_multiple_upload_shows_what_could_not_be_read_beside_the_file(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("rapport.pdf", encrypted_pdf("AES-128")),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    data = response.json()
    assert data["success"] is True
    assert "ägarlösenord" in data["form"]
    assert Document.objects.get().page_count == 2


def test_multiple_upload_refuses_a_pdf_that_needs_a_password(admin_client, media_before):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("rapport.pdf", encrypted_pdf(user_password="x")),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    data = response.json()
    assert data["success"] is False
    assert "lösenord" in data["error_message"]
    assert not Document.objects.exists()
    assert files_in_media() == media_before
