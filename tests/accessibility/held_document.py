"""A page that arrives in two parts, as it does on a slow connection.

Browsers draw a page while it is still arriving. ``HeldDocument`` stands in front of the
accessibility suite's live server (``a11y_site``), sends one page's HTML up to a chosen
point, holds the rest until the test calls ``release()``, and passes every other request
(stylesheets, scripts, images) on unchanged, so a test sees what a visitor saw in between.
"""

import re
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# The page's own response headers that matter to the browser (its CSP above all).
FORWARDED = {"content-type", "content-security-policy", "content-language"}


class HeldDocument:
    """``with HeldDocument(origin, path, cut) as held:`` serves ``held.url``.

    In: `origin`, the live server (``http://host:port``); `path`, the page's path there;
    `cut`, a regular expression: the page is sent up to the end of its first match, the
    rest after ``release()`` (or when the block ends). Raises ValueError when the page's
    HTML has no match, and urllib's HTTPError when the page does not answer 200."""

    def __init__(self, origin, path, cut):
        self.origin = origin
        self.path = path
        with urllib.request.urlopen(origin + path) as answer:
            html = answer.read()
            self.headers = [
                (name, value) for name, value in answer.headers.items() if name.lower() in FORWARDED
            ]
        match = re.search(cut.encode(), html, re.DOTALL)
        if match is None:
            raise ValueError(f"{cut!r} is not in {path}")
        self.first, self.rest = html[: match.end()], html[match.end() :]
        self._released = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_port}{path}"

    def release(self):
        self._released.set()

    def __enter__(self):
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info):
        self._released.set()
        self._server.shutdown()
        self._server.server_close()


def _handler(held):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):
            pass

        def do_GET(self):
            if self.path == held.path:
                self._send(200, held.headers, held.first, rest=held.rest)
                return
            try:
                answer = urllib.request.urlopen(held.origin + self.path)
            except urllib.error.HTTPError as error:
                answer = error
            with answer:
                content_type = answer.headers.get("Content-Type")
                headers = [("Content-Type", content_type)] if content_type else []
                self._send(answer.status, headers, answer.read())

        def _send(self, status, headers, body, rest=b""):
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body) + len(rest)))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            if rest:
                held._released.wait()
                self.wfile.write(rest)

    return Handler
