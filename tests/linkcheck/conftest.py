"""A local HTTP server for the link checker, and a guard: no test here reaches the network."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.editorial.conftest import redaktor_client  # noqa: F401

_real_connect = socket.socket.connect
_release = threading.Event()


class Handler(BaseHTTPRequestHandler):
    requests = []

    def do_GET(self):
        Handler.requests.append((self.path, self.headers.get("User-Agent")))
        if self.path == "/robots.txt":
            self._answer(200, b"User-agent: *\nDisallow: /privat/\n")
        elif self.path == "/ok":
            self._answer(200, b"ok")
        elif self.path == "/flyttad":
            self.send_response(301)
            self.send_header("Location", "/ny-plats")
            self.end_headers()
        elif self.path == "/fel":
            self._answer(500, b"fel")
        elif self.path == "/langsam":
            _release.wait(5)  # held until the checker has given up; released at teardown
            self._answer(200, b"sent")
        else:
            self._answer(404, b"saknas")

    def _answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    """Base URL of a threading HTTP server on 127.0.0.1 (an OS-chosen port)."""
    Handler.requests = []
    _release.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    _release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any connection to an address other than 127.0.0.1 fails the test."""

    def guarded_connect(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "localhost") and not str(host).startswith("/"):
            raise AssertionError(f"the link checker tried to reach the network: {address}")
        return _real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
