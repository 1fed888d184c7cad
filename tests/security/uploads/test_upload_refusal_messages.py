"""Every refused upload tells the editor what was wrong and what to do, with the real
format and numbers: an SVG, HEIC or AVIF is told its format is not taken and which are
(not that it is broken), a renamed text file that it is no image, a truncated PNG that
it is incomplete, a decompression bomb its declared size; documents alike. The
messages are read as the editor sees them, in the admin's Swedish."""

import io
import re

import pytest
from django.test import override_settings
from PIL import Image as PILImage

from tests.security.uploads.upload_files import (
    Document,
    Image,
    assert_refused,
    image_bytes,
    png_declaring,
    upload_document,
    upload_image,
)

ACCEPTED = "Webbplatsen tar emot GIF, JPEG, PNG och WebP"


def error_text(response):
    """The form's error messages as the editor reads them (tags gone, spaces plain)."""
    html = response.content.decode()
    errors = re.findall(r'class="error-message"[^>]*>(.*?)</', html, re.S)
    return " ".join(re.sub(r"<[^>]+>|\s+", " ", e).replace("\xa0", " ") for e in errors)


def encoded(image_format):
    buffer = io.BytesIO()
    PILImage.new("RGB", (24, 16), "teal").save(buffer, image_format)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "named"),
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', "SVG"),
        ("IMG_0001.HEIC", lambda: encoded("HEIF"), "HEIC"),
        ("foto.avif", lambda: encoded("AVIF"), "AVIF"),
        ("ritning.tiff", lambda: encoded("TIFF"), "TIFF"),
    ],
)
def test_an_image_format_not_taken_is_named_with_the_formats_that_are(
    admin_client, media_before, name, content, named
):
    response = upload_image(admin_client, name, content() if callable(content) else content)

    assert_refused(response, f"Bilder i formatet {named} tas inte emot.", media_before, Image)
    assert ACCEPTED in error_text(response)
    assert "trasig" not in error_text(response)


@pytest.mark.parametrize(
    ("name", "content", "named"),
    [
        ("IMG_0001.jpg", lambda: encoded("HEIF"), "HEIC"),
        ("bild.png", lambda: encoded("AVIF"), "AVIF"),
    ],
)
def test_an_image_of_a_format_not_taken_renamed_to_one_that_is_is_named_by_its_contents(
    admin_client, media_before, name, content, named
):
    response = upload_image(admin_client, name, content())

    assert_refused(response, f"Bilder i formatet {named} tas inte emot.", media_before, Image)


@pytest.mark.parametrize(
    ("name", "format_name"), [("anteckning.png", "PNG"), ("foto.jpg", "JPEG"), ("bild.gif", "GIF")]
)
def test_a_text_file_renamed_as_an_image_is_told_it_is_no_image(
    admin_client, media_before, name, format_name
):
    response = upload_image(admin_client, name, "Mötesanteckningar\nPunkt 1: budget\n".encode())

    extension = name.rsplit(".", 1)[1]
    expected = (
        f"Filen är ingen bild: namnet slutar på .{extension} men innehållet är inte en "
        f"{format_name}-bild."
    )
    assert_refused(response, expected, media_before, Image)
    assert "Kontrollera att du valt rätt fil" in error_text(response)
    assert "spara den på nytt i ett av formaten GIF, JPEG, PNG och WebP" in error_text(response)


@pytest.mark.parametrize(("name", "image_format"), [("halv.png", "PNG"), ("halv.gif", "GIF")])
def test_a_truncated_image_is_told_it_is_incomplete_and_to_save_it_again(
    admin_client, media_before, name, image_format
):
    whole = image_bytes(image_format, (640, 480))

    response = upload_image(admin_client, name, whole[: len(whole) // 2])

    text = error_text(response)
    assert_refused(response, "Bilden är skadad eller ofullständig", media_before, Image)
    assert f"filen börjar som en {image_format}-bild" in text
    assert "spara den på nytt och ladda upp den igen" in text


@pytest.mark.parametrize(
    ("width", "height", "expected"),
    [
        (100_000, 100_000, "Bilden är 100 000 × 100 000 bildpunkter, alltså 10 000 megapixel."),
        (60_000, 50_000, "Bilden är 60 000 × 50 000 bildpunkter, alltså 3 000 megapixel."),
        (7_000, 7_000, "Bilden är 7 000 × 7 000 bildpunkter, alltså 49 megapixel."),
    ],
)
def test_an_image_over_the_pixel_limit_is_told_its_real_size(
    admin_client, media_before, width, height, expected
):
    """100 000 × 100 000 is a decompression bomb Pillow refuses to open at all; the
    message still gives the size the file declares, never "okänt antal"."""
    response = upload_image(admin_client, "stor.png", png_declaring(width, height))

    text = error_text(response)
    assert response.status_code == 200
    assert expected in text
    assert "Största tillåtna är 40 megapixel. Minska bilden" in text
    assert "okänt" not in text
    assert not Image.objects.exists()


@pytest.mark.parametrize(("name", "real"), [("foto.jpg", "PNG"), ("bild.png", "JPEG")])
def test_an_image_whose_name_says_another_accepted_format_is_told_to_rename_it(
    admin_client, media_before, name, real
):
    content = image_bytes(real)

    response = upload_image(admin_client, name, content)

    extension = "png" if real == "PNG" else "jpg"
    expected = f"men bilden är en {real}-bild. Byt filändelsen till .{extension}"
    assert_refused(response, expected, media_before, Image)


def test_an_image_without_extension_is_told_to_save_it_in_a_format_taken(
    admin_client, media_before
):
    response = upload_image(admin_client, "bild", image_bytes("PNG"))

    assert_refused(response, "Filnamnet saknar filändelse", media_before, Image)
    assert ACCEPTED in error_text(response)


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000, WAGTAILDOCS_MAX_UPLOAD_SIZE=1000)
@pytest.mark.parametrize("kind", ["image", "document"])
def test_a_file_over_the_size_limit_is_told_its_size_the_limit_and_what_to_do(
    admin_client, media_before, kind
):
    if kind == "image":
        response = upload_image(admin_client, "foto.png", image_bytes("PNG", (200, 200)))
    else:
        response = upload_document(admin_client, "lista.txt", b"rad\n" * 2000)

    text = error_text(response)
    assert re.search(r"Filen är [\d,]+ kB, men största tillåtna storlek är 1000 byte\.", text)
    assert "ladda upp den igen" in text
    assert "This file" not in text


@pytest.mark.parametrize(("name", "extension"), [("logo.svg", "svg"), ("program.exe", "exe")])
def test_a_document_type_not_taken_is_named_with_the_types_that_are(
    admin_client, media_before, name, extension
):
    response = upload_document(admin_client, name, b"<svg/>")

    expected = f"Filer av typen .{extension} tas inte emot."
    assert_refused(response, expected, media_before, Document)
    text = error_text(response)
    assert "tar emot pdf, docx, xlsx, pptx, odt, ods, odp, csv, txt: spara filen" in text
    assert "ladda upp den igen" in text
