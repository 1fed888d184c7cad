"""Checks on an uploaded image before Wagtail's own, each refusal saying what was wrong
and what to do, with the file's real format and size.

In: the uploaded file (seekable) and, for the size, the pixel limit
(``WAGTAILIMAGES_MAX_IMAGE_PIXELS``). Out: nothing, or a ``ValidationError`` in the
active language. The order matters, so each file gets the message that fits it:

1. the file name's extension: an SVG, HEIC or AVIF is told its format is not taken and
   which are (``WAGTAILIMAGES_EXTENSIONS``), before anything tries to read it;
2. the header (Pillow reads it without decoding): a file that is no image at all (a
   renamed text file), or an image of another format than its name says, is told so;
   a size over the limit is refused with the real width and height, also for a
   decompression bomb that Pillow itself refuses to open (``MAX_IMAGE_PIXELS``);
3. Wagtail's checks (file size; its messages come from the catalogue, locale/sv);
4. every frame decoded once: a truncated or damaged file is refused at upload, not
   when a rendition is made later.
"""

import os
import warnings

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from PIL import Image, ImageSequence, UnidentifiedImageError
from wagtail.images.utils import get_allowed_image_extensions

# How an editor knows each accepted format (Pillow's and Wagtail's names are "JPEG"/"jpg",
# "WEBP"); formats not named here are shown as their extension in capitals.
FORMAT_NAMES = {"jpg": "JPEG", "jpeg": "JPEG", "webp": "WebP", "heic": "HEIC", "heif": "HEIC"}
# Pillow's format names that are one of the accepted extensions' formats. MPO is the
# multi-picture JPEG some cameras write; Willow reads it as JPEG.
PILLOW_EXTENSIONS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


def format_name(extension):
    """The format an editor knows (str) for an extension without its dot ("jpg": "JPEG")."""
    return FORMAT_NAMES.get(extension, extension.upper())


def accepted_formats():
    """The accepted formats as a Swedish list (str): "GIF, JPEG, PNG och WebP"."""
    names = dict.fromkeys(format_name(ext) for ext in get_allowed_image_extensions())
    return str(get_text_list(list(names), _("och")))


def format_not_accepted(name):
    return ValidationError(
        _(
            "Bilder i formatet %(format)s tas inte emot. Webbplatsen tar emot %(formats)s: "
            "spara eller exportera bilden i ett av dem (PNG för logotyper och diagram, "
            "JPEG för foton) och ladda upp den igen."
        ),
        code="invalid_image_extension",
        params={"format": name, "formats": accepted_formats()},
    )


def check_image_extension(name):
    """Refuse a file whose extension is not an accepted image format (str: file name)."""
    extension = os.path.splitext(name or "")[1].lstrip(".").lower()
    if not extension:
        raise ValidationError(
            _(
                "Filnamnet saknar filändelse, så det går inte att se vilket format bilden "
                "har. Webbplatsen tar emot %(formats)s: spara bilden i ett av dem och ladda "
                "upp den igen."
            ),
            code="invalid_image_extension",
            params={"formats": accepted_formats()},
        )
    if extension not in get_allowed_image_extensions():
        raise format_not_accepted(format_name(extension))


def damaged_image_error(extension):
    return ValidationError(
        _(
            "Bilden är skadad eller ofullständig: filen börjar som en %(format)s-bild men "
            "bilden i den går inte att läsa till slut (kopieringen eller nedladdningen kan "
            "ha avbrutits). Öppna bilden i ett bildprogram, spara den på nytt och ladda upp "
            "den igen."
        ),
        code="broken_image",
        params={"format": format_name(extension)},
    )


def not_an_image_error(extension):
    return ValidationError(
        _(
            "Filen är ingen bild: namnet slutar på .%(extension)s men innehållet är inte en "
            "%(format)s-bild. Kontrollera att du valt rätt fil. Är det en bild, spara den på "
            "nytt i ett av formaten %(formats)s och ladda upp den igen."
        ),
        code="invalid_image",
        params={
            "extension": extension,
            "format": format_name(extension),
            "formats": accepted_formats(),
        },
    )


def declared_size(fileobj):
    """Width and height (ints) from the header of a file Pillow refuses to open as a
    decompression bomb. ``Image.open`` refuses it before handing back the image; the
    format's own image class (``Image.OPEN``, where plugins register it) reads only the
    header and makes no such check. None when no accepted format reads the header."""
    for pillow_format in PILLOW_EXTENSIONS:
        factory = Image.OPEN.get(pillow_format, (None,))[0]
        if factory is None:
            continue
        fileobj.seek(0)
        try:
            with factory(fileobj) as image:
                return image.size
        except (SyntaxError, OSError, ValueError, EOFError):
            continue
    return None


def check_image_header(fileobj, max_pixels):
    """Refuse, from the header alone, a file that is not an image of its name's format or
    that has more than ``max_pixels`` pixels (int or None: no limit).

    Wagtail's own pixel check asks Willow for the size, and Willow decodes the whole
    image to answer: a file declaring 170 million pixels would be unpacked into memory
    first. Pillow reads the size from the header without decoding.
    """
    extension = os.path.splitext(fileobj.name or "")[1].lstrip(".").lower()
    fileobj.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(fileobj) as image:
                size, pillow_format = image.size, image.format
    except Image.DecompressionBombError:
        size, pillow_format = declared_size(fileobj), None
        if size is None:
            raise damaged_image_error(extension) from None
    except UnidentifiedImageError:
        raise not_an_image_error(extension) from None
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for broken headers.
        raise damaged_image_error(extension) from None
    finally:
        fileobj.seek(0)
    if pillow_format is not None:
        check_format_matches(extension, pillow_format)
    width, height = size
    if max_pixels and width * height > max_pixels:
        raise ValidationError(
            _(
                "Bilden är %(width)s × %(height)s bildpunkter, alltså %(megapixels)s "
                "megapixel. Största tillåtna är %(max)s megapixel. Minska bilden i ett "
                "bildprogram och ladda upp den igen."
            ),
            code="too_many_pixels",
            params={
                "width": number_format(width, force_grouping=True),
                "height": number_format(height, force_grouping=True),
                "megapixels": number_format(round(width * height / 1_000_000), force_grouping=True),
                "max": number_format(max_pixels // 1_000_000, force_grouping=True),
            },
        )


def check_format_matches(extension, pillow_format):
    """Refuse an image whose contents are another format than its extension says: an
    accepted format is renamed, any other is refused as not accepted."""
    real = PILLOW_EXTENSIONS.get(pillow_format)
    if real is None:
        raise format_not_accepted(FORMAT_NAMES.get(pillow_format.lower(), pillow_format))
    if format_name(real) != format_name(extension):
        raise ValidationError(
            _(
                "Filnamnet slutar på .%(extension)s men bilden är en %(format)s-bild. Byt "
                "filändelsen till .%(real)s och ladda upp den igen."
            ),
            code="invalid_image_known_format",
            params={"extension": extension, "format": format_name(real), "real": real},
        )


def check_image_decodes(fileobj):
    """Raise ValidationError unless every frame of the image decodes completely.

    Runs after the header and Wagtail's checks, so decoding is bounded by
    WAGTAILIMAGES_MAX_IMAGE_PIXELS.
    """
    extension = os.path.splitext(fileobj.name or "")[1].lstrip(".").lower()
    fileobj.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(fileobj) as image:
                for frame in ImageSequence.Iterator(image):
                    frame.load()
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for broken files.
        raise damaged_image_error(extension) from None
    finally:
        fileobj.seek(0)
