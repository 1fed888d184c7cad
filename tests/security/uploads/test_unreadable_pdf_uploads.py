"""PDFs that cannot be fully read: encrypted, damaged or too slow to read. Each is stored
with what text could be read and the editor is told, or (a password to open) refused
with a Swedish form error; a readable PDF brings no warning."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
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
from tests.security.uploads.upload_files import (
    Document,
    assert_refused,
    files_in_media,
    upload_document,
)

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
