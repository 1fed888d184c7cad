"""Hostile document uploads through the admin: every one gets a clear form error, never a
500, and leaves nothing behind (no document row, no file in MEDIA_ROOT). Images:
test_image_uploads.py; PDFs that cannot be fully read: test_unreadable_pdf_uploads.py."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection

from documents.factories import pdf_bytes
from tests.security.uploads.upload_files import (
    MISMATCH,
    Document,
    assert_refused,
    docx_bytes,
    files_in_media,
    image_bytes,
    opendocument_bytes,
    upload_document,
    xlsx_bytes,
    zip_bytes,
)

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


def test_hostile_file_name_is_made_safe_on_disk_and_in_the_download(admin_client):
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
    # The editor checks the upload (no live page uses it yet: visitors get 404).
    download = admin_client.get(document.url)
    assert download.status_code == 200
    disposition = download["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "<" not in disposition and "/" not in disposition.split("filename", 1)[1]
    b"".join(download.streaming_content)
