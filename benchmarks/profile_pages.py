"""CPU time per request of a few pages, in-process, against a hello-world in the same run.

Less sensitive to a busy machine than `make bench` (wrk): each URL is fetched N times
with django.test.Client (no cookies, no Accept-Encoding, as wrk sends) after one warming
request, and the process's CPU time (time.process_time) per request is printed with the
query count and the database's own time per request as PostgreSQL reports it
(pg_stat_statements is not needed: the backend's CPU from /proc). Figures only.

    DJANGO_SETTINGS_MODULE=benchmarks.settings DATABASE_URL=... REDIS_URL=... \\
        .venv/bin/python benchmarks/profile_pages.py [-n 200] [--profile URL] [URL ...]

The database is used as it is (migrate, `load_demo_content` and, for a large site,
benchmarks/generate_pages.py first). With --profile, cProfile's top entries for that
URL are printed too (sorted by cumulative and by own time).
"""

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

DEFAULT_URLS = [
    "/konferenser/",
    "/konferenser/?utm_source=nyhetsbrev",
    "/konferenser/smart-specialisering-2018/",
]


def hello_ms(count):
    """CPU ms per request of benchmarks/hello.py's view through django.test.Client, measured
    in a fresh interpreter (it configures Django's settings itself)."""
    code = (
        "import time, benchmarks.hello\n"
        "from django.test import Client\n"
        "client = Client()\n"
        "client.get('/')\n"
        "start = time.process_time()\n"
        f"for _ in range({count}): client.get('/')\n"
        f"print((time.process_time() - start) * 1000 / {count})\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    output = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return float(output.stdout.strip())


def backend_cpu_seconds(connection):
    """CPU seconds (user + system) the PostgreSQL backend serving `connection` has used."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(client, url, count, connection):
    """(status, app CPU ms, database CPU ms, queries) per request for `url`."""
    response = client.get(url)
    counter = QueryCounter()
    db_before = backend_cpu_seconds(connection)
    start = time.process_time()
    with connection.execute_wrapper(counter):
        for _ in range(count):
            response = client.get(url)
    app = (time.process_time() - start) * 1000 / count
    db = (backend_cpu_seconds(connection) - db_before) * 1000 / count
    return response.status_code, app, db, counter.count / count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("urls", nargs="*", default=DEFAULT_URLS)
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--profile", help="a URL to run under cProfile")
    args = parser.parse_args()
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    hello = hello_ms(args.n)
    print(f"{'url':<48} {'status':>6} {'app ms':>7} {'db ms':>6} {'queries':>7} {'x hello':>7}")
    print(f"{'hello-world':<48} {200:>6} {hello:>7.2f} {0:>6.2f} {0:>7.1f} {1:>7.1f}")
    for url in args.urls:
        status, app, db, queries = measure(client, url, args.n, connection)
        ratio = (app + db) / hello
        print(f"{url:<48} {status:>6} {app:>7.2f} {db:>6.2f} {queries:>7.1f} {ratio:>7.1f}")
    if args.profile:
        client.get(args.profile)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.n):
            client.get(args.profile)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
