"""The sign-language page's upload checks: each bad file gets its own clear message."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat

from language_versions.factories import CAPTIONS_TEXT, WEBM_BYTES
from language_versions.uploads import check_captions, check_video

MP4_BYTES = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


def error_code(check, data, name):
    with pytest.raises(ValidationError) as raised:
        check(ContentFile(data, name=name))
    return raised.value.code


def test_webm_and_mp4_videos_are_accepted():
    check_video(ContentFile(WEBM_BYTES, name="film.webm"))
    check_video(ContentFile(MP4_BYTES, name="Film.MP4"))


def test_video_of_another_type_is_refused_by_name():
    assert error_code(check_video, WEBM_BYTES, "film.mov") == "video_type"
    assert error_code(check_video, b"%PDF-1.7", "film.pdf") == "video_type"


def test_video_whose_contents_do_not_match_its_name_is_refused():
    assert error_code(check_video, b"<html>not a film</html>", "film.webm") == "content_mismatch"
    assert error_code(check_video, WEBM_BYTES, "film.mp4") == "content_mismatch"
    assert error_code(check_video, MP4_BYTES, "film.webm") == "content_mismatch"


def test_video_over_the_size_limit_is_refused_with_both_sizes(settings):
    settings.SIGN_LANGUAGE_VIDEO_MAX_SIZE = 50
    with pytest.raises(ValidationError) as raised:
        check_video(ContentFile(WEBM_BYTES, name="film.webm"))
    assert raised.value.code == "video_size"
    message = " ".join(raised.value.messages)
    assert filesizeformat(50) in message
    assert filesizeformat(len(WEBM_BYTES)) in message


def test_webvtt_captions_are_accepted_with_or_without_byte_order_mark_and_header_text():
    check_captions(ContentFile(CAPTIONS_TEXT.encode(), name="textning.vtt"))
    check_captions(ContentFile(("\ufeff" + CAPTIONS_TEXT).encode(), name="textning.vtt"))
    text = CAPTIONS_TEXT.replace("WEBVTT\n", "WEBVTT - Svensk textning\r\n", 1)
    check_captions(ContentFile(text.encode(), name="textning.vtt"))


@pytest.mark.parametrize(
    "text",
    [
        "1\n00:00:00,000 --> 00:00:03,000\nEn SRT-fil.\n",
        "WEBVTTX\n\n00:00:00.000 --> 00:00:03.000\nFel rubrik.\n",
        "\n" + CAPTIONS_TEXT,
        "",
    ],
    ids=["srt", "wrong-header", "blank-first-line", "empty"],
)
def test_captions_not_starting_with_webvtt_are_refused(text):
    with pytest.raises(ValidationError) as raised:
        check_captions(ContentFile(text.encode(), name="textning.vtt"))
    assert raised.value.code == "not_webvtt"
    assert "börjar med raden WEBVTT" in " ".join(raised.value.messages)


def test_captions_with_another_extension_are_refused():
    assert error_code(check_captions, CAPTIONS_TEXT.encode(), "textning.srt") == "not_webvtt"


def test_captions_without_cues_or_not_in_utf8_are_refused():
    assert error_code(check_captions, b"WEBVTT\n\nBara text.\n", "t.vtt") == "captions_empty"
    latin1 = CAPTIONS_TEXT.replace("Tillväxtverket", "Tillv\xe4xtverket").encode("latin-1")
    assert error_code(check_captions, latin1, "t.vtt") == "captions_encoding"
