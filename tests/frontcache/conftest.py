"""The shipped front cache (Varnish with deploy/varnish/agency.vcl.in) in front of the app.

``start_varnish(backends, workdir)`` renders the VCL for the given app nodes and starts
``varnishd`` in the foreground with its own working directory (``-n``) and a free port,
and stops it afterwards. ``front_cache`` puts one in front of ``live_server`` for the
session, bans everything before each test and points the app's purges at it
(``WAGTAILFRONTENDCACHE``, as ``FRONTEND_CACHE_URL`` does in production). Without
``varnishd`` (Debian package ``varnish``; CI installs it) these tests are skipped.
"""

import importlib.util
import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.conftest import live_server  # noqa: F401 - one request at a time

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VARNISHADM = shutil.which("varnishadm") or "/usr/bin/varnishadm"
RENDER = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "render.py"
# Long enough for a loaded CI machine; the wait ends as soon as the condition holds.
WAIT_SECONDS = 30

spec = importlib.util.spec_from_file_location("varnish_render", RENDER)
render = importlib.util.module_from_spec(spec)
spec.loader.exec_module(render)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, what):
    """Polls `condition` until it holds; fails after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what}")


@dataclass
class Varnish:
    url: str
    port: int
    workdir: Path
    process: subprocess.Popen

    def adm(self, *args):
        result = subprocess.run(
            [VARNISHADM, "-n", str(self.workdir), *args],
            capture_output=True,
            text=True,
            timeout=WAIT_SECONDS,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def ban_everything(self):
        self.adm("ban", "obj.status", "!=", "0")

    def backend_health(self):
        """{"node0": "healthy"|"sick", ...} as the probes see it."""
        health = {}
        for line in self.adm("backend.list").splitlines()[1:]:
            parts = line.split()
            if parts:
                health[parts[0].split(".")[-1]] = parts[3].lower()
        return health

    def get(self, path, headers=None, method="GET", data=None):
        """One request through the front cache; returns (status, headers, body)."""
        request = urllib.request.Request(
            self.url + path, headers=headers or {}, method=method, data=data
        )
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=WAIT_SECONDS) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def start_varnish(backends, workdir, **render_options):
    if not Path(VARNISHD).exists():
        pytest.skip("varnishd not installed (apt-get install varnish); CI installs it")
    workdir.mkdir(parents=True, exist_ok=True)
    vcl = workdir / "agency.vcl"
    vcl.write_text(render.render_vcl(backends, **render_options), encoding="utf-8")
    port = free_port()
    command = render.varnishd_command(
        vcl, f"127.0.0.1:{port}", workdir / "run", storage="malloc,64m", varnishd=VARNISHD
    )
    log = (workdir / "varnishd.log").open("w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    varnish = Varnish(f"http://127.0.0.1:{port}", port, workdir / "run", process)

    def listening():
        assert process.poll() is None, (workdir / "varnishd.log").read_text()
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", port)) == 0

    wait_until(listening, "varnishd to listen")
    return varnish


def stop_varnish(varnish):
    varnish.process.terminate()
    try:
        varnish.process.wait(timeout=WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        varnish.process.kill()
        varnish.process.wait()


@pytest.fixture(scope="session")
def varnish_in_front_of_app(live_server, tmp_path_factory):  # noqa: F811
    port = live_server.url.rsplit(":", 1)[1]
    varnish = start_varnish(
        [f"127.0.0.1:{port}"], tmp_path_factory.mktemp("varnish"), probe_host="localhost"
    )
    yield varnish
    stop_varnish(varnish)


@pytest.fixture
def front_cache(varnish_in_front_of_app, settings):
    """Varnish in front of live_server, empty, with the app purging it on publish."""
    varnish_in_front_of_app.ban_everything()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "core.frontend_cache.VarnishBackend",
            "LOCATION": varnish_in_front_of_app.url,
        }
    }
    return varnish_in_front_of_app
