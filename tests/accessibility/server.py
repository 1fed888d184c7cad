"""The accessibility suite's live server (tests/accessibility/conftest.py: a11y_site)."""


def one_request_at_a_time_server():
    """A live server like ``tests/browser``'s: one request at a time, because the
    admin's parallel requests make a threaded server share one in-memory SQLite
    connection between threads ("database table is locked")."""
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
    from pytest_django.live_server_helper import LiveServer

    class OneRequestAtATimeThread(LiveServerThread):
        def _create_server(self, connections_override=None):
            return WSGIServer(
                (self.host, self.port), QuietWSGIRequestHandler, allow_reuse_address=False
            )

    server = LiveServer("localhost", start=False)
    default = server.thread
    server.thread = OneRequestAtATimeThread(
        default.host,
        static_handler=default.static_handler,
        connections_override=default.connections_override,
        port=default.port,
    )
    server.thread.daemon = True
    server.start()
    return server
