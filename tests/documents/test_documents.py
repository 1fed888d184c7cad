import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from documents.factories import DocumentFactory, pdf_bytes
from documents.files import describe_document, human_file_size, title_is_file_name
from tests.pdf_files import pdf_with_many_page_references, pdf_with_xmp_title

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


# --- the title from the PDF, and files already in the library -----------------------------


def add_document(client, name, content, title):
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "language": "sv",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


@pytest.mark.parametrize(
    ("name", "title_as_filled_in"),
    [
        ("rapport_2018.pdf", "rapport_2018"),  # Wagtail's script: the name without extension
        ("rapport_2018.pdf", "rapport_2018.pdf"),
        ("Slutrapport smart spec.pdf", "Slutrapport smart spec"),
    ],
)
def test_title_left_as_the_file_name_becomes_the_pdfs_own_title(
    admin_client, name, title_as_filled_in
):
    content = pdf_bytes("Smart specialisering i Norrbotten", pages=2)

    add_document(admin_client, name, content, title_as_filled_in)

    assert Document.objects.get().title == "Smart specialisering i Norrbotten"


def test_title_from_xmp_when_the_pdf_has_no_document_information(admin_client):
    add_document(admin_client, "bilaga.pdf", pdf_with_xmp_title("Bilaga: regionala data"), "bilaga")

    assert Document.objects.get().title == "Bilaga: regionala data"


def test_title_the_editor_wrote_is_kept(admin_client):
    add_document(admin_client, "rapport.pdf", pdf_bytes("Untitled", pages=1), "Årsrapport 2018")

    assert Document.objects.get().title == "Årsrapport 2018"


def test_pdf_without_a_title_keeps_the_file_name_title(admin_client):
    add_document(admin_client, "bilaga.pdf", pdf_with_many_page_references(3), "bilaga")

    assert Document.objects.get().title == "bilaga"


def test_multiple_upload_takes_the_pdfs_own_title(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("sr_2018.pdf", pdf_bytes("Strategi för 2018")),
            "collection": Collection.get_first_root_node().pk,
            "title": "sr_2018",
        },
    )

    assert Document.objects.get(pk=response.json()["doc_id"]).title == "Strategi för 2018"


def test_uploading_bytes_already_in_the_library_warns_and_links_the_existing_document(
    admin_client,
):
    content = pdf_bytes("Strategi", pages=2)
    add_document(admin_client, "strategi.pdf", content, "Strategi")
    existing = Document.objects.get()

    response = add_document(admin_client, "strategi-kopia.pdf", content, "Kopia")
    page = admin_client.get(response["Location"])

    warnings = [str(m) for m in page.context["messages"] if m.level_tag == "warning"]
    edit_url = reverse("wagtaildocs:edit", args=[existing.pk])
    assert any("finns redan" in w and f'href="{edit_url}"' in w for w in warnings), warnings
    assert edit_url in page.content.decode()


def test_a_new_file_brings_no_duplicate_warning(admin_client):
    add_document(admin_client, "a.pdf", pdf_bytes("A", pages=2), "A")
    response = add_document(admin_client, "b.pdf", pdf_bytes("B", pages=2), "B")

    page = admin_client.get(response["Location"])
    assert not [m for m in page.context["messages"] if m.level_tag == "warning"]


def test_multiple_upload_of_bytes_already_in_the_library_links_the_existing_document(
    admin_client,
):
    content = pdf_bytes("Strategi", pages=2)
    add_document(admin_client, "strategi.pdf", content, "Strategi")
    existing = Document.objects.get()

    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("strategi-igen.pdf", content),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    form = response.json()["form"]
    assert "finns redan" in form
    assert reverse("wagtaildocs:edit", args=[existing.pk]) in form


def test_title_is_file_name_matches_only_names_wagtail_fills_in():
    assert title_is_file_name("rapport_2018", "documents/rapport_2018_AbC1234.pdf")
    assert title_is_file_name("Rapport 2018", "rapport-2018.pdf")
    assert not title_is_file_name("Årsrapport", "rapport.pdf")
