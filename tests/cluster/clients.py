"""What the two-node tests talk to and with: the database the cluster gets, the running
`python -m deploy.cluster` (its addresses from what it printed), an editor's session, and
a slow client that trickles its headers."""

import os
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests
from django.conf import settings as django_settings

from deploy.services import listening

BASE_DIR = Path(django_settings.BASE_DIR)


def cluster_database_url():
    """A database of the tests' own on the server the test run uses (CI's role may
    create databases), or on the PostgreSQL of this machine."""
    configured = os.environ.get("DATABASE_URL", "")
    if configured.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(configured)
        return urlunsplit(parts._replace(path=parts.path + "_cluster"))
    if listening(5432):
        return "postgres://postgres@127.0.0.1:5432/agency_test_cluster"
    return None


class Cluster:
    """The running `python -m deploy.cluster`: its addresses from what it printed."""

    def __init__(self, process, lines, workdir):
        self.process = process
        self.lines = lines
        self.workdir = workdir
        printed = "\n".join(lines)
        self.front = re.search(r"^front: (\S+)$", printed, re.M)[1]
        self.nodes = {
            name: (url, int(pid))
            for name, url, pid in re.findall(r"^node (\w): (\S+) \(pid (\d+)\)$", printed, re.M)
        }
        self.admin_password = (workdir / "admin-password").read_text().strip()
        self.env = {**os.environ}
        for line in (workdir / "cluster.env").read_text().splitlines():
            key, _, value = line.partition("=")
            self.env[key] = value.strip("'")
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    def manage(self, *args, code=None):
        """manage.py against the cluster's database, Redis and bucket; its output's last
        line (the shell prints a notice of its own first)."""
        command = [sys.executable, str(BASE_DIR / "manage.py"), *args]
        if code:
            command += ["-c", code]
        result = subprocess.run(
            command, env=self.env, cwd=BASE_DIR, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr[-3000:]
        lines = result.stdout.strip().splitlines()
        return lines[-1] if lines else ""


class Editor:
    """An editor's browser: one session, whichever node or address it talks to.

    The production cookies are __Host- and Secure; browsers send those to
    http://127.0.0.1, Python's cookie jar does not, so cookies are kept here."""

    def __init__(self):
        self.cookies = {}
        self.http = requests.Session()

    def request(self, method, url, **kwargs):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        response = self.http.request(
            method, url, headers=headers, allow_redirects=False, timeout=60, **kwargs
        )
        for cookie in response.raw.headers.getlist("Set-Cookie"):
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        self.http.cookies.clear()
        return response

    def csrf_token(self):
        return self.cookies["__Host-csrftoken"]

    def log_in(self, base, username, password):
        self.request("GET", base + "admin/login/")
        return self.request(
            "POST",
            base + "admin/login/",
            data={
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": self.csrf_token(),
            },
        )


class SlowClient:
    """A raw connection that sends its request headers one line every 5 seconds
    (slowloris), from a thread of its own, until closed."""

    def __init__(self, address):
        self.socket = socket.create_connection(address, timeout=30)
        self.socket.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        self.closed = threading.Event()
        self.thread = threading.Thread(target=self._trickle, daemon=True)
        self.thread.start()

    def _trickle(self):
        number = 0
        while not self.closed.wait(5):
            number += 1
            try:
                self.socket.sendall(f"X-Slow-{number}: x\r\n".encode())
            except OSError:
                return

    def close(self):
        self.closed.set()
        self.socket.close()
        self.thread.join()
