"""Every way Wagtail's admin creates, changes and deletes a document works with our
document model (language field, content checks, PDF reading): single upload, multiple
upload and its "uploaded document" step, the chooser's upload, edit, replace, delete."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, UploadedFile

from documents.factories import DocumentFactory, pdf_bytes

Document = get_document_model()


def root_collection():
    return Collection.get_first_root_node().pk


def multiple_upload(client, name, content, **extra):
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content), "collection": root_collection(), **extra},
    )


def test_single_upload_creates_a_swedish_document_with_its_page_count(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Årsrapport",
            "file": SimpleUploadedFile("arsrapport.pdf", pdf_bytes("Årsrapport", pages=5)),
            "collection": root_collection(),
            "language": "en",
        },
    )

    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.title, document.language, document.page_count) == ("Årsrapport", "en", 5)


def test_multiple_upload_creates_the_document_at_once(admin_client):
    """The uploader posts title, collection and file only: the language takes its
    default instead of sending the file down the "uploaded document" path."""
    response = multiple_upload(admin_client, "rapport.pdf", pdf_bytes("Rapport", pages=2))

    data = response.json()
    assert data["success"] is True
    assert "doc_id" in data, data
    document = Document.objects.get(pk=data["doc_id"])
    assert document.language == "sv"
    assert document.page_count == 2
    assert not UploadedFile.objects.exists()
    assert f'name="doc-{document.pk}-language"' in data["form"]


def test_multiple_upload_edit_form_saves_the_language(admin_client):
    doc_id = multiple_upload(admin_client, "rapport.pdf", pdf_bytes()).json()["doc_id"]

    response = admin_client.post(
        reverse("wagtaildocs:edit_multiple", args=[doc_id]),
        {
            f"doc-{doc_id}-title": "Report",
            f"doc-{doc_id}-collection": root_collection(),
            f"doc-{doc_id}-language": "en",
            f"doc-{doc_id}-tags": "",
        },
    )

    assert response.json()["success"] is True
    document = Document.objects.get(pk=doc_id)
    assert (document.title, document.language) == ("Report", "en")


def test_multiple_upload_completes_a_file_sent_down_the_uploaded_document_path(admin_client):
    """A file whose title is refused (empty) waits as an uploaded file; completing
    it answered 500 ("'AgencyDocumentForm' has no field named 'file'")."""
    first = multiple_upload(admin_client, "rapport.pdf", pdf_bytes("Rapport", pages=3), title="")
    upload_id = first.json()["uploaded_file_id"]
    prefix = f"uploaded-document-{upload_id}"

    response = admin_client.post(
        reverse("wagtaildocs:create_multiple_from_uploaded_document", args=[upload_id]),
        {
            f"{prefix}-title": "Rapport",
            f"{prefix}-collection": root_collection(),
            f"{prefix}-language": "sv",
            f"{prefix}-tags": "",
        },
    )

    assert response.status_code == 200
    data = response.json()
    assert data["success"] is True, data
    document = Document.objects.get(pk=data["doc_id"])
    assert document.page_count == 3
    assert document.file.read(5) == b"%PDF-"
    assert not UploadedFile.objects.exists()


def test_uploaded_document_step_refuses_a_missing_title_with_a_form_error(admin_client):
    upload_id = multiple_upload(admin_client, "rapport.pdf", pdf_bytes(), title="").json()[
        "uploaded_file_id"
    ]
    prefix = f"uploaded-document-{upload_id}"

    response = admin_client.post(
        reverse("wagtaildocs:create_multiple_from_uploaded_document", args=[upload_id]),
        {f"{prefix}-title": "", f"{prefix}-collection": root_collection()},
    )

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not Document.objects.exists()


def test_chooser_upload_creates_and_chooses_the_document(admin_client):
    """The modal an editor uploads from inline, e.g. a speaker's presentation."""
    response = admin_client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Presentation",
            "document-chooser-upload-file": SimpleUploadedFile("bilder.pdf", pdf_bytes()),
            "document-chooser-upload-collection": root_collection(),
            "document-chooser-upload-language": "sv",
        },
    )

    data = response.json()
    assert data["step"] == "chosen", data.get("htmlFragment", "")[:2000]
    document = Document.objects.get()
    assert str(data["result"]["id"]) == str(document.pk)
    assert document.page_count == 3


