"""CPU milliseconds per request of the (b) page types, in process, beside a hello-world.

`make bench` measures requests per second under wrk, which needs a quiet machine. This
script measures what those figures mostly follow and what a busy machine disturbs
least: the CPU time one request costs the app (``time.process_time``) and the database
(the backend's utime + stime from /proc, when PostgreSQL runs on this machine), with the
same settings as the bench (benchmarks/settings.py: production's, Redis as the cache),
for the same page addresses (benchmarks/bench.py PAGES), as (b) asks them: anonymous,
no cookies, the render cache warm. A Django hello-world (benchmarks/hello.py) is measured
in a child process in the same run, so the figures can be read as ratios ("hello/page":
its CPU time over the page's; `make bench`'s "% hello" is higher, as there both also pay
the server's and the load tool's work per request).

Run with the bench's environment (a migrated database with the demo content):

    DJANGO_SETTINGS_MODULE=benchmarks.settings DATABASE_URL=… REDIS_URL=… SECRET_KEY=x \\
    ALLOWED_HOSTS=127.0.0.1 NUM_PROXIES=0 SECURE_SSL_REDIRECT=false \\
    .venv/bin/python benchmarks/profile_pages.py [--repeat 200] [--brotli] [--profile NAME]

``--brotli`` sends ``Accept-Encoding: gzip, br`` (wrk sends none); ``--profile home``
prints cProfile's top functions for that page type. Figures only; nothing here asserts.
"""

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HELLO = """
import sys, time
from io import BytesIO
from benchmarks.hello import application
environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "SERVER_NAME": "127.0.0.1",
           "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "wsgi.url_scheme": "http",
           "wsgi.input": BytesIO(b""), "QUERY_STRING": ""}
def call():
    body = application(dict(environ), lambda status, headers: None)
    b"".join(body)
    body.close()
for _ in range(200):
    call()
repeat, batches = int(sys.argv[1]), int(sys.argv[2])
best = float("inf")
for _ in range(batches):
    started = time.process_time()
    for _ in range(max(1, repeat // batches)):
        call()
    best = min(best, time.process_time() - started)
print(best * 1000 / max(1, repeat // batches))
"""


def hello_ms(repeat, batches):
    """CPU ms per request (float) of benchmarks/hello.py's WSGI application: the fastest
    of `batches` batches of `repeat` requests in all."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    output = subprocess.run(
        [sys.executable, "-c", HELLO, str(repeat), str(batches)],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(output.strip())


def backend_cpu_ms(pid):
    """CPU ms (utime + stime) the database backend `pid` has used, or 0.0 if unreadable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--batches", type=int, default=5, help="report the fastest batch")
    parser.add_argument("--brotli", action="store_true", help="send Accept-Encoding: gzip, br")
    parser.add_argument("--profile", help="a page type's name: print cProfile's top functions")
    parser.add_argument("--only", help="comma-separated page type names to measure")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test import RequestFactory

    from benchmarks.bench import PAGES

    application = WSGIHandler()
    headers = {"HTTP_HOST": "127.0.0.1"}
    if args.brotli:
        headers["HTTP_ACCEPT_ENCODING"] = "gzip, br"

    def get(path):
        environ = RequestFactory()._base_environ(PATH_INFO=path, **headers)
        response = application(environ, lambda status, response_headers: None)
        body = b"".join(response)
        response.close()
        return response, body

    pages = PAGES
    if args.only:
        wanted = set(args.only.split(","))
        pages = [(name, path) for name, path in PAGES if name in wanted]
    hello = hello_ms(args.repeat, args.batches)
    columns = ("status", 6), ("app ms", 7), ("db ms", 6), ("total", 6), ("hello/page", 10), ("q", 3)
    print(f"{'':<26} " + " ".join(f"{name:>{width}}" for name, width in columns))
    print(f"{'hello-world (Django)':<26} {200:>6} {hello:>7.3f}")
    for name, path in pages:
        for _ in range(3):
            get(path)  # warm: the render cache and the structure cache are filled
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()[0]
        response, _body = get(path)
        queries = response.get("X-Bench-Queries", "?")
        # The fastest of several batches: other processes on a busy machine only ever
        # add time (cache misses, context switches), never take it away.
        app, db = float("inf"), 0.0
        batch = max(1, args.repeat // args.batches)
        for _ in range(args.batches):
            db_before = backend_cpu_ms(backend)
            started = time.process_time()
            for _ in range(batch):
                get(path)
            batch_app = (time.process_time() - started) * 1000 / batch
            if batch_app < app:
                app, db = batch_app, (backend_cpu_ms(backend) - db_before) / batch
        ratio = 100 * hello / (app + db)
        print(
            f"{name:<26} {response.status_code:>6} {app:>7.3f} {db:>6.3f} {app + db:>6.3f} "
            f"{ratio:>9.1f}% {queries:>3}"
        )
        if args.profile == name:
            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
            for _ in range(args.repeat):
                get(path)
            profiler.disable()
            for order in ("cumulative", "tottime"):
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(45)
                print(out.getvalue())


if __name__ == "__main__":
    main()
