"""Search ranking without the ranking cache, at the bench's site size (`make bench`).

    DJANGO_SETTINGS_MODULE=benchmarks.settings python benchmarks/search_uncached.py

The HTTP figures of `make bench` mostly hit cached rankings (search/ranking.py keeps a
ranking for ten minutes). Here each query is ranked afresh (search.ranking._rank: the
PostgreSQL queries for pages and documents and the fusion of both), --repeat times, and
p50/p95 are printed per kind of query: common words (on thousands of generated pages),
rare words, words found nowhere. Wall-clock milliseconds in this one process; figures
only.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from wagtail.models import Site  # noqa: E402

from search.ranking import _rank  # noqa: E402

QUERIES = {
    "common word": ["tillväxt", "regional", "företag", "innovation", "kommun", "export"],
    "two common words": ["regional utveckling", "export kommun", "hållbar innovation"],
    "rare word": ["konferens luleå", "smart specialisering", "tillgänglighetsredogörelse"],
    "nothing found": ["xqzzyv", "qwxyzzy blorft", "zzqqxx"],
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    site = Site.objects.get(is_default_site=True)
    print(f"\n(c') search ranked afresh (no ranking cache), {args.repeat} x each query")
    print(f"{'':<36} {'p50 ms':>7} {'p95 ms':>7} {'hits':>6}")
    for kind, queries in QUERIES.items():
        timings, hits = [], 0
        for _ in range(args.repeat):
            for query in queries:
                started = time.perf_counter()
                hits = max(hits, len(_rank(query, site)[0]))
                timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[max(0, round(len(timings) * 0.95) - 1)]
        median = statistics.median(timings)
        print(f"search (uncached): {kind:<17} {median:>7.1f} {p95:>7.1f} {hits:>6}")


if __name__ == "__main__":
    main()
