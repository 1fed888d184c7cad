"""`make bench`: the site under load beside two references, measured in the same run.

Starts everything it needs and stops it afterwards:

- a PostgreSQL database of its own (BENCH_DATABASE_URL; dropped and created afresh
  unless --reuse), migrated, with the demo content and --pages generated pages, indexed
  for search (the time indexing takes is printed);
- the site with production settings (benchmarks/settings.py: production's plus a query
  count header) under gunicorn with 2 workers;
- a Django hello-world (benchmarks/hello.py) under gunicorn with 2 workers, and nginx
  serving a static copy of the topic page: the references;
- Varnish with deploy/varnish's VCL in front of the site when both are there: (a).

Then, round after round, each target is loaded with wrk for --duration seconds, the
references in every round, so that all figures share the machine's state. For each it
prints requests per second (and as a percentage of hello-world's), latency p50/p95/p99,
CPU milliseconds per request of the app's processes and of the database's backends
(from /proc), and the queries the response took.

    make bench                                  # defaults: 10,000 pages, 4 s, 2 rounds
    make bench BENCH_ARGS="--duration 2 --rounds 1 --pages 2000"

Figures only; nothing here passes or fails.
"""

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WRK = shutil.which("wrk") or "/usr/bin/wrk"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

PAGES = [
    ("home", "/"),
    ("topic", "/amnesomraden/"),
    ("section topic", "/amnesomraden/regional-kapacitet/smart-specialisering/"),
    ("conference index", "/konferenser/"),
    ("conference", "/konferenser/smart-specialisering-2018/"),
    ("strategy index", "/publikationer/"),
    ("strategy", "/publikationer/tillvaxtverkets-strategi-for-smart-specialisering/"),
    ("accessibility statement", "/tillganglighetsredogorelse/"),
    ("feedback form", "/synpunkter/"),
    ("404", "/finns-inte/"),
]
SEARCHES = [
    ("search: common word", "/sok/?q=tillv%C3%A4xt"),
    ("search: two common words", "/sok/?q=regional+utveckling"),
    ("search: rare word", "/sok/?q=konferens+lule%C3%A5"),
    ("search: misspelt (suggests)", "/sok/?q=tillv%C3%A4xtt+regionall"),
    ("search: nothing found", "/sok/?q=xqzzyv"),
]
# Words on thousands of the generated pages (benchmarks/generate_pages.py COMMON).
COMMON_WORDS = [
    *("tillväxt", "regional", "utveckling", "företag", "innovation", "export"),
    *("landsbygd", "kompetens", "hållbar", "näringsliv", "region", "kommun"),
    *("finansiering", "strategi", "samverkan", "forskning"),
]
STATIC_PAGE = "/amnesomraden/regional-kapacitet/smart-specialisering/"

LUA = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("BENCH %d %d %d %d %d %d %d\\n", summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.errors.status, errors))
end
"""


@dataclass
class Target:
    name: str
    url: str
    process: subprocess.Popen
    kind: str = "ref"
    connections: int = 4
    paths: tuple = ()


@dataclass
class Result:
    requests: int = 0
    seconds: float = 0.0
    p50: list = field(default_factory=list)
    p95: list = field(default_factory=list)
    p99: list = field(default_factory=list)
    app_cpu: float = 0.0
    db_cpu: float = 0.0
    bad: int = 0

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0


def free(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own server
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own server
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def process_tree(pid):
    """`pid` and all its descendants (gunicorn's master and workers, nginx's workers)."""
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def cpu_times(pids):
    """{pid: user + system CPU seconds (with reaped children)} from /proc/<pid>/stat."""
    times = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        times[pid] = sum(int(value) for value in fields[11:15]) / CLOCK_TICKS
    return times


def cpu_used(before, after):
    """CPU seconds between two cpu_times(): processes started in between count in full;
    one that ended in between is lost (rare: workers and backends live long)."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


