"""Uncached search over HTTP beside a Django hello-world, interleaved (issue 11).

    BENCH_DATABASE_URL=postgres://.../agency_bench REDIS_URL=redis://127.0.0.1:6379/15 \
        python benchmarks/search_http.py --repeat 20

Uses the database `make bench` built (10,000 generated pages; run `make bench` once
first) and starts the site (production settings, gunicorn, 2 workers) and the
hello-world reference. Then, one request at a time, it asks hello-world and a search in
turn; before each search it starts a new search-index generation in the shared cache
(search.ranking.index_changed), so no ranking is reused: every search is ranked afresh,
as the first visitor's is. Prints p50/p95 in ms per kind of query and both as a
multiple of hello-world's p50 measured in the same run, and the load average (the
machine may be shared). Figures only.

To compare with earlier code in the same run, give a copy of it and a database it
built (``--before ROOT --before-database-url URL``, e.g. ``git archive <commit> | tar
-x -C ROOT``): that code is served beside this one, from the same virtualenv, and each
query is asked of both in turn; the table then has a "before" row for each kind of
query and the after/before ratio of p95.
"""

import argparse
import os
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench import BIN, Bench, fetch, wait_for  # noqa: E402
from benchmarks.measure import free  # noqa: E402

QUERIES = {
    "common word": ["tillväxt", "företag", "regional", "innovation"],
    "rare word": ["konferens luleå", "smart specialisering"],
    "nothing found": ["xqzzyv", "zzqqxx"],
}


def percentile(values, share):
    values = sorted(values)
    return values[max(0, round(len(values) * share) - 1)]


def timed(url):
    """Milliseconds `url` took to answer (it must answer 200)."""
    started = time.perf_counter()
    status, _headers, _body = fetch(url)
    assert status == 200, (url, status)
    return (time.perf_counter() - started) * 1000


def start_before(bench, root, database_url, workers):
    """The earlier code in `root`, on its own database and port; its base URL."""
    port = next(port for port in range(bench.ports["varnish"] + 1, 65535) if free(port))
    env = {**bench.env, "DATABASE_URL": database_url, "PYTHONPATH": root}
    command = [BIN / "gunicorn", "agency.wsgi:application", "--chdir", root]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "60"]
    bench.start(command, "before", env=env)
    return f"http://127.0.0.1:{port}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/agency_bench"
        ),
    )
    parser.add_argument("--port-base", type=int, default=int(os.environ.get("BENCH_PORT", 9700)))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--before", help="a copy of earlier code to compare with")
    parser.add_argument("--before-database-url", help="the database the earlier code built")
    args = parser.parse_args()
    bench = Bench(
        argparse.Namespace(
            database_url=args.database_url,
            port_base=args.port_base,
            workers=args.workers,
            reuse=True,
        )
    )
    os.environ.update({key: bench.env[key] for key in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")})
    os.environ.update({key: value for key, value in bench.env.items() if key not in os.environ})
    import django

    django.setup()
    from search.ranking import index_changed

    try:
        bench.manage("collectstatic", "--noinput")
        bench.gunicorn("agency.wsgi:application", "app", bench.env)
        bench.gunicorn("benchmarks.hello:application", "hello", {**os.environ})
        bases = {"": f"http://127.0.0.1:{bench.ports['app']}"}
        if args.before:
            bases["before: "] = start_before(
                bench, args.before, args.before_database_url, args.workers
            )
        hello_url = f"http://127.0.0.1:{bench.ports['hello']}/"
        wait_for(hello_url)
        for base in bases.values():
            wait_for(base + "/")
            for _ in range(2 * args.workers):
                fetch(base + "/sok/?q=export")
        hello = []
        timings = {(label, kind): [] for kind in QUERIES for label in bases}
        for _ in range(args.repeat):
            for kind, queries in QUERIES.items():
                for query in queries:
                    for label, base in bases.items():
                        hello.append(timed(hello_url))
                        index_changed()
                        url = f"{base}/sok/?{urllib.parse.urlencode({'q': query})}"
                        timings[(label, kind)].append(timed(url))
        reference = statistics.median(hello)
        print(f"\nuncached search over HTTP, {args.repeat} rounds, 1 connection")
        print(f"load average: {' '.join(f'{value:.1f}' for value in os.getloadavg())}")
        print(f"{'':<36} {'p50 ms':>7} {'p95 ms':>7} {'p50/hello':>10} {'p95/hello':>10}")
        print(f"{'hello-world (reference)':<36} {reference:>7.1f} {percentile(hello, 0.95):>7.1f}")
        for (label, kind), values in timings.items():
            p50, p95 = statistics.median(values), percentile(values, 0.95)
            line = (
                f"{label + 'search: ' + kind:<36} {p50:>7.1f} {p95:>7.1f} "
                f"{p50 / reference:>9.0f}x {p95 / reference:>9.0f}x"
            )
            if label and timings[("", kind)]:
                line += f"   now/before p95: {percentile(timings[('', kind)], 0.95) / p95:.2f}"
            print(line)
    finally:
        bench.stop()


if __name__ == "__main__":
    main()
