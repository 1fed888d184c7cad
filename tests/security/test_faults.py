"""The database failing while the site serves: quick error pages, and recovery by itself.

PostgreSQL only (SQLite has no server to lose). The machine's PostgreSQL server is
shared, so it is never stopped: the site is served by a real WSGI server in a thread
and reaches the database through a small TCP relay in this test, which can be cut
(connections dropped, port closed), turned into a black hole (accepts, never answers)
and restored. A database restart, which drops every connection, is simulated by
terminating this test database's own backends.

Nothing here measures time: a hang would show as the HTTP client's generous timeout
expiring, which fails the test.
"""

import contextlib
import socket
import threading
import urllib.error
import urllib.request
from unittest import mock

import psycopg
import pytest
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.core.wsgi import get_wsgi_application
from django.db import OperationalError, connection, connections

from pages.factories import TopicPageFactory
from pages.models import HomePage

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="database fault tests need PostgreSQL (set DATABASE_URL=postgres://...)",
    ),
    # Real connections from other threads: committed data, restored afterwards for the
    # tests that follow (the roles and locales from data migrations included).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Far longer than any answer takes; only a hang reaches it.
HTTP_TIMEOUT = 60
ERROR_PAGE_TEXT = "Något gick fel hos oss"


class Relay:
    """A TCP relay to PostgreSQL on a free local port that a test can cut and restore."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, int(target_port))
        self.port = None
        self.black_hole = False
        self._listener = None
        self._sockets = []
        self._lock = threading.Lock()

    def start(self):
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port or 0))
        listener.listen(16)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self):
        """The database is gone: open connections drop, new ones are refused."""
        if self._listener is not None:
            # shutdown() first: on Linux close() alone does not wake a blocked accept(),
            # and the port would go on accepting.
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            with self._lock:
                self._sockets.append(client)
            if self.black_hole:
                continue  # accepted, and never a byte in reply
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets.append(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class SiteServer:
    """The site under a real WSGI server in one thread, so database connections persist
    between requests and are checked and replaced the way they are in production."""

    def __init__(self):
        self.httpd = WSGIServer(("127.0.0.1", 0), QuietHandler)
        self.httpd.set_app(get_wsgi_application())
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self):
        try:
            self.httpd.serve_forever(poll_interval=0.05)
        finally:
            connections.close_all()

    def get(self, path="/"):
        """(status, body) of a GET; a hang fails the test through the timeout."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=HTTP_TIMEOUT) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


@pytest.fixture
def site_pages(home):
    TopicPageFactory(parent=home, title="Regional kapacitet", slug="regional-kapacitet")
    return home


@pytest.fixture
def relay():
    settings = connections.settings["default"]
    original = {key: settings.get(key) for key in ("HOST", "PORT")}
    original_options = dict(settings.get("OPTIONS", {}))
    relay = Relay(settings.get("HOST") or "127.0.0.1", settings.get("PORT") or 5432)
    relay.start()
    # New connections, in every thread, go through the relay from now on.
    connection.close()
    settings["HOST"], settings["PORT"] = "127.0.0.1", str(relay.port)
    yield relay
    relay.cut()
    settings.update(original)
    settings["OPTIONS"] = original_options
    connection.close()


@pytest.fixture
def server():
    server = SiteServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.thread.join()
    server.httpd.server_close()


def test_while_the_database_is_gone_rendered_pages_stay_and_the_rest_fails_fast_then_recovers(
    site_pages, relay, server
):
    regional = site_pages.get_children().get(slug="regional-kapacitet")
    TopicPageFactory(parent=regional, title="Smart specialisering", slug="smart")
    pages = {
        "/regional-kapacitet/": "Regional kapacitet",
        "/regional-kapacitet/smart/": "Smart specialisering",
    }
    for path in pages:
        assert server.get(path)[0] == 200

    relay.cut()
    # Pages already rendered are served from the shared cache without the database
    # (core/render_cache.py; routing from the cached localized root, core/site_cache.py):
    # readers keep reading.
    for path, text in pages.items():
        status, body = server.get(path)
        assert status == 200, path
        assert text in body
    # What needs the database (a search is never served from the render cache, nor is a
    # page not yet rendered) gets the quick error page, not a hanging worker; and again
    # for the next visitor.
    for path in ("/sok/?q=kapacitet", "/sok/?q=regional", "/finns-inte-an/"):
        status, body = server.get(path)
        assert status == 500, path
        assert ERROR_PAGE_TEXT in body

    relay.start()  # the database is back, on the same address
    status, body = server.get("/regional-kapacitet/")
    assert status == 200
    assert "Regional kapacitet" in body


def test_a_database_that_accepts_but_never_answers_gives_the_error_page(site_pages, relay, server):
    connections.settings["default"].setdefault("OPTIONS", {})["connect_timeout"] = 2
    assert server.get("/")[0] == 200
    relay.cut()
    relay.black_hole = True
    relay.start()

    status, body = server.get("/regional-kapacitet/")

    assert status == 500
    assert ERROR_PAGE_TEXT in body


def terminate_backends(database_name):
    """What a database restart does to every open connection, for this database only."""
    settings = connections.settings["default"]
    with psycopg.connect(
        host=settings.get("HOST") or "127.0.0.1",
        port=settings.get("PORT") or 5432,
        user=settings.get("USER") or "postgres",
        password=settings.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    ) as admin:
        killed = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [database_name],
        ).fetchall()
    return len(killed)


def test_after_the_database_drops_every_connection_the_next_request_succeeds(site_pages, server):
    assert server.get("/regional-kapacitet/")[0] == 200
    database_name = connection.settings_dict["NAME"]

    assert terminate_backends(database_name) >= 1
    connection.close()  # the test's own connection was dropped too

    status, body = server.get("/regional-kapacitet/")
    assert status == 200
    assert "Regional kapacitet" in body


def test_every_connection_has_a_statement_timeout():
    options = connection.settings_dict.get("OPTIONS", {})

    assert "statement_timeout" in options.get("options", "")
    assert options.get("connect_timeout")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] != "0"


def test_a_query_slower_than_the_statement_timeout_is_cancelled():
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 200")
        with pytest.raises(OperationalError, match="statement timeout"):
            cursor.execute("SELECT pg_sleep(30)")
    connection.close()


def test_a_page_held_up_by_a_slow_query_gives_the_error_page(site_pages, relay, server):
    """The server's connection gets a 200 ms statement timeout; the home page then runs
    a query that would take 30 s. The visitor gets the error page, and the site goes on."""
    connections.settings["default"]["OPTIONS"]["options"] = "-c statement_timeout=200"
    original_get_context = HomePage.get_context

    def slow_get_context(self, request, *args, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(30)")
        return original_get_context(self, request, *args, **kwargs)

    with mock.patch.object(HomePage, "get_context", slow_get_context):
        status, body = server.get("/")
    assert status == 500
    assert ERROR_PAGE_TEXT in body

    assert server.get("/regional-kapacitet/")[0] == 200
