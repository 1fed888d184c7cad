"""`make cluster`: the production shape on one machine.

    .venv/bin/python -m deploy.cluster [--front-port 8080] [--workdir .cluster]

Starts, all on 127.0.0.1:

- PostgreSQL: the one listening on 127.0.0.1:5432 (database `agency_cluster`, user
  postgres), or `--database-url` (CLUSTER_DATABASE_URL), or a cluster of its own in
  the work folder when none listens;
- Redis: REDIS_URL, or the one on 127.0.0.1:6379, or a redis-server of its own;
- SeaweedFS: an S3 server of its own, media in the private bucket `media`;
- two app nodes: gunicorn with production settings and gthread workers, each on its own
  port (migrate, collectstatic and the demo content run once, before them);
- the front cache: Varnish with the VCL of deploy/varnish/, balancing between the nodes.

Prints one line per service, then `front: http://127.0.0.1:<port>/` on a line of its own
once everything answers. Ctrl-C or SIGTERM stops, in reverse order, everything it
started and nothing else. The database, the media (in the work folder) and the admin
account `admin` (password in <workdir>/admin-password) are kept for the next start.
"""

import argparse
import os
import secrets
import signal
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

from deploy.cluster_setup import (
    BUCKET,
    GUNICORN,
    NODE_NAMES,
    SETUP,
    _kept_secret,
    _with_database,
    front_cache_command,
)
from deploy.object_storage import SeaweedFS
from deploy.services import (
    BASE_DIR,
    HOST,
    Service,
    ServiceError,
    create_database,
    free_port,
    http_status,
    listening,
    start_postgres,
    start_redis,
    wait_until,
)


