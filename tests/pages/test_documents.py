from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from pages.documents import describe_document, human_file_size
from pages.factories import DocumentFactory, pdf_bytes

Document = get_document_model()


def test_uploaded_pdf_records_type_size_page_count_and_text(admin_client):
    upload = SimpleUploadedFile("strategi.pdf", pdf_bytes("Strategi", pages=4), "application/pdf")

    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Strategi", "file": upload, "collection": 1, "language": "sv"},
    )

    assert response.status_code == 302
    document = Document.objects.get(title="Strategi")
    assert document.file_type == "PDF"
    assert document.page_count == 4
    assert document.file_size == upload.size
    assert "Text på sida 2." in document.text


def test_replacing_the_file_recomputes_page_count(admin_client):
    document = DocumentFactory(title="Rapport", pages=2)
    replacement = SimpleUploadedFile("rapport.pdf", pdf_bytes("Rapport", pages=7))

    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": "Rapport", "file": replacement, "collection": 1, "language": "sv"},
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.page_count == 7


def test_unreadable_pdf_is_kept_without_page_count(admin_client):
    upload = SimpleUploadedFile("trasig.pdf", b"%PDF-1.4\nnot really a pdf")

    admin_client.post(
        "/admin/documents/add/",
        {"title": "Trasig", "file": upload, "collection": 1, "language": "sv"},
    )

    document = Document.objects.get(title="Trasig")
    assert document.page_count is None
    assert describe_document(document).startswith("PDF, ")
    assert "sidor" not in describe_document(document)


def test_description_is_swedish_type_size_and_pages(db):
    document = DocumentFactory(pages=3)
    document.file_size = 1_258_291  # 1.2 MiB

    assert describe_document(document) == "PDF, 1,2\xa0MB, 3 sidor"


def test_single_page_is_singular(db):
    document = DocumentFactory(pages=1)

    assert describe_document(document).endswith("1 sida")


def test_file_size_uses_swedish_decimal_comma():
    assert human_file_size(3_700) == "3,6\xa0kB"


def test_english_document_says_so_and_carries_hreflang(db):
    document = DocumentFactory(language="en")

    assert document.language_description == "på engelska"
    assert document.hreflang == "en"
