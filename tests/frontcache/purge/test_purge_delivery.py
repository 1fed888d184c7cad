"""When and how purges are sent: only with a front cache, only once the change is committed,
addresses percent-encoded for Varnish, and a front cache that is down does not stop
publishing."""

from tests.frontcache.purge.changes import publish, url
from tests.frontcache.recording import RecordingBackend


def test_nothing_is_purged_without_a_front_cache(
    settings, site, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(site["conference"], introduction="Ändrad.")

    # Only the app's own cache starts a new generation at the commit (core/structure_cache).
    assert callbacks
    assert {callback.__module__ for callback in callbacks} == {"core.structure_cache"}


def test_purges_are_sent_only_once_the_change_is_committed(
    settings, site, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.frontcache.recording.RecordingBackend"}
    }
    RecordingBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(site["strategy"], summary="<p>Ändrad.</p>")
    dependents_before_commit = {url(site["strategies"]), url(site["home"])} & set(
        RecordingBackend.purged
    )

    for callback in callbacks:
        callback()

    assert dependents_before_commit == set()
    assert {url(site["strategies"]), url(site["home"])} <= set(RecordingBackend.purged)


def test_the_varnish_backend_sends_addresses_percent_encoded(site, monkeypatch):
    from core import frontend_cache

    sent = []

    class Response:
        def __enter__(self):
            return self

        def __exit__(self, *args):
            return False

    def urlopen(request, timeout):
        sent.append((request.get_method(), request.full_url, request.headers["Host"], timeout))
        return Response()

    monkeypatch.setattr(frontend_cache, "urlopen", urlopen)
    backend = frontend_cache.VarnishBackend({"LOCATION": "http://127.0.0.1:6081"})

    backend.purge("http://testserver/ämnen/smart/")

    assert sent == [("PURGE", "http://127.0.0.1:6081/%C3%A4mnen/smart/", "testserver", 5)]


def test_a_front_cache_that_is_down_does_not_stop_publishing(
    settings, site, caplog, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "core.frontend_cache.VarnishBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }

    with django_capture_on_commit_callbacks(execute=True):
        page = publish(site["strategy"], title="Publicerad ändå")

    assert page.live and page.title == "Publicerad ändå"
    assert "Front cache: PURGE http://127.0.0.1:9/publikationer/" in caplog.text
