"""Files made here for the upload tests (Office and OpenDocument zips, PNG chunks, images),
uploading them through the admin, and checking a refusal left nothing behind."""

import io
import struct
import zipfile
import zlib
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

Document = get_document_model()
Image = get_image_model()

MISMATCH = "Filens innehåll stämmer inte med filnamnet"
BROKEN_IMAGE = "Bilden är skadad eller ofullständig"
TOO_MANY_PIXELS = "Största tillåtna är 40 megapixel"


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


def assert_refused(response, message, media_before, model):
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "<form" in response.content.decode()
    assert not model.objects.exists()
    assert files_in_media() == media_before
