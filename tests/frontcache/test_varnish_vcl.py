"""What the shipped VCL does on its own, with small stand-in app nodes behind it.

Balancing between nodes, health probes, stale copies when the app is down
(stale-if-error), whole requests only, cookies, and who may purge. The app itself is
behind Varnish in test_publish_through_varnish.py; here the nodes are tiny HTTP servers
whose answers each test controls, so a node can really be stopped.
"""

import socket
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.frontcache.conftest import start_varnish, stop_varnish, wait_until


class Node:
    """An app node stand-in on a free port; `stop()` takes it down for real."""

    def __init__(self, name):
        self.name = name
        self.requests = Counter()
        self.cookies = []
        node = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                node.requests[self.path] += 1
                headers = {"Cache-Control": "private, no-store"}
                body = node.name
                if self.path == "/echo-cookie":
                    node.cookies.append(self.headers.get("Cookie"))
                elif self.path == "/sets-cookie":
                    headers = {"Cache-Control": "public, s-maxage=300", "Set-Cookie": "a=b"}
                elif self.path == "/shared":
                    headers = {"Cache-Control": "public, max-age=60, s-maxage=300"}
                    body = f"{node.name} {node.requests[self.path]}"
                elif self.path == "/validated":
                    headers = {"Cache-Control": "public, s-maxage=300", "ETag": '"v1"'}
                    body = "Tillväxtverket " * 100
                elif self.path == "/expired":
                    # Stored 120 s ago by an upstream, shareable for 60 s: stale at once,
                    # but still good for a day if the app fails (RFC 5861).
                    headers = {
                        "Cache-Control": "public, s-maxage=60, stale-if-error=86400",
                        "Age": "120",
                    }
                    body = f"version {node.requests[self.path]}"
                data = body.encode()
                self.send_response(200)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.address = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        if self.thread.is_alive():
            self.server.shutdown()
            self.server.server_close()
            self.thread.join()


@pytest.fixture
def nodes():
    started = [Node("a"), Node("b")]
    yield started
    for node in started:
        node.stop()


@pytest.fixture
def varnish(nodes, tmp_path):
    varnish = start_varnish([node.address for node in nodes], tmp_path, probe_interval=1)
    yield varnish
    stop_varnish(varnish)


def body(response):
    return response[2].decode()


def test_requests_are_balanced_round_robin_between_the_nodes(varnish):
    answers = [body(varnish.get("/node")) for _ in range(4)]

    assert sorted(answers) == ["a", "a", "b", "b"]
    assert answers[0] != answers[1] and answers[1] != answers[2]


def test_a_stopped_node_is_left_out_once_its_probe_fails(varnish, nodes):
    nodes[1].stop()

    wait_until(lambda: varnish.backend_health().get("node1") == "sick", "the probe to fail")

    answers = [varnish.get("/node") for _ in range(4)]
    assert [status for status, _h, _b in answers] == [200] * 4
    assert {b.decode() for _s, _h, b in answers} == {"a"}


def test_shareable_answers_are_cached_once_for_all_nodes(varnish, nodes):
    first = varnish.get("/shared")
    second = varnish.get("/shared")

    assert body(first) == body(second)
    assert second[1]["X-Cache"] == "HIT"
    assert sum(node.requests["/shared"] for node in nodes) == 1


def test_a_stale_copy_is_served_when_the_app_is_down(varnish, nodes):
    assert body(varnish.get("/expired")) == "version 1"
    # Stale on arrival, so the next request is a miss (the other node answers).
    second = varnish.get("/expired")
    assert second[1]["X-Cache"] == "MISS" and body(second) == "version 1"
    for node in nodes:
        node.stop()

    # At once, before the probes notice: the fetch fails, the stale copy is served.
    status, headers, data = varnish.get("/expired")
    assert status == 200
    assert data.decode() == "version 1"
    assert headers["X-Cache"] == "HIT"
    # And once the probes have marked both nodes sick.
    wait_until(lambda: set(varnish.backend_health().values()) == {"sick"}, "both probes to fail")
    status, _headers, data = varnish.get("/expired")
    assert status == 200 and data.decode().startswith("version")
    # Nothing cached: an honest error, at once.
    assert varnish.get("/never-fetched")[0] == 503


