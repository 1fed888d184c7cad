"""Lighthouse over the demo's page types, phone and desktop, against a running site.

    make serve-prod PORT=8141 ...      # the production stack, in another terminal
    make lighthouse LIGHTHOUSE_URL=http://127.0.0.1:8141

Needs Node.js and Lighthouse 12 in .lighthouse/ (not committed; `make lighthouse`
installs it with `npm i -E lighthouse@12.2.3`) and Debian's Chromium (CHROME_PATH,
default /usr/bin/chromium); nothing else is downloaded. Prints one row per page and
form factor and exits 1 when a score misses its target (issue 12): Performance >= 95,
Accessibility, Best Practices and SEO 100 (the search page is not meant to be indexed,
so its SEO score is not held to 100), Cumulative Layout Shift 0. Reports are written as
JSON to tmp/lighthouse/.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home": "/",
    "topic": "/amnesomraden/regional-kapacitet/smart-specialisering/",
    "conference": "/konferenser/smart-specialisering-2018/",
    "strategy": "/publikationer/tillvaxtverkets-strategi-for-smart-specialisering/",
    "listing": "/publikationer/",
    "search": "/sok/?q=smart+specialisering",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
NOT_INDEXED = {"search"}


def run(base_url, name, path, form_factor, out_dir, attempt=0):
    """Lighthouse's report (dict) for one page and form factor ("mobile"/"desktop")."""
    report = out_dir / f"{name}-{form_factor}{f'-{attempt + 1}' if attempt else ''}.json"
    # One visit first, as every page has had in production: the image renditions (AVIF,
    # WebP, JPEG at three widths) are made on the first view ever, then reused.
    with urllib.request.urlopen(base_url.rstrip("/") + path, timeout=120) as response:  # noqa: S310
        response.read()
    command = [
        str(LIGHTHOUSE),
        base_url.rstrip("/") + path,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    # On a loaded machine Chromium sometimes loses the trace ("NO_NAVSTART ... Please run
    # Lighthouse again"): one more try before giving up.
    if subprocess.run(command, env=env).returncode:
        subprocess.run(command, check=True, env=env)
    return json.loads(report.read_text())


def scores(report):
    """{"performance": 0-100, ..., "cls": float} from a Lighthouse report."""
    result = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
    result["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    return result


def median(results):
    """The median of each score over several runs of one page (Lighthouse's own advice for
    a loaded machine: its variability guide recommends the median of several runs)."""
    return {key: statistics.median(result[key] for result in results) for key in results[0]}


def misses(name, result):
    """The targets `result` misses, as short texts."""
    failed = [
        f"{key} {result[key]} < {target}"
        for key, target in TARGETS.items()
        if result[key] < target and not (key == "seo" and name in NOT_INDEXED)
    ]
    if result["cls"] > 0:
        failed.append(f"CLS {result['cls']:.3f} > 0")
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("LIGHTHOUSE_URL", "http://127.0.0.1:8000"))
    parser.add_argument("--pages", nargs="*", default=list(PAGES), choices=list(PAGES))
    parser.add_argument("--form-factors", nargs="*", default=["mobile", "desktop"])
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median counts")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"Lighthouse saknas: kör `make lighthouse` (installerar i {LIGHTHOUSE.parent}).")
    out_dir = ROOT / "tmp" / "lighthouse"
    out_dir.mkdir(parents=True, exist_ok=True)
    print(f"{'page':<12}{'device':<9}{'perf':>6}{'a11y':>6}{'bp':>6}{'seo':>6}{'CLS':>8}  misses")
    failures = 0
    for name in args.pages:
        for form_factor in args.form_factors:
            result = median(
                [
                    scores(run(args.url, name, PAGES[name], form_factor, out_dir, attempt))
                    for attempt in range(max(args.runs, 1))
                ]
            )
            missed = misses(name, result)
            failures += bool(missed)
            print(
                f"{name:<12}{form_factor:<9}{result['performance']:>6g}{result['accessibility']:>6g}"
                f"{result['best-practices']:>6g}{result['seo']:>6g}{result['cls']:>8.3f}  "
                + ("; ".join(missed) or "-"),
                flush=True,
            )
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