def test_chooser_upload_without_language_takes_the_default(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Presentation",
            "document-chooser-upload-file": SimpleUploadedFile("bilder.pdf", pdf_bytes()),
            "document-chooser-upload-collection": root_collection(),
        },
    )

    assert response.json()["step"] == "chosen"
    assert Document.objects.get().language == "sv"


def test_edit_changes_the_details_and_keeps_the_file(admin_client):
    document = DocumentFactory(title="Rapport", pages=2)
    original = document.file.name

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Report", "collection": document.collection_id, "language": "en"},
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title, document.language, document.file.name) == ("Report", "en", original)
    assert document.page_count == 2


def test_replace_file_reads_the_new_file(admin_client):
    document = DocumentFactory(title="Rapport", pages=2)

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Rapport",
            "file": SimpleUploadedFile("rapport-2.pdf", pdf_bytes("Rapport", pages=6)),
            "collection": document.collection_id,
            "language": "sv",
        },
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.page_count == 6
    assert document.title == "Rapport"


def test_delete_asks_then_deletes(admin_client):
    document = DocumentFactory(title="Rapport")
    url = reverse("wagtaildocs:delete", args=[document.pk])

    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url)

    assert response.status_code == 302
    assert not Document.objects.exists()


def test_multiple_upload_delete_removes_the_document(admin_client):
    doc_id = multiple_upload(admin_client, "rapport.pdf", pdf_bytes()).json()["doc_id"]

    response = admin_client.post(reverse("wagtaildocs:delete_multiple", args=[doc_id]))

    assert response.json()["success"] is True
    assert not Document.objects.exists()


def test_chooser_upload_tells_the_editor_on_the_next_page_what_could_not_be_read(
    admin_client,
):
    from tests.pdf_files import encrypted_pdf

    admin_client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Presentation",
            "document-chooser-upload-file": SimpleUploadedFile("bilder.pdf", encrypted_pdf()),
            "document-chooser-upload-collection": root_collection(),
        },
    )

    page = admin_client.get(reverse("wagtailadmin_home"))
    warnings = [str(m) for m in page.context["messages"] if m.level_tag == "warning"]
    assert any("ägarlösenord" in warning for warning in warnings)


def refused_chooser_uploads():
    from tests.pdf_files import encrypted_pdf

    return [
        ("lösenord", "bilder.pdf", encrypted_pdf(user_password="öppna"), "Presentation"),
        ("obligatoriskt", "bilder.pdf", pdf_bytes(), ""),
        ("obligatoriskt", "", b"", "Presentation"),
    ]


@pytest.mark.parametrize("expected, name, content, title", refused_chooser_uploads())
def test_a_refused_chooser_upload_shows_the_form_again_with_the_error(
    admin_client, expected, name, content, title
):
    """The chooser's upload answered 500 (ImproperlyConfigured: no create_url_name)
    whenever its form was invalid, e.g. for a PDF that needs a password to open."""
    data = {
        "document-chooser-upload-title": title,
        "document-chooser-upload-collection": root_collection(),
        "document-chooser-upload-language": "sv",
    }
    if name:
        data["document-chooser-upload-file"] = SimpleUploadedFile(name, content)
    response = admin_client.post(reverse("wagtaildocs_chooser:create"), data)

    assert response.status_code == 200
    answer = response.json()
    assert answer["step"] == "reshow_creation_form"
    assert expected in answer["htmlFragment"]
    assert reverse("wagtaildocs_chooser:create") in answer["htmlFragment"]
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("wagtaildocs:add", []),
        ("wagtaildocs:edit", [1]),
        ("wagtaildocs:delete", [1]),
        ("wagtaildocs:add_multiple", []),
        ("wagtaildocs:create_multiple_from_uploaded_document", [1]),
        ("wagtaildocs_chooser:create", []),
    ],
)
def test_our_document_views_keep_the_admins_login_requirement(client, db, name, args):
    response = client.get(reverse(name, args=args))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
