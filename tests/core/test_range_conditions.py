"""Range requests on every stored-file address (documents, the sign-language video and
its captions; core/file_ranges.py): If-Range in both its forms (RFC 9110 section
13.1.5) and the 416 answer (section 15.5.17)."""

import pytest
from django.utils.http import http_date, parse_http_date

from documents.factories import DocumentFactory
from language_versions.factories import (
    CAPTIONS_TEXT,
    WEBM_BYTES,
    SignLanguageIndexPageFactory,
    SignLanguagePageFactory,
)
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture(params=["document", "video", "captions"])
def stored_file(request, home):
    """(url, the file's bytes) of one stored-file address kind."""
    if request.param == "document":
        document = DocumentFactory(title="Strategin")
        strategies = StrategyIndexPageFactory(parent=home)
        StrategyDocumentPageFactory(parent=strategies, document=document)
        with document.file.open("rb") as opened:
            return document.url, opened.read()
    page = SignLanguagePageFactory(parent=SignLanguageIndexPageFactory(parent=home))
    if request.param == "video":
        return page.video_url(), WEBM_BYTES
    return page.captions_url(), CAPTIONS_TEXT.encode()


def test_if_range_with_the_current_etag_or_date_gives_the_part(client, stored_file):
    url, data = stored_file
    whole = client.get(url)
    assert whole["ETag"].startswith('"') and whole["Last-Modified"]

    for validator in (whole["ETag"], whole["Last-Modified"]):
        response = client.get(url, HTTP_RANGE="bytes=0-3", HTTP_IF_RANGE=validator)

        assert response.status_code == 206, validator
        assert body(response) == data[:4]
        assert response["Content-Range"] == f"bytes 0-3/{len(data)}"


def test_the_same_date_in_another_http_date_form_still_matches(client, stored_file):
    url, data = stored_file
    modified = parse_http_date(client.get(url)["Last-Modified"])
    # RFC 850 form of the same second (RFC 9110 section 5.6.7: recipients accept it).
    rfc850 = http_date(modified).replace(",", "").split()
    rfc850 = f"Sunday, {rfc850[1]}-{rfc850[2]}-{rfc850[3][2:]} {rfc850[4]} GMT"
    assert parse_http_date(rfc850) == modified

    response = client.get(url, HTTP_RANGE="bytes=1-2", HTTP_IF_RANGE=rfc850)

    assert response.status_code == 206 and body(response) == data[1:3]


@pytest.mark.parametrize(
    "if_range",
    [
        '"another"',  # another entity-tag
        "W/{etag}",  # the current tag, but weak: If-Range compares strongly
        "{earlier}",  # a date a second before Last-Modified
        "{later}",  # a date after it: not an exact match either
        "yesterday",  # malformed: neither a tag nor a date
        "Mon, 99 Foo 2026 25:61:61 GMT",  # date-shaped but no date
        "",  # empty
        '"',  # half a tag
    ],
)
def test_an_if_range_that_does_not_match_gives_the_whole_file(client, stored_file, if_range):
    url, data = stored_file
    whole = client.get(url)
    modified = parse_http_date(whole["Last-Modified"])
    if_range = if_range.format(
        etag=whole["ETag"], earlier=http_date(modified - 1), later=http_date(modified + 60)
    )

    response = client.get(url, HTTP_RANGE="bytes=0-3", HTTP_IF_RANGE=if_range)

    assert response.status_code == 200
    assert body(response) == data
    assert "Content-Range" not in response


def test_a_non_matching_if_range_sends_the_whole_file_even_for_a_range_past_the_end(
    client, stored_file
):
    url, data = stored_file

    response = client.get(url, HTTP_RANGE=f"bytes={len(data)}-", HTTP_IF_RANGE='"another"')

    assert response.status_code == 200 and body(response) == data


@pytest.mark.parametrize("range_past_end", ["bytes={size}-", "bytes={more}-{much}", "bytes=-0"])
def test_416_names_the_size_in_short_plain_text_and_is_never_stored(
    client, stored_file, range_past_end
):
    url, data = stored_file
    size = len(data)

    response = client.get(
        url, HTTP_RANGE=range_past_end.format(size=size, more=size + 5, much=size + 50)
    )

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{size}"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = body(response).decode()
    assert str(size) in text and len(text) < 200 and "<" not in text
    assert response["Cache-Control"] == "no-store"
    assert "Content-Disposition" not in response


def test_the_416_text_is_translated():
    from django.utils import translation

    from core.file_ranges import not_satisfiable

    with translation.override("en"):
        text = not_satisfiable(10).content.decode()

    assert "10" in text and "bytes" in text
