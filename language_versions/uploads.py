"""Checks on a sign-language page's files before they are stored, like
documents/uploads.py for documents: the contents must be what the name says.

- The video: MP4 or WebM (the two formats every current browser plays in a native
  ``<video>``), at most ``SIGN_LANGUAGE_VIDEO_MAX_SIZE`` bytes, recognised by its first
  bytes (MP4: an ``ftyp`` box, ISO/IEC 14496-12 § 4.3; WebM: the EBML header
  ``1A 45 DF A3`` with DocType ``webm``, matroska.org/technical/elements.html).
- The captions: WebVTT, UTF-8, starting with the line ``WEBVTT`` (W3C WebVTT § 4.1,
  "WebVTT file body") and holding at least one cue (a line with ``-->``).

Each check raises a ``ValidationError`` with a message an editor can act on, so the
admin form shows it beside the field and nothing is saved.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
CAPTIONS_MAX_SIZE = 512 * 1024
EBML_MAGIC = b"\x1a\x45\xdf\xa3"


def extension_of(name):
    return os.path.splitext(name or "")[1].lstrip(".").lower()


def video_max_size():
    """SIGN_LANGUAGE_VIDEO_MAX_SIZE (int, bytes; 200 MB unless set)."""
    return int(getattr(settings, "SIGN_LANGUAGE_VIDEO_MAX_SIZE", 200 * 1024 * 1024))


def video_content_type(name):
    """The MIME type (str) a video file is served with, from its extension."""
    return VIDEO_TYPES.get(extension_of(name), "application/octet-stream")


def _head(uploaded_file, size=64):
    uploaded_file.seek(0)
    head = uploaded_file.read(size)
    uploaded_file.seek(0)
    return head


def check_video(uploaded_file):
    """Raise ValidationError unless `uploaded_file` is an MP4 or WebM video within the
    size limit."""
    extension = extension_of(uploaded_file.name)
    if extension not in VIDEO_TYPES:
        raise ValidationError(
            _(
                "Filmen måste vara en MP4- eller WebM-fil (filnamnet slutar på .mp4 eller "
                ".webm). Spara filmen i ett av de formaten och ladda upp den igen."
            ),
            code="video_type",
        )
    if uploaded_file.size > video_max_size():
        raise ValidationError(
            _("Filmen är för stor (%(size)s). Den får vara högst %(max)s."),
            code="video_size",
            params={
                "size": filesizeformat(uploaded_file.size),
                "max": filesizeformat(video_max_size()),
            },
        )
    head = _head(uploaded_file)
    is_mp4 = head[4:8] == b"ftyp"
    is_webm = head.startswith(EBML_MAGIC) and b"webm" in head
    if (extension == "mp4" and not is_mp4) or (extension == "webm" and not is_webm):
        raise ValidationError(
            _(
                "Filens innehåll stämmer inte med filnamnet: den slutar på .%(extension)s "
                "men är ingen sådan film. Kontrollera att du valt rätt fil."
            ),
            code="content_mismatch",
            params={"extension": extension},
        )


def check_captions(uploaded_file):
    """Raise ValidationError unless `uploaded_file` is a WebVTT file with at least one cue."""
    not_webvtt = ValidationError(
        _(
            "Textningen måste vara en WebVTT-fil: en textfil som börjar med raden WEBVTT "
            "och innehåller tider som 00:00:01.000 --> 00:00:04.000. Spara textningen som "
            "WebVTT (.vtt) i textningsprogrammet och ladda upp den igen."
        ),
        code="not_webvtt",
    )
    if extension_of(uploaded_file.name) != "vtt":
        raise not_webvtt
    if uploaded_file.size > CAPTIONS_MAX_SIZE:
        raise ValidationError(
            _("Textningsfilen är för stor. Den får vara högst %(max)s."),
            code="captions_size",
            params={"max": filesizeformat(CAPTIONS_MAX_SIZE)},
        )
    uploaded_file.seek(0)
    data = uploaded_file.read(CAPTIONS_MAX_SIZE + 1)
    uploaded_file.seek(0)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Textningsfilen måste vara sparad som UTF-8. Spara den på nytt som UTF-8."),
            code="captions_encoding",
        ) from None
    first_line = text.split("\n", 1)[0].rstrip("\r")
    if not (first_line == "WEBVTT" or first_line.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise not_webvtt
    if "-->" not in text:
        raise ValidationError(
            _(
                "Textningsfilen innehåller ingen text med tider. Lägg till textningen och "
                "försök igen."
            ),
            code="captions_empty",
        )
