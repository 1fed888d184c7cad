"""Starting and stopping what `make bench` (benchmarks/bench.py) measures: its own
PostgreSQL database with the demo content and generated pages, gunicorn, nginx and Varnish."""

import gzip
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from benchmarks.measure import free

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


class Servers:
    """The processes of one bench run, all stopped by stop()."""

    def __init__(self, args):
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="agency-bench-"))
        self.processes = []
        self.db_url = args.database_url
        self.db_name = urllib.parse.urlparse(self.db_url).path.lstrip("/")
        ports = iter(range(args.port_base, args.port_base + 100))
        self.ports = {}
        for name in ("app", "hello", "nginx", "varnish"):
            port = next(ports)
            while not free(port):
                port = next(ports)
            self.ports[name] = port
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
            "DATABASE_URL": self.db_url,
            "SECRET_KEY": "bench-only-not-secret",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            # wrk talks to the app directly for (b) and (c); (a) comes through Varnish.
            "NUM_PROXIES": "0",
            "SERVE_IMAGES": "true",
            "STATIC_ROOT": str(self.tmp / "static"),
            "MEDIA_ROOT": str(self.tmp / "media"),
            "PYTHONPATH": str(ROOT),
        }

    # --- setting up -----------------------------------------------------------------

    def manage(self, *command):
        subprocess.run(
            [BIN / "python", "manage.py", *command],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def database(self):
        import psycopg

        admin_url = self.db_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [self.db_name]
            ).fetchone()
            if exists and self.args.reuse:
                print(f"reusing database {self.db_name} (pages not generated, indexing not timed)")
                return False
            connection.execute(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{self.db_name}"')
        return True

    def prepare(self):
        fresh = self.database()
        started = time.perf_counter()
        self.manage("migrate", "--noinput")
        self.manage("createcachetable")
        self.manage("collectstatic", "--noinput")
        if fresh:
            self.manage("load_demo_content")
            print(f"migrated and loaded the demo content in {time.perf_counter() - started:.1f} s")
            subprocess.run(
                [BIN / "python", "benchmarks/generate_pages.py", str(self.args.pages)],
                cwd=ROOT,
                env=self.env,
                check=True,
            )

    def start(self, command, name, **kwargs):
        log = open(self.tmp / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **kwargs,
        )
        self.processes.append(process)
        return process

    def gunicorn(self, app, name, env):
        return self.start(
            [
                BIN / "gunicorn",
                app,
                "--bind",
                f"127.0.0.1:{self.ports[name]}",
                "--workers",
                str(self.args.workers),
                "--timeout",
                "60",
            ],
            name,
            env=env,
        )

    def nginx(self, html):
        root = self.tmp / "nginx"
        # nginx's workers run as an unprivileged user when started by root: let them in.
        self.tmp.chmod(0o711)
        (root / "html").mkdir(parents=True)
        root.chmod(0o711)
        (root / "html").chmod(0o755)
        (root / "logs").mkdir()
        (root / "html" / "index.html").write_bytes(html)
        # With --gzip, a stored gzip copy (gzip_static), as the front cache keeps its own.
        (root / "html" / "index.html.gz").write_bytes(gzip.compress(html, 6))
        (root / "nginx.conf").write_text(
            f"""
worker_processes {self.args.workers};
pid {root}/nginx.pid;
error_log {root}/logs/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/tmp;
    proxy_temp_path {root}/tmp;
    fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp;
    scgi_temp_path {root}/tmp;
    default_type text/html;
    gzip_static on;
    server {{
        listen 127.0.0.1:{self.ports["nginx"]};
        root {root}/html;
        location / {{ try_files /index.html =404; }}
    }}
}}
"""
        )
        return self.start(
            [NGINX, "-p", str(root), "-c", str(root / "nginx.conf"), "-g", "daemon off;"], "nginx"
        )

    def varnish(self):
        """(a): Varnish with the shipped VCL in front of the app, when both exist."""
        render = ROOT / "deploy" / "varnish" / "render.py"
        if not render.exists() or not Path(VARNISHD).exists():
            return None
        vcl = subprocess.run(
            [BIN / "python", render, f"127.0.0.1:{self.ports['app']}"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (self.tmp / "agency.vcl").write_text(vcl)
        return self.start(
            [
                VARNISHD,
                "-F",
                "-f",
                str(self.tmp / "agency.vcl"),
                "-a",
                f"127.0.0.1:{self.ports['varnish']}",
                "-n",
                str(self.tmp / "varnish"),
                "-s",
                "malloc,128m",
            ],
            "varnish",
        )

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        shutil.rmtree(self.tmp, ignore_errors=True)