class Cluster:
    """The services of the two-node stack. `start()` brings them up in order and waits
    until each answers; `stop()` ends what `start()` started, in reverse order.

    Attributes once started: front_url, nodes ({name: Service}), node_urls, env (the
    app nodes' environment, e.g. for `manage.py` against the cluster)."""

    def __init__(
        self, workdir, front_port=8080, database_url=None, database_name="agency_cluster", say=print
    ):
        self.workdir = Path(workdir).resolve()
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.front_port = front_port
        self.database_url = database_url
        self.database_name = database_name
        self.say = say
        self.started = []  # everything with a stop(), in start order
        self.nodes = {}
        self.node_urls = {}
        self.front_url = f"http://{HOST}:{front_port}/"

    # -- each service -------------------------------------------------------------------

    def _database(self):
        if self.database_url:
            url = self.database_url
            how = "given"
        elif listening(5432):
            url = f"postgres://postgres@{HOST}:5432/{self.database_name}"
            how = "running"
        else:
            service, admin_url = start_postgres(self.workdir / "postgres")
            self.started.append(service)
            url = _with_database(admin_url, self.database_name)
            how = "started"
        create_database(_with_database(url, "postgres"), urlsplit(url).path.lstrip("/"))
        self.say(f"postgres: {url} ({how})")
        return url

    def _redis(self):
        if os.environ.get("REDIS_URL"):
            url, how = os.environ["REDIS_URL"], "given"
        elif listening(6379):
            url, how = f"redis://{HOST}:6379/0", "running"
        else:
            folder = self.workdir / "redis"
            folder.mkdir(exist_ok=True)
            service, url = start_redis(folder)
            self.started.append(service)
            how = "started"
        self.say(f"redis: {url} ({how})")
        return url

    def _seaweedfs(self):
        server = SeaweedFS(self.workdir / "seaweedfs")
        self.started.append(server)
        server.create_bucket(BUCKET)
        self.say(f"seaweedfs: {server.endpoint_url}/ (private bucket {BUCKET!r})")
        return server

    def _start_node(self, name):
        port = free_port()
        command = [
            str(GUNICORN),
            "agency.wsgi:application",
            "--bind",
            f"{HOST}:{port}",
            # Threads wait on the database, Redis and S3 while others run; slow clients
            # are buffered by the front cache before they reach a worker.
            "--worker-class",
            "gthread",
            "--workers",
            os.environ.get("WORKERS", "2"),
            "--threads",
            os.environ.get("THREADS", "4"),
            "--timeout",
            "30",
            "--graceful-timeout",
            "20",
            # Workers restart after about 1000 requests, never all in the same second.
            "--max-requests",
            "1000",
            "--max-requests-jitter",
            "100",
            "--access-logfile",
            "-",
        ]
        service = Service(
            f"node {name}", command, self.workdir / f"node-{name}.log", env=self.env, cwd=BASE_DIR
        )
        self.started.append(service)
        self.nodes[name] = service
        self.node_urls[name] = f"http://{HOST}:{port}/"

    def _wait_for_node(self, name):
        service, url = self.nodes[name], self.node_urls[name]
        wait_until(lambda: http_status(url + "robots.txt") == 200, f"node {name}", 120, service)
        self.say(f"node {name}: {url} (pid {service.process.pid})")

    def _front(self):
        backends = [urlsplit(url).netloc for url in self.node_urls.values()]
        command = front_cache_command(self.workdir, backends, f"{HOST}:{self.front_port}")
        service = Service("varnish", command, self.workdir / "varnish.log", stop_timeout=20)
        self.started.append(service)
        wait_until(lambda: http_status(self.front_url) == 200, "varnish", 60, service)

    # -- all of them ----------------------------------------------------------------------

    def start(self):
        if listening(self.front_port):
            raise ServiceError(f"port {self.front_port} is taken (FRONT_PORT=... make cluster)")
        database_url = self._database()
        redis_url = self._redis()
        seaweedfs = self._seaweedfs()
        admin_password = _kept_secret(
            self.workdir / "admin-password", lambda: secrets.token_urlsafe(12)
        )
        self.app_env = {
            **seaweedfs.environment(BUCKET),
            "DJANGO_SETTINGS_MODULE": "agency.settings.production",
            "SECRET_KEY": _kept_secret(self.workdir / "secret-key"),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            # Keys of this cluster only, whoever else uses the same Redis.
            "CACHE_KEY_PREFIX": "cluster-" + urlsplit(database_url).path.lstrip("/"),
            # Client addresses come through one proxy, the front cache (X-Forwarded-For).
            "NUM_PROXIES": "1",
            # wagtail.contrib.frontend_cache purges here on publish.
            "FRONTEND_CACHE_URL": f"http://{HOST}:{self.front_port}",
            "WAGTAILADMIN_BASE_URL": self.front_url.rstrip("/"),
            "STATIC_ROOT": str(self.workdir / "static"),
            # Plain http on this machine; a real deployment terminates TLS in front.
            "SECURE_SSL_REDIRECT": "false",
        }
        inherited = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AWS_"))}
        self.env = {**inherited, **self.app_env}
        # For manage.py against the cluster: set -a; . <workdir>/cluster.env; set +a
        env_file = self.workdir / "cluster.env"
        env_file.write_text("".join(f"{k}='{v}'\n" for k, v in self.app_env.items()))
        env_file.chmod(0o600)
        self.say("setup: migrate, collectstatic, demo content (once for both nodes)")
        result = subprocess.run(
            [sys.executable, "-c", SETUP],
            env={**self.env, "CLUSTER_ADMIN_PASSWORD": admin_password},
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise ServiceError(f"setup failed:\n{result.stderr[-3000:]}")
        for name in NODE_NAMES:
            self._start_node(name)
        for name in NODE_NAMES:
            self._wait_for_node(name)
        self._front()
        self.say(f"admin: {self.front_url}admin/ user admin, password {admin_password}")
        self.say(f"front: {self.front_url}")

    def stop(self):
        while self.started:
            self.started.pop().stop()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--front-port", type=int, default=int(os.environ.get("FRONT_PORT", "8080")))
    parser.add_argument("--workdir", default=str(BASE_DIR / ".cluster"))
    parser.add_argument(
        "--database-url",
        default=os.environ.get("CLUSTER_DATABASE_URL"),
        help="use this database (created if missing) instead of choosing one",
    )
    parser.add_argument(
        "--database-name",
        default="agency_cluster",
        help="database name on the running or started PostgreSQL",
    )
    args = parser.parse_args(argv)

    stopping = threading.Event()

    def request_stop(signum, frame):
        stopping.set()
        raise KeyboardInterrupt

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, request_stop)

    cluster = Cluster(
        args.workdir,
        args.front_port,
        args.database_url,
        args.database_name,
        say=lambda line: print(line, flush=True),
    )
    status = 0
    try:
        cluster.start()
        reported = set()
        while not stopping.is_set():
            for service in cluster.nodes.values():
                if not service.running() and service.name not in reported:
                    reported.add(service.name)
                    print(f"{service.name} has stopped; the front cache uses the other")
            stopping.wait(5)
    except KeyboardInterrupt:
        pass
    except ServiceError as error:
        print(f"cluster: {error}", file=sys.stderr, flush=True)
        status = 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        print("stopping", flush=True)
        cluster.stop()
        print("stopped", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
