"""What a newcomer gets from `make run`: the development settings under runserver, with the
demo's Site at the address the server answers on.

The demo shows visitors' pages as visitors get them: a wrong address answers with the
site's Swedish 404 page, never Django's English technical page listing every URL
pattern; static files and image renditions are served all the same. Slow-ish (one
migrate and one demo load on a fresh SQLite database), so the checks share one server.
"""

import http.client
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings

BASE_DIR = Path(django_settings.BASE_DIR)
# A 1×1 transparent PNG: stands in for a rendition Wagtail wrote.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def dev_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dev")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SERVE_", "WHITENOISE_"))
        and key not in {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="agency.settings.dev",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        PYTHONUNBUFFERED="1",
    )
    port = free_port()
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    # The same steps as `make run`.
    for command in (
        ["migrate", "--noinput"],
        ["load_demo_content", "--hostname", "127.0.0.1", "--port", str(port)],
    ):
        result = subprocess.run(
            [*manage, *command], env=env, cwd=BASE_DIR, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-3000:]
    (folder / "media" / "images").mkdir(parents=True, exist_ok=True)
    (folder / "media" / "images" / "punkt.png").write_bytes(PNG)
    (folder / "media" / "documents").mkdir(parents=True, exist_ok=True)
    (folder / "media" / "documents" / "hemlig.pdf").write_bytes(b"%PDF-1.4\n")

    process = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # Wait for runserver's own word that it listens (no sleeping, no polling).
        for line in process.stdout:
            if "Quit the server with" in line:
                break
        else:
            pytest.fail("runserver exited before serving")
        yield {"port": port, "demo_output": result.stdout, "env": env, "manage": manage}
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stdout.close()


def get(server, path):
    connection = http.client.HTTPConnection("127.0.0.1", server["port"], timeout=30)
    connection.request("GET", path, headers={"Host": f"127.0.0.1:{server['port']}"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def test_a_wrong_address_gets_the_swedish_404_page_not_the_technical_one(dev_server):
    status, body = get(dev_server, "/finns-inte/")
    html = body.decode()

    assert status == 404
    assert '<html lang="sv"' in html
    assert "<h1>Sidan kunde inte hittas</h1>" in html
    assert "URLconf" not in html
    assert "DEBUG = True" not in html


def test_static_files_are_served(dev_server):
    site_css, _ = get(dev_server, "/static/css/site.css")
    admin_css, _ = get(dev_server, "/static/wagtailadmin/css/core.css")

    assert (site_css, admin_css) == (200, 200)


def test_image_renditions_are_served_but_documents_only_through_their_view(dev_server):
    image, body = get(dev_server, "/media/images/punkt.png")
    document, _ = get(dev_server, "/media/documents/hemlig.pdf")

    assert image == 200
    assert body == PNG
    assert document == 404


PUBLISH_FROM_ANOTHER_PROCESS = """
from pages.models import HomePage, TopicPage
home = HomePage.objects.get(locale__language_code="sv")
page = home.add_child(instance=TopicPage(
    title="Publicerad av schemaläggaren", slug="publicerad-av-schemalaggaren",
    show_in_menus=True, live=False,
))
page.save_revision().publish()
"""


def test_a_page_another_process_publishes_shows_at_once_in_the_servers_menu(dev_server):
    """`make run` is two processes: what the scheduler loop publishes, the server shows
    at once (they share the cache, which lives in the database)."""
    _, before = get(dev_server, "/")
    assert "Publicerad av schemaläggaren" not in before.decode()

    result = subprocess.run(
        [*dev_server["manage"], "shell", "-c", PUBLISH_FROM_ANOTHER_PROCESS],
        env=dev_server["env"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    _, after = get(dev_server, "/")

    assert "Publicerad av schemaläggaren" in after.decode()


def test_demo_pages_answer_at_the_addresses_make_run_prints(dev_server):
    base = f"http://127.0.0.1:{dev_server['port']}"
    printed = [
        line.strip()
        for line in dev_server["demo_output"].splitlines()
        if line.strip().startswith(base)
    ]

    assert f"{base}/" in printed
    assert f"{base}/admin/" in printed
    for url in printed:
        path = url.removeprefix(base)
        status, _ = get(dev_server, path if path != "/admin/" else "/admin/login/")
        assert status == 200, url


def test_an_error_shows_visitors_the_swedish_500_and_the_developer_the_traceback(dev_server):
    code = (
        "import django; django.setup()\n"
        "from django.test import Client, override_settings\n"
        "with override_settings(ROOT_URLCONF='tests.error_urls', ALLOWED_HOSTS=['testserver']):\n"
        "    response = Client(raise_request_exception=False).get('/trasig/')\n"
        "print(response.status_code, 'Något gick fel hos oss' in response.content.decode())\n"
    )
    # The migrated database of `make run` (the site's cache table lives in it).
    env = dev_server["env"]

    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=BASE_DIR, capture_output=True, text=True
    )

    assert result.stdout.strip() == "500 True", result.stderr[-2000:]
    assert "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError: Something broke" in result.stderr
