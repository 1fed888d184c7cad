"""Hostile image uploads through the admin: SVG, decompression bombs, too many pixels,
truncated or corrupt files and names that lie get a clear form error, never a 500, and
leave nothing behind; a genuine photo is accepted and its thumbnail renders."""

import struct

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection

from tests.security.uploads.upload_files import (
    BROKEN_IMAGE,
    TOO_MANY_PIXELS,
    Image,
    assert_refused,
    files_in_media,
    image_bytes,
    png_chunk,
    png_declaring,
    upload_image,
)

# --- images ------------------------------------------------------------------------------


def test_svg_image_is_refused(admin_client, media_before):
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
    )

    response = upload_image(admin_client, "logo.svg", svg)

    # The message names SVG and lists the formats that are allowed.
    assert_refused(response, "Bilder i formatet SVG tas inte emot", media_before, Image)


def test_decompression_bomb_image_gets_a_form_error(admin_client, media_before):
    # 100 000 x 100 000 pixels declared in a file of under 100 bytes.
    response = upload_image(admin_client, "bomb.png", png_declaring(100_000, 100_000))

    assert_refused(response, TOO_MANY_PIXELS, media_before, Image)


def test_image_just_under_pillows_bomb_limit_is_refused_before_it_is_decoded(
    admin_client, media_before
):
    # 13 000 x 13 000 = 169 megapixels: Pillow only warns below 179, and Wagtail's own
    # check would decode all of it (some 500 MB) before comparing with the limit.
    response = upload_image(admin_client, "nastan.png", png_declaring(13_000, 13_000))

    assert_refused(response, "Bilden är 13\xa0000 × 13\xa0000 bildpunkter", media_before, Image)


def test_image_with_more_pixels_than_allowed_gets_a_form_error(admin_client, media_before):
    # 8000 x 6000 = 48 megapixels: under Pillow's own bomb limit, over ours (40).
    response = upload_image(admin_client, "stor.png", png_declaring(8000, 6000))

    assert_refused(response, "Bilden är 8\xa0000 × 6\xa0000 bildpunkter", media_before, Image)
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
