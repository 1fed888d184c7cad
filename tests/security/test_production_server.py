"""The production stack for real: collectstatic, then gunicorn with production settings,
answering as it would behind the TLS proxy. Slow-ish (one migrate, one collectstatic,
one server start for the module), so all checks share one server."""

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings

BASE_DIR = Path(django_settings.BASE_DIR)
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, redis_url):
    folder = tmp_path_factory.mktemp("production")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SECURE_", "SERVE_"))
        and key
        not in {
            "DATABASE_URL",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "NUM_PROXIES",
            "AWS_STORAGE_BUCKET_NAME",
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="agency.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="www.tillvaxtverket.se",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        NUM_PROXIES="1",  # as behind the shipped front cache
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=f"test-production-{secrets.token_hex(4)}",
    )
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    # The same steps as `make serve-prod`.
    for command in (["collectstatic", "--noinput"], ["migrate", "--noinput"]):
        result = subprocess.run(
            [*manage, *command], env=env, cwd=BASE_DIR, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-3000:]

    port = free_port()
    process = subprocess.Popen(
        [str(GUNICORN), "agency.wsgi:application", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "1", "--timeout", "30"],
        env=env,
        cwd=BASE_DIR,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Wait for gunicorn's own word that a worker is up (no sleeping, no polling).
        for line in process.stderr:
            if "Booting worker" in line:
                break
        else:
            pytest.fail("gunicorn exited before serving")
        yield {"port": port, "static_root": folder / "static"}
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stderr.close()


def get(server, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", server["port"], timeout=30)
    connection.request("GET", path, headers={"Host": "www.tillvaxtverket.se", **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_plain_http_is_redirected_to_https(server):
    response, _ = get(server, "/")

    assert response.status == 301
    assert response.getheader("Location") == "https://www.tillvaxtverket.se/"


def test_page_through_the_proxy_has_security_headers(server):
    response, _ = get(server, "/", {"X-Forwarded-Proto": "https"})

    assert response.status == 200
    assert response.getheader("Server") == "gunicorn"
    assert response.getheader("Strict-Transport-Security").startswith("max-age=31536000")
    assert "script-src 'self';" in response.getheader("Content-Security-Policy")
    assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_unknown_host_is_refused(server):
    response, _ = get(server, "/", {"Host": "evil.example", "X-Forwarded-Proto": "https"})

    assert response.status == 400


def test_static_files_are_hashed_compressed_and_cached_for_ever(server):
    manifest = json.loads((server["static_root"] / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"

    response, body = get(
        server, f"/static/{hashed}", {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
    )

    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert "immutable" in response.getheader("Cache-Control")
    original = (BASE_DIR / "static" / "css" / "site.css").stat().st_size
    assert len(body) < original
