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
    make bench BENCH_ARGS="--reuse --no-gzip"   # requests without Accept-Encoding

Figures only; nothing here passes or fails.
"""

import argparse
import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

# Run as a script (make bench): the project folder on the path, as the other benchmarks do.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import (  # noqa: E402
    LUA,
    WRK,
    Result,
    Target,
    cpu_times,
    cpu_used,
    fetch,
    process_tree,
    wait_for,
)
from benchmarks.report import print_report  # noqa: E402
from benchmarks.servers import BIN, ROOT, Servers  # noqa: E402

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


class Bench(Servers):
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
                *(("-H", "Accept-Encoding: gzip") if self.args.gzip else ()),
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
        print_report(self.args, self.cache, targets, results, queries, varnish is not None)
        subprocess.run(
            [BIN / "python", "benchmarks/search_uncached.py"], cwd=ROOT, env=self.env, check=True
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
    parser.add_argument(
        "--gzip",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="send Accept-Encoding: gzip as every browser does (default; the front cache and "
        "nginx then send their stored gzip copies); --no-gzip: none, so Varnish gunzips its "
        "copy for every request",
    )
    args = parser.parse_args()
    bench = Bench(args)
    try:
        bench.run()
    finally:
        bench.stop()


if __name__ == "__main__":
    main()
