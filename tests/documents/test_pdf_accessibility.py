"""The PDF accessibility check (pages/pdf_accessibility.py): what it finds, what the
editor is told at upload and in the document list, and that it is redone on replace."""

import io

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from documents.factories import pdf_bytes
from documents.pdf_accessibility import check_pdf_accessibility
from documents.pdf_writer import PdfPage, build_pdf
from tests.pdf_files import (
    encrypted_pdf,
    pdf_with_garbage,
    pdf_without,
    pdf_without_text,
)

Document = get_document_model()


def check(content, text="Text på sida 1."):
    return check_pdf_accessibility(io.BytesIO(content), text)


def test_demo_pdf_passes_every_check_and_keeps_its_title_in_a_valid_encoding():
    """The issue's input: the English summary's title with an en dash."""
    title = "Smart Specialisation – Summary of the National Conference"
    content = build_pdf(title, "Luleå 2018", [PdfPage("Summary", ["Text."])], language="en-GB")

    result = check(content)

    assert result.checked and result.failures == [] and result.passed
    with pikepdf.open(io.BytesIO(content)) as pdf:
        assert str(pdf.docinfo["/Title"]) == title
        assert str(pdf.Root.Lang) == "en-GB"
        assert pdf.Root.StructTreeRoot.K[0].S == "/Document"


@pytest.mark.parametrize(
    ("removed", "failure"),
    [
        (("tags",), "tagged"),
        (("language",), "language"),
        (("title",), "title"),
        (("display_title",), "title"),
    ],
)
def test_each_missing_part_fails_its_own_check(removed, failure):
    result = check(pdf_without(*removed))

    assert result.checked
    assert result.failures == [failure]


def test_pdf_without_readable_text_fails_the_text_check():
    content = pdf_without_text()

    assert check(content, text="").failures == ["text"]
    assert check(content, text="  \n").failures == ["text"]


@pytest.mark.parametrize(
    "content",
    [pdf_with_garbage(), b"%PDF-1.7\n", encrypted_pdf(user_password="hemligt")],
    ids=["garbage", "truncated", "user-password"],
)
def test_unreadable_pdf_is_reported_as_unchecked_without_raising(content):
    result = check(content)

    assert not result.checked
    assert not result.passed


def upload(client, content, name="rapport.pdf", title="Rapport"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "language": "sv",
        },
        follow=True,
    )


def warnings(response):
    return [str(m) for m in response.context["messages"] if m.level_tag == "warning"]


def test_untagged_pdf_upload_warns_the_editor_with_what_to_fix(admin_client):
    response = upload(admin_client, pdf_without("tags", "language"))

    assert response.status_code == 200
    shown = " ".join(warnings(response))
    assert "inte tillgänglig" in shown
    assert "saknar taggar" in shown
    assert "anger inte vilket språk" in shown
    document = Document.objects.get()
    assert document.accessibility_status == "failed"
    assert document.accessibility_failures == ["tagged", "language"]
    assert document.accessibility_checked_at is not None


def test_accessible_pdf_upload_brings_no_warning(admin_client):
    response = upload(admin_client, pdf_bytes("Rapport", pages=2))

    assert warnings(response) == []
    assert Document.objects.get().accessibility_status == "passed"


def test_broken_pdf_upload_is_stored_as_unchecked_never_a_server_error(admin_client):
    response = upload(admin_client, pdf_with_garbage())

    assert response.status_code == 200
    assert Document.objects.get().accessibility_status == "unchecked"
    assert any("kunde inte kontrolleras" in w for w in warnings(response))


def test_word_file_is_not_checked(admin_client):
    from tests.security.uploads.upload_files import docx_bytes

    upload(admin_client, docx_bytes(), name="rapport.docx")

    assert Document.objects.get().accessibility_status == ""


def test_replacing_the_file_redoes_the_check(admin_client):
    upload(admin_client, pdf_without("tags"))
    document = Document.objects.get()
    first_check = document.accessibility_checked_at

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Rapport",
            "file": SimpleUploadedFile("rapport-rattad.pdf", pdf_bytes("Rapport", pages=2)),
            "collection": document.collection_id,
            "language": "sv",
        },
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.accessibility_status == "passed"
    assert document.accessibility_failures == []
    assert document.accessibility_checked_at > first_check


def test_document_list_shows_the_result_and_what_is_missing(admin_client):
    upload(admin_client, pdf_without("tags"), title="Otaggad rapport")
    upload(admin_client, pdf_bytes("Bra rapport", pages=2), title="Bra rapport")

    response = admin_client.get(reverse("wagtaildocs:index"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Tillgänglighet" in html
    assert "Brister i tillgänglighet" in html
    assert "Saknar: taggar" in html
    assert "Klarar kontrollen" in html


def test_edit_view_shows_the_result_with_advice(admin_client):
    upload(admin_client, pdf_without("language"))
    document = Document.objects.get()

    response = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk]))

    html = response.content.decode()
    assert "Brister i tillgänglighet" in html
    assert "anger inte vilket språk" in html
