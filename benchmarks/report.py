"""The table `make bench` (benchmarks/bench.py) prints at the end of a run."""

import statistics


def print_report(args, cache, targets, results, queries, with_varnish):
    """Print one table per kind of target; `cache` is the cache backend the site said it uses."""
    hello_rate = results["hello-world (Django)"].rate
    nginx_rate = results["nginx static file"].rate
    many = args.connections
    headings = {
        "ref": f"references ({many} connections)",
        "a": f"(a) cached hit through the front cache (Varnish; {many} connections)",
        "b": (
            f"(b) render with a warm cache, no page cache; head, header, content and footer "
            f"fragments from the render cache ({many} connections)"
        ),
        "c": f"(c) search at {args.pages:,} generated pages (1 connection)",
    }
    print()
    print(
        f"site: gunicorn, {args.workers} sync workers, production settings; wrk; "
        f"{args.rounds} x {args.duration} s per target, interleaved; "
        f"cache: {cache}"
        + ("; requests send Accept-Encoding: gzip" if getattr(args, "gzip", False) else "")
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
