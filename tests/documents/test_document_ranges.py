"""The document address answers HTTP range requests (documents/serving.py,
core/file_ranges.py; RFC 9110 section 14): 206 with Content-Range, 416 past the end,
the whole file for a range it may ignore; Wagtail's ETag, Last-Modified,
Content-Disposition and CSP kept; the publicity rule still first."""

import pytest

from documents.factories import DocumentFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory


@pytest.fixture
def document(home):
    document = DocumentFactory(title="Strategin")
    strategies = StrategyIndexPageFactory(parent=home)
    StrategyDocumentPageFactory(parent=strategies, document=document).save_revision().publish()
    return document


def whole(document):
    with document.file.open("rb") as opened:
        return opened.read()


def body(response):
    return b"".join(response.streaming_content)


def test_without_range_the_whole_file_comes_and_ranges_are_offered(client, document):
    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == whole(document)
    assert response["ETag"] == f'"{document.file_hash}"'
    assert response["Last-Modified"]
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-9", 0, 9),
        ("bytes=10-", 10, None),
        ("bytes=-7", -7, None),
        ("bytes=100-99999999", 100, None),
        ("BYTES = 3 - 3", 3, 3),
    ],
)
def test_a_satisfiable_range_gets_206_with_just_those_bytes(client, document, header, first, last):
    data = whole(document)
    expected = data[first:] if last is None else data[first : last + 1]
    start = first % len(data)
    plain = client.get(document.url)

    response = client.get(document.url, HTTP_RANGE=header)

    assert response.status_code == 206
    assert body(response) == expected
    assert response["Content-Length"] == str(len(expected))
    assert response["Content-Range"] == f"bytes {start}-{start + len(expected) - 1}/{len(data)}"
    assert response["ETag"] == f'"{document.file_hash}"'
    for kept in ("Content-Disposition", "Content-Security-Policy", "Last-Modified"):
        assert response[kept] == plain[kept]


@pytest.mark.parametrize("header", ["bytes={size}-", "bytes={size}-{bigger}", "bytes=-0"])
def test_a_range_past_the_end_is_416_naming_the_size(client, document, header):
    size = len(whole(document))

    response = client.get(document.url, HTTP_RANGE=header.format(size=size, bigger=size + 9))

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{size}"


@pytest.mark.parametrize(
    "header", ["bytes=abc", "items=0-5", "bytes=5-2", "bytes=0-1,4-5", "bytes=-", "bytes 0-5"]
)
def test_a_range_with_bad_syntax_or_several_parts_is_ignored(client, document, header):
    response = client.get(document.url, HTTP_RANGE=header)

    assert response.status_code == 200
    assert body(response) == whole(document)


def test_if_range_gives_the_part_only_while_the_etag_is_current(client, document):
    current = client.get(
        document.url, HTTP_RANGE="bytes=0-3", HTTP_IF_RANGE=f'"{document.file_hash}"'
    )
    stale = client.get(document.url, HTTP_RANGE="bytes=0-3", HTTP_IF_RANGE='"older"')
    dated = client.get(
        document.url, HTTP_RANGE="bytes=0-3", HTTP_IF_RANGE="Tue, 01 Dec 2026 00:00:00 GMT"
    )

    assert current.status_code == 206 and body(current) == whole(document)[:4]
    assert stale.status_code == 200 and body(stale) == whole(document)
    assert dated.status_code == 200


def test_a_matching_if_none_match_is_still_304(client, document):
    response = client.get(
        document.url, HTTP_RANGE="bytes=0-3", HTTP_IF_NONE_MATCH=f'"{document.file_hash}"'
    )

    assert response.status_code == 304


def test_a_document_no_live_page_uses_is_404_whatever_the_range(client, home):
    response = client.get(DocumentFactory().url, HTTP_RANGE="bytes=0-3")

    assert response.status_code == 404


@pytest.mark.parametrize("method", ["get", "head"])
@pytest.mark.parametrize("headers", [{}, {"HTTP_RANGE": "bytes=0-9"}])
def test_a_document_whose_file_is_gone_is_a_404_not_a_500(client, document, method, headers):
    # On local disk; tests/storage/test_object_storage.py has the same in a bucket.
    document.file.storage.delete(document.file.name)

    response = getattr(client, method)(document.url, **headers)

    assert response.status_code == 404
