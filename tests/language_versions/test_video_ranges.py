"""The sign-language video and its captions answer HTTP range requests (RFC 9110
section 14), as browsers seek a video and Safari requires (core/file_ranges.py)."""

import pytest

from core.file_ranges import Unsatisfiable, parse_range
from language_versions.factories import (
    CAPTIONS_TEXT,
    WEBM_BYTES,
    SignLanguageIndexPageFactory,
    SignLanguagePageFactory,
)

pytestmark = pytest.mark.django_db

SIZE = len(WEBM_BYTES)


@pytest.fixture
def page(home):
    return SignLanguagePageFactory(parent=SignLanguageIndexPageFactory(parent=home))


def body(response):
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-9", 0, 9),
        ("bytes=10-", 10, SIZE - 1),
        ("bytes=-5", SIZE - 5, SIZE - 1),
        ("bytes=4-100000", 4, SIZE - 1),
        (f"bytes={SIZE - 1}-{SIZE - 1}", SIZE - 1, SIZE - 1),
        ("bytes=-100000", 0, SIZE - 1),
    ],
)
def test_one_range_gets_206_with_exactly_those_bytes(client, page, header, first, last):
    response = client.get(page.video_url(), HTTP_RANGE=header)

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{SIZE}"
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Content-Type"] == "video/webm"
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == WEBM_BYTES[first : last + 1]


@pytest.mark.parametrize("header", [f"bytes={SIZE}-", f"bytes={SIZE + 50}-{SIZE + 60}", "bytes=-0"])
def test_a_range_past_the_end_gets_416_naming_the_size(client, page, header):
    response = client.get(page.video_url(), HTTP_RANGE=header)

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{SIZE}"


@pytest.mark.parametrize(
    "header", ["bytes=abc", "bytes=0-1,5-6", "items=0-5", "bytes=9-3", "bytes=-", ""]
)
def test_a_range_the_server_may_ignore_gets_the_whole_file(client, page, header):
    response = client.get(page.video_url(), HTTP_RANGE=header)

    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(SIZE)
    assert body(response) == WEBM_BYTES


def test_without_range_the_whole_video_says_it_takes_ranges(client, page):
    response = client.get(page.video_url())

    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["ETag"].startswith('"')
    assert body(response) == WEBM_BYTES


def test_if_range_with_the_current_etag_gets_the_part_and_a_stale_one_the_whole(client, page):
    etag = client.get(page.video_url())["ETag"]

    current = client.get(page.video_url(), HTTP_RANGE="bytes=0-3", HTTP_IF_RANGE=etag)
    stale = client.get(page.video_url(), HTTP_RANGE="bytes=0-3", HTTP_IF_RANGE='"old-1"')

    assert current.status_code == 206 and body(current) == WEBM_BYTES[:4]
    assert stale.status_code == 200 and body(stale) == WEBM_BYTES


def test_captions_answer_ranges_too(client, page):
    response = client.get(page.captions_url(), HTTP_RANGE="bytes=0-5")

    assert response.status_code == 206
    assert body(response) == CAPTIONS_TEXT.encode()[:6] == b"WEBVTT"


def test_an_old_version_address_is_still_not_found_with_a_range(client, page):
    response = client.get(f"{page.url}video/000000000000/", HTTP_RANGE="bytes=0-1")

    assert response.status_code == 404


def test_parse_range_of_an_empty_file_satisfies_nothing():
    with pytest.raises(Unsatisfiable):
        parse_range("bytes=0-", 0)
    with pytest.raises(Unsatisfiable):
        parse_range("bytes=-1", 0)


SAME_HEADERS = ("Cache-Control", "Content-Security-Policy", "Content-Disposition", "Vary")


@pytest.mark.parametrize("url_name", ["video_url", "captions_url"])
def test_a_part_carries_the_whole_files_caching_and_security_headers(client, page, url_name):
    url = getattr(page, url_name)()
    whole = client.get(url)
    part = client.get(url, HTTP_RANGE="bytes=0-9")

    assert (whole.status_code, part.status_code) == (200, 206)
    assert whole["Cache-Control"].startswith("public")
    assert "sandbox" in whole["Content-Security-Policy"]
    assert whole["Content-Disposition"].startswith("inline")
    for header in SAME_HEADERS:
        assert part.get(header) == whole.get(header), header