def test_anonymous_requests_reach_the_app_without_cookies(varnish, nodes):
    varnish.get("/echo-cookie", {"Cookie": "_ga=GA1.2.3; csrftoken=abc"})
    varnish.get("/echo-cookie", {"Cookie": "csrftoken=abc; sessionid=editor"})
    varnish.get("/echo-cookie", {"Cookie": "__Host-sessionid=editor"})

    cookies = nodes[0].cookies + nodes[1].cookies
    assert sorted(cookies, key=str) == sorted(
        [None, "csrftoken=abc; sessionid=editor", "__Host-sessionid=editor"], key=str
    )


def test_an_answer_that_sets_a_cookie_is_never_stored(varnish, nodes):
    for _ in range(3):
        status, headers, _data = varnish.get("/sets-cookie")
        assert status == 200 and headers["Set-Cookie"] == "a=b"

    assert sum(node.requests["/sets-cookie"] for node in nodes) == 3


def test_a_slow_client_never_reaches_the_app_before_its_request_is_complete(varnish, nodes):
    slow = socket.create_connection(("127.0.0.1", varnish.port))
    try:
        slow.sendall(b"GET /slow HTTP/1.1\r\nHost: example.se\r\nUser-Agent: slow")
        # Everybody else is served meanwhile.
        for _ in range(4):
            assert varnish.get("/node")[0] == 200
        assert sum(node.requests["/slow"] for node in nodes) == 0

        slow.sendall(b"\r\n\r\n")
        assert slow.recv(12).startswith(b"HTTP/1.1 200")
        assert sum(node.requests["/slow"] for node in nodes) == 1
    finally:
        slow.close()


def test_purge_bans_every_variant_of_a_path(varnish, nodes):
    varnish.get("/shared")
    varnish.get("/shared?page=2")

    assert varnish.get("/shared", method="PURGE")[0] == 200

    assert varnish.get("/shared")[1]["X-Cache"] == "MISS"
    assert varnish.get("/shared?page=2")[1]["X-Cache"] == "MISS"


def test_ban_clears_everything(varnish):
    varnish.get("/shared")
    varnish.get("/node")

    assert varnish.get("/", method="BAN")[0] == 200

    assert varnish.get("/shared")[1]["X-Cache"] == "MISS"


def test_purge_and_ban_are_refused_from_other_addresses(nodes, tmp_path):
    varnish = start_varnish(
        [node.address for node in nodes], tmp_path, purge_allowed=("192.0.2.10", "10.1.0.0/16")
    )
    try:
        varnish.get("/shared")

        assert varnish.get("/shared", method="PURGE")[0] == 405
        assert varnish.get("/", method="BAN")[0] == 405
        assert varnish.get("/shared")[1]["X-Cache"] == "HIT"
    finally:
        stop_varnish(varnish)


def test_each_copy_keeps_a_strong_etag_of_its_own(varnish, nodes):
    """Varnish weakens the ETag of what it gzips; the VCL names the gzip copy "v1-gzip"
    and gives the uncompressed one the app's own "v1" (RFC 9110 section 8.8.3), and
    answers If-None-Match for either with 304."""
    import gzip

    status, headers, zipped = varnish.get("/validated", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert headers["ETag"] == '"v1-gzip"'
    status, headers, plain = varnish.get("/validated")
    assert status == 200 and "Content-Encoding" not in headers
    assert headers["ETag"] == '"v1"'
    assert gzip.decompress(zipped) == plain

    status, headers, _ = varnish.get(
        "/validated", {"Accept-Encoding": "gzip", "If-None-Match": '"v1-gzip"'}
    )
    assert status == 304 and headers["ETag"] == '"v1-gzip"'
    status, headers, _ = varnish.get("/validated", {"If-None-Match": '"v1"'})
    assert status == 304 and headers["ETag"] == '"v1"'
    # Weak comparison: another copy's tag names the same content.
    status, headers, _ = varnish.get("/validated", {"If-None-Match": '"v1-gzip"'})
    assert status == 304 and headers["ETag"] == '"v1"'
    status, _headers, _ = varnish.get("/validated", {"If-None-Match": '"v0"'})
    assert status == 200
    assert sum(node.requests["/validated"] for node in nodes) == 1