class Bench:
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

    # --- measuring ------------------------------------------------------------------

    def database_backends(self):
        import psycopg

        with psycopg.connect(self.db_url, autocommit=True) as connection:
            rows = connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [self.db_name],
            ).fetchall()
        return [row[0] for row in rows]

    def load(self, url, pid, result, connections, paths=()):
        """Load `url` (or, in turn, each of `paths` on its host) with wrk; add to `result`."""
        script = self.tmp / "report.lua"
        lua = LUA
        if paths:
            quoted = ", ".join(f'"{path}"' for path in paths)
            lua += (
                f"paths = {{{quoted}}}\ncounter = 0\n"
                "request = function()\n  counter = counter + 1\n"
                '  return wrk.format("GET", paths[(counter % #paths) + 1])\nend\n'
            )
        script.write_text(lua)
        for _ in range(3):  # warm: the site's caches are filled, as for any visitor after the first
            fetch(url)
        app_before = cpu_times(process_tree(pid))
        db_before = cpu_times(self.database_backends())
        output = subprocess.run(
            [
                WRK,
                "-t",
                "1" if connections == 1 else "2",
                "-c",
                str(connections),
                "-d",
                f"{self.args.duration}s",
                "-s",
                str(script),
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        app_after = cpu_times(process_tree(pid))
        db_after = cpu_times(self.database_backends())
        line = next(line for line in output.splitlines() if line.startswith("BENCH "))
        requests, micros, p50, p95, p99, status_errors, errors = map(int, line.split()[1:])
        result.requests += requests
        result.seconds += micros / 1e6
        result.p50.append(p50 / 1000)
        result.p95.append(p95 / 1000)
        result.p99.append(p99 / 1000)
        result.app_cpu += cpu_used(app_before, app_after)
        result.db_cpu += cpu_used(db_before, db_after)
        result.bad += errors + (0 if url.endswith("/finns-inte/") else status_errors)

    def run(self):
        self.prepare()
        app = self.gunicorn("agency.wsgi:application", "app", self.env)
        hello = self.gunicorn("benchmarks.hello:application", "hello", {**os.environ})
        base = f"http://127.0.0.1:{self.ports['app']}"
        wait_for(base + "/")
        wait_for(f"http://127.0.0.1:{self.ports['hello']}/")
        _status, _headers, page_html = fetch(base + STATIC_PAGE)
        nginx = self.nginx(page_html)
        wait_for(f"http://127.0.0.1:{self.ports['nginx']}/")
        varnish = self.varnish()
        if varnish is not None:
            wait_for(f"http://127.0.0.1:{self.ports['varnish']}/", timeout=30)

        many = self.args.connections
        targets = [
            Target("hello-world (Django)", f"http://127.0.0.1:{self.ports['hello']}/", hello),
            Target("nginx static file", f"http://127.0.0.1:{self.ports['nginx']}/", nginx),
        ]
        queries = {}
        for name, path in PAGES + SEARCHES:
            kind = "b" if (name, path) in PAGES else "c"
            # Search latency is what (c) is about: one visitor at a time, no queueing.
            targets.append(Target(name, base + path, app, kind, many if kind == "b" else 1))
            counts = []
            for _ in range(2 * self.args.workers + 2):  # every worker's cache is warm
                _status, headers, _body = fetch(base + path)
                counts.append(int(headers.get("X-Bench-Queries", -1)))
            queries[name] = str(min(counts))
            self.cache = headers.get("X-Bench-Cache", "?")
        # Rankings are cached: this one asks a different pair of common words each time.
        pairs = [
            f"/sok/?q={urllib.parse.quote(first)}+{urllib.parse.quote(second)}"
            for first in COMMON_WORDS
            for second in COMMON_WORDS
            if first != second
        ]
        targets.append(
            Target(f"search: {len(pairs)} different pairs", base + pairs[0], app, "c", 1, pairs)
        )
        if varnish is not None:
            for name, path in PAGES[:-1]:
                url = f"http://127.0.0.1:{self.ports['varnish']}{path}"
                targets.append(Target(f"{name} (front cache)", url, varnish, "a", many))
        results = {target.name: Result() for target in targets}
        for round_number in range(self.args.rounds):
            print(f"round {round_number + 1} of {self.args.rounds} ...", flush=True)
            for target in targets:
                self.load(
                    target.url,
                    target.process.pid,
                    results[target.name],
                    target.connections,
                    target.paths,
                )
        self.report(targets, results, queries, varnish is not None)
        subprocess.run(
            [BIN / "python", "benchmarks/search_uncached.py"], cwd=ROOT, env=self.env, check=True
        )

    def report(self, targets, results, queries, with_varnish):
        hello_rate = results["hello-world (Django)"].rate
        nginx_rate = results["nginx static file"].rate
        many = self.args.connections
        headings = {
            "ref": f"references ({many} connections)",
            "a": f"(a) cached hit through the front cache (Varnish; {many} connections)",
            "b": (
                f"(b) render with a warm cache, no page cache; head, header, content and footer "
                f"fragments from the render cache ({many} connections)"
            ),
            "c": f"(c) search at {self.args.pages:,} generated pages (1 connection)",
        }
        print()
        print(
            f"site: gunicorn, {self.args.workers} sync workers, production settings; wrk; "
            f"{self.args.rounds} x {self.args.duration} s per target, interleaved; "
            f"cache: {self.cache}"
        )
        if not with_varnish:
            print("(a) not measured: deploy/varnish/render.py or varnishd is missing")
        columns = (
            f"{'':<36} {'req/s':>8} {'% hello':>8} {'% nginx':>8} {'p50 ms':>7} {'p95 ms':>7} "
            f"{'p99 ms':>7} {'app CPU':>8} {'db CPU':>7} {'queries':>7}"
        )
        kind = None
        for target in targets:
            name = target.name
            if target.kind != kind:
                kind = target.kind
                print()
                print(headings[kind])
                print(columns)
            result = results[name]
            per_request = 1000 / result.requests if result.requests else 0.0
            bad = f"  ({result.bad} errors)" if result.bad else ""
            print(
                f"{name:<36} {result.rate:>8.0f} {100 * result.rate / hello_rate:>7.1f}% "
                f"{100 * result.rate / nginx_rate:>7.1f}% {statistics.median(result.p50):>7.1f} "
                f"{max(result.p95):>7.1f} {max(result.p99):>7.1f} "
                f"{result.app_cpu * per_request:>6.2f}ms {result.db_cpu * per_request:>5.2f}ms "
                f"{queries.get(name, ''):>7}{bad}"
            )
        print()
        print(
            "CPU per request: user + system time of the target's processes (app) and of the "
            "PostgreSQL backends of the bench database (db), over the requests served."
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/agency_bench"
        ),
        help="a database of the bench's own: it is dropped and created afresh",
    )
    parser.add_argument("--pages", type=int, default=10000, help="generated pages for (c)")
    parser.add_argument("--duration", type=int, default=4, help="seconds of load per target")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port-base", type=int, default=int(os.environ.get("BENCH_PORT", 9700)))
    parser.add_argument("--reuse", action="store_true", help="keep an existing bench database")
    args = parser.parse_args()
    bench = Bench(args)
    try:
        bench.run()
    finally:
        bench.stop()


if __name__ == "__main__":
    main()
