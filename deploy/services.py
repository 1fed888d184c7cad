"""Start and stop the services of the two-node stack on one machine.

Used by `make cluster` (deploy/cluster.py) and by the tests (tests/cluster/,
tests/storage/). Every service is a child process bound to 127.0.0.1 on a port of its
own, with its data in a folder the caller owns; `Service.stop()` ends it and waits
until it has gone. Nothing here touches a service it did not start: a PostgreSQL or
Redis that already listens is used as it is.
"""

import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"
BASE_DIR = Path(__file__).resolve().parent.parent


class ServiceError(RuntimeError):
    """A service did not start or answer in time; the message says which and why."""


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def listening(port, host=HOST):
    """True when something accepts TCP connections on host:port."""
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def http_status(url, headers=None, timeout=5):
    """The HTTP status of a GET to `url` (redirects not followed); None if no answer."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return None


def wait_until(check, what, timeout=60, service=None, stop_on_failure=False):
    """Poll `check()` until it is true; ServiceError after `timeout` seconds or as soon
    as `service` has exited (with the end of its log). With `stop_on_failure` the
    service is stopped before the error is raised (for callers that do not keep it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        if service is not None and service.process.poll() is not None:
            code = service.process.returncode
            error = ServiceError(f"{what}: exited with {code}\n{service.log_tail()}")
            break
        time.sleep(0.2)
    else:
        tail = service.log_tail() if service is not None else ""
        error = ServiceError(f"{what}: no answer after {timeout} s\n{tail}")
    if service is not None and stop_on_failure:
        service.stop()
    raise error


class Service:
    """One child process with its output in a log file.

    In: a name, the command, its environment and working folder, the log file.
    `stop()` sends SIGTERM, waits `stop_timeout` seconds, then SIGKILL."""

    def __init__(self, name, command, log_path, env=None, cwd=None, stop_timeout=30):
        self.name = name
        self.log_path = Path(log_path)
        self.stop_timeout = stop_timeout
        self._log = open(self.log_path, "ab")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            command,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            # Its own process group: Ctrl-C in the terminal reaches only the cluster
            # script, which then stops each service in order.
            start_new_session=True,
        )

    def log_tail(self, lines=30):
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def running(self):
        return self.process.poll() is None

    def kill(self):
        """SIGKILL at once, as a crashed machine would go (used by the tests)."""
        if self.running():
            self.process.kill()
        self.process.wait()

    def stop(self):
        if self.running():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=self.stop_timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


# Redis ---------------------------------------------------------------------------------


def start_redis(workdir, port=None):
    """A private redis-server on 127.0.0.1 without persistence. Returns (Service, url)."""
    port = port or free_port()
    server = shutil.which("redis-server")
    if not server:
        raise ServiceError("redis-server not found (apt-get install redis-server)")
    service = Service(
        "redis",
        [server, "--bind", HOST, "--port", str(port), "--save", "", "--appendonly", "no"]
        + ["--dir", str(workdir)],
        Path(workdir) / "redis.log",
        stop_timeout=10,
    )
    wait_until(lambda: listening(port), "redis", 20, service, stop_on_failure=True)
    return service, f"redis://{HOST}:{port}/0"


# PostgreSQL ----------------------------------------------------------------------------


def _as_postgres_user():
    """initdb and postgres refuse to run as root: run them as 'postgres' (or 'nobody')."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise ServiceError("running as root and no 'postgres' or 'nobody' user to run PostgreSQL")


def _pg_binary(name):
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not candidates:
        raise ServiceError(f"{name} not found (apt-get install postgresql)")
    return str(candidates[-1])


def start_postgres(workdir, port=None):
    """A PostgreSQL cluster of its own in `workdir` (made on first use; trust
    authentication, 127.0.0.1 only). Returns (Service, url of its 'postgres' database
    as user postgres)."""
    port = port or free_port()
    data = Path(workdir) / "pgdata"
    user = _as_postgres_user()

    def demote():
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)

    if not (data / "PG_VERSION").exists():  # kept from an earlier start otherwise
        data.mkdir(parents=True, exist_ok=True)
        if user:
            os.chown(workdir, user.pw_uid, user.pw_gid)
            os.chown(data, user.pw_uid, user.pw_gid)
        subprocess.run(
            [_pg_binary("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"],
            check=True,
            capture_output=True,
            preexec_fn=demote if user else None,  # noqa: PLW1509
        )
    command = [_pg_binary("postgres"), "-D", str(data), "-h", HOST, "-p", str(port)]
    command += ["-k", str(workdir)]
    if user:
        command = ["runuser", "-u", user.pw_name, "--", *command]
    service = Service("postgres", command, Path(workdir) / "postgres.log", stop_timeout=30)
    wait_until(lambda: listening(port), "postgres", 60, service, stop_on_failure=True)
    return service, f"postgres://postgres@{HOST}:{port}/postgres"


def create_database(admin_url, name):
    """Create database `name` on the server of `admin_url` (psycopg); no-op if it exists."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute("select 1 from pg_database where datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'create database "{name}"')


def drop_database(admin_url, name):
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'drop database if exists "{name}" with (force)')
