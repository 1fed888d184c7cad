"""Media in S3-compatible object storage (a real SeaweedFS server): documents, images and
renditions uploaded through the admin land in the private bucket, visitors get them
through the site, and a document of a restricted collection is readable neither from
the bucket's endpoint nor through the site without permission."""

import io
import urllib.error
import urllib.request
import uuid

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from agency.settings.base import s3_media_storage
from core.storage import PrivateMediaStorage
from documents.factories import pdf_bytes
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory

Document = get_document_model()
Image = get_image_model()


@pytest.fixture
def visitor():
    """Someone who is not logged in (admin_client shares the plain `client` fixture)."""
    return Client()


@pytest.fixture
def bucket(seaweedfs, settings):
    """A fresh private bucket as the media storage of this test."""
    name = f"media-{uuid.uuid4().hex[:12]}"
    seaweedfs.create_bucket(name)
    settings.AWS_STORAGE_BUCKET_NAME = name
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_media_storage(seaweedfs.environment(name)),
    }
    return name


def object_keys(seaweedfs, bucket):
    listing = seaweedfs.client().list_objects_v2(Bucket=bucket)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def anonymous_get(url):
    """The status a browser without credentials gets for `url`."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def jpeg_bytes(size=(400, 300)):
    buffer = io.BytesIO()
    PILImage.effect_noise(size, 64).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()


def upload_document(client, name, content, collection=None):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Rapport",
            "file": SimpleUploadedFile(name, content),
            "collection": (collection or Collection.get_first_root_node()).pk,
            "language": "sv",
        },
    )


def test_document_uploaded_in_the_admin_is_stored_in_the_bucket_and_served_to_visitors(
    admin_client, visitor, home, bucket, seaweedfs
):
    content = pdf_bytes("Rapport om regional utveckling")

    response = upload_document(admin_client, "rapport.pdf", content)

    assert response.status_code == 302
    document = Document.objects.get()
    assert isinstance(document.file.storage, PrivateMediaStorage)
    assert object_keys(seaweedfs, bucket) == [document.file.name]
    # Public once a live page uses it (documents/publicity.py).
    StrategyDocumentPageFactory(parent=StrategyIndexPageFactory(parent=home), document=document)
    download = visitor.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert download["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("headers", [{}, {"HTTP_RANGE": "bytes=0-9"}])
def test_a_document_whose_object_is_gone_from_the_bucket_is_a_404_not_a_500(
    admin_client, visitor, home, bucket, seaweedfs, headers, caplog
):
    # Seen on `make cluster` after its bucket was emptied while its database stayed.
    upload_document(admin_client, "rapport.pdf", pdf_bytes("Rapport"))
    document = Document.objects.get()
    StrategyDocumentPageFactory(parent=StrategyIndexPageFactory(parent=home), document=document)
    seaweedfs.client().delete_object(Bucket=bucket, Key=document.file.name)

    response = visitor.get(document.url, **headers)

    assert response.status_code == 404
    assert any("file is missing" in record.getMessage() for record in caplog.records)


def test_restricted_document_is_unreadable_from_the_bucket_and_refused_to_visitors(
    admin_client, visitor, home, bucket, seaweedfs
):
    collection = Collection.get_first_root_node().add_child(name="Interna dokument")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    content = pdf_bytes("Intern budget")

    response = upload_document(admin_client, "budget.pdf", content, collection=collection)

    assert response.status_code == 302
    document = Document.objects.get()
    (key,) = object_keys(seaweedfs, bucket)
    # Straight from the S3 endpoint, without a signature: refused.
    assert anonymous_get(f"{seaweedfs.endpoint_url}/{bucket}/{key}") == 403
    # Through the site: a visitor is sent to log in, never given the file.
    refused = visitor.get(document.url)
    assert refused.status_code == 302
    assert "/login/?next=" in refused["Location"]
    assert content not in refused.content
    # An editor who may see it gets the file, streamed by the app.
    editor = admin_client.get(document.url)
    assert editor.status_code == 200
    assert b"".join(editor.streaming_content) == content


def test_image_and_its_renditions_are_stored_in_the_bucket_and_served_through_the_site(
    admin_client, visitor, home, bucket, seaweedfs
):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Luleå",
            "file": SimpleUploadedFile("lulea.jpg", jpeg_bytes()),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302
    image = Image.objects.get()
    rendition = image.get_rendition("fill-200x100")
    keys = object_keys(seaweedfs, bucket)
    assert image.file.name in keys
    assert rendition.file.name in keys
    assert rendition.file.name.startswith("images/")
    # Addressed through the site, not the bucket: img-src 'self' holds.
    assert rendition.url == f"/media/{rendition.file.name}"
    served = visitor.get(rendition.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    with PILImage.open(io.BytesIO(b"".join(served.streaming_content))) as picture:
        assert picture.size == (200, 100)
    # Neither the original nor the rendition is public in the bucket.
    for key in (image.file.name, rendition.file.name):
        assert anonymous_get(f"{seaweedfs.endpoint_url}/{bucket}/{key}") == 403


def test_any_other_address_of_a_stored_file_is_signed_and_short_lived(bucket, seaweedfs, db):
    name = default_storage.save("original_images/karta.jpg", io.BytesIO(jpeg_bytes()))

    url = default_storage.url(name)

    assert url.startswith(seaweedfs.endpoint_url)
    assert "X-Amz-Signature=" in url
    assert "X-Amz-Expires=60" in url
    assert anonymous_get(url) == 200


def test_a_second_upload_with_the_same_name_keeps_the_first_file(bucket, seaweedfs, db):
    first = default_storage.save("documents/rapport.pdf", io.BytesIO(b"%PDF-1 first"))
    second = default_storage.save("documents/rapport.pdf", io.BytesIO(b"%PDF-1 second"))

    assert first != second
    with default_storage.open(first) as file:
        assert file.read() == b"%PDF-1 first"


def test_missing_rendition_or_a_path_outside_the_images_folder_is_not_found(client, bucket, db):
    assert client.get("/media/images/finns-inte.jpg").status_code == 404
    assert client.get("/media/images/../documents/budget.pdf").status_code == 404
    assert client.get("/media/documents/budget.pdf").status_code == 404
