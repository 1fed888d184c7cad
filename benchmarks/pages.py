"""Print how many queries and how long the demo pages take to render.

Run after `make run` (or `python manage.py load_demo_content`):

    .venv/bin/python benchmarks/pages.py [--repeat 50]

Figures only; nothing here asserts a threshold.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "agency.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

URLS = [
    "/",
    "/amnesomraden/regional-kapacitet/smart-specialisering/",
    "/konferenser/",
    "/konferenser/smart-specialisering-2018/",
    "/publikationer/",
    "/publikationer/tillvaxtverkets-strategi-for-smart-specialisering/",
    "/amnesomraden/",
    "/tillganglighetsredogorelse/",
    "/synpunkter/",
    "/sok/?q=konferens",
    "/sok/?q=konferans",
    "/finns-inte/",
]


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    client = Client(HTTP_HOST="localhost")
    print(f"{'url':<72} {'status':>6} {'queries':>7} {'median ms':>9} {'p90 ms':>7}")
    for url in URLS:
        client.get(url)  # warm up caches (routes, menu, breadcrumbs, site settings)
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = client.get(url)
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p90 = timings[int(len(timings) * 0.9) - 1]
        print(
            f"{url:<72} {response.status_code:>6} {counter.count:>7} "
            f"{statistics.median(timings):>9.1f} {p90:>7.1f}"
        )


if __name__ == "__main__":
    main()
