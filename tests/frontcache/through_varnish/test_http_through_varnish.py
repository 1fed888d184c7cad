"""HTTP through the front cache with the shipped VCL (deploy/varnish/): anonymous pages come
compressed, without cookies and answer 304; editors with a session and the admin always
reach the app; the feedback form works; documents are served in ranges; Brotli and gzip
copies are cached side by side and purged together; the page-feedback question is
answered and commented through it, the page staying cached."""

import gzip
import re

import pytest

from feedback.factories import FeedbackFormPageFactory
from tests.frontcache.through_varnish.seen import cached, publish, text

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_anonymous_pages_come_gzipped_without_cookies_and_answer_304(front_cache, site):
    path = site["topic"].url
    status, headers, body = front_cache.get(path, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "Regional kapacitet" in text(gzip.decompress(body))
    assert "Set-Cookie" not in headers
    assert "s-maxage=" in headers["Cache-Control"]

    status, headers, body = front_cache.get(path, {"If-None-Match": headers["ETag"]})
    assert status == 304
    assert headers["X-Cache"] == "HIT"


def test_an_editor_with_a_session_always_gets_the_apps_own_answer(front_cache, site):
    path = site["topic"].url
    cached(front_cache, path, "Regional kapacitet")

    for _ in range(2):
        status, headers, _body = front_cache.get(path, {"Cookie": "sessionid=abc123"})
        assert status == 200
        assert headers["X-Cache"] == "MISS"
        assert "private" in headers["Cache-Control"]


def test_the_admin_is_never_cached(front_cache, site):
    for _ in range(2):
        status, headers, _body = front_cache.get("/admin/login/")
        assert status == 200
        assert headers["X-Cache"] == "MISS"


def test_the_feedback_form_works_behind_the_front_cache(front_cache, site):
    feedback = FeedbackFormPageFactory(parent=site["home"], contact=site["contact"])
    status, headers, body = front_cache.get(feedback.url)
    assert status == 200
    assert "private" in headers["Cache-Control"]
    assert "Set-Cookie" not in headers
    token = re.search(r'name="form_token" value="([^"]+)"', text(body)).group(1)
    status, headers, body = front_cache.get(feedback.url)
    assert headers["X-Cache"] == "MISS"

    form = (f"form_token={token}&namn=Anna&e_post=anna%40example.com&synpunkter=Bra+sida.").encode()
    status, headers, body = front_cache.get(
        feedback.url,
        {
            "Origin": front_cache.url,
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": front_cache.url + feedback.url,
        },
        method="POST",
        data=form,
    )

    assert status == 200, text(body)[:400]
    assert "Tack för dina synpunkter!" in text(body)


def test_a_document_is_served_in_ranges_from_the_cache(front_cache, site):
    path = site["document"].url
    status, _headers, whole = front_cache.get(path)
    assert status == 200

    status, headers, part = front_cache.get(path, {"Range": "bytes=100-199"})

    assert status == 206
    assert headers["Content-Range"] == f"bytes 100-199/{len(whole)}"
    assert part == whole[100:200]


def test_brotli_and_gzip_copies_are_cached_side_by_side_and_purged_together(front_cache, site):
    import brotli

    path = site["topic"].url
    for _ in range(2):
        status, br_headers, br_body = front_cache.get(
            path, {"Accept-Encoding": "gzip, deflate, br"}
        )
        status, gz_headers, gz_body = front_cache.get(path, {"Accept-Encoding": "gzip"})
    assert br_headers["Content-Encoding"] == "br" and br_headers["X-Cache"] == "HIT"
    assert gz_headers["Content-Encoding"] == "gzip" and gz_headers["X-Cache"] == "HIT"
    assert brotli.decompress(br_body) == gzip.decompress(gz_body)

    publish(site["topic"], title="Regional utveckling")

    _status, _headers, br_body = front_cache.get(path, {"Accept-Encoding": "br"})
    _status, _headers, gz_body = front_cache.get(path, {"Accept-Encoding": "gzip"})
    assert "Regional utveckling" in text(brotli.decompress(br_body))
    assert "Regional utveckling" in text(gzip.decompress(gz_body))


def test_page_feedback_works_behind_the_front_cache_and_keeps_the_page_cached(front_cache, site):
    """The question's answer and comment are posted through the front cache: each repeat
    is thanked and counted once (page_feedback/votes.py), an empty comment is refused, a
    real one stored; nothing is cached from the posts and the page stays a HIT."""
    from page_feedback.models import PageFeedback

    path = site["topic"].url
    cached(front_cache, path, "Hittade du det du sökte?")
    _status, _headers, body = front_cache.get(path)
    token = re.search(r'name="token" value="([^"]+)"', text(body)).group(1)
    same_site = {
        "Origin": front_cache.url,
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": front_cache.url + path,
    }

    def post(url, form):
        return front_cache.get(url, same_site, method="POST", data=form.encode())

    replies = [post("/sidrespons/svar/", f"token={token}&found=ja") for _ in range(3)]

    for status, headers, body in replies:
        assert status == 200, text(body)[:400]
        assert "Tack för ditt svar" in text(body)
        assert "private" in headers["Cache-Control"] and "Set-Cookie" not in headers
        assert headers["X-Cache"] == "MISS"
    assert PageFeedback.objects.filter(page=site["topic"]).count() == 1
    answer = re.search(r'name="token" value="([^"]+)"', text(replies[-1][2])).group(1)
    status, _headers, body = post("/sidrespons/kommentar/", f"token={answer}&comment=%E2%80%8B+")
    assert status == 400 and "Kommentaren är tom" in text(body)
    status, _headers, body = post("/sidrespons/kommentar/", f"token={answer}&comment=Bra+sida.")
    assert status == 200 and "Din kommentar hjälper oss" in text(body)
    assert PageFeedback.objects.get(page=site["topic"]).comment == "Bra sida."
    _status, headers, _body = front_cache.get(path)
    assert headers["X-Cache"] == "HIT"
