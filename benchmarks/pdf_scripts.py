"""How long the upload's script check takes on a large ordinary PDF, before and after
the check moved from pypdf to pikepdf (documents/pdf_scripts.py).

    .venv/bin/python benchmarks/pdf_scripts.py [--pages 500] [--links 10000] [--repeat 3]

Builds a report of ``--pages`` pages (documents/pdf_writer.py) with ``--links`` web
links (URI actions) spread over them, then times, in this one process, the pypdf search
as it was at commit BEFORE (loaded from git) and the pikepdf search now, best of
``--repeat`` runs each, and the whole upload check (documents.uploads.check_pdf, which
also opens the file with pypdf to ask for a password). Prints CPU seconds of this process
(time.process_time: the machine may be shared, and both searches run in one thread) and
the ratio; figures only, nothing is asserted.
"""

import argparse
import io
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pikepdf  # noqa: E402

from documents.files import open_pdf  # noqa: E402
from documents.pdf_scripts import pdf_runs_something  # noqa: E402
from documents.pdf_writer import PdfPage, build_pdf  # noqa: E402
from documents.uploads import check_pdf  # noqa: E402

# The last commit whose documents/pdf_scripts.py searched with pypdf.
BEFORE = "f536226"


def pypdf_scan():
    """The pypdf search of commit BEFORE, as a function of the file's bytes."""
    source = subprocess.run(
        ["git", "show", f"{BEFORE}:documents/pdf_scripts.py"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    module = types.ModuleType("pdf_scripts_before")
    exec(compile(source, "pdf_scripts_before.py", "exec"), module.__dict__)  # noqa: S102
    return lambda data: module.pdf_runs_something(open_pdf(io.BytesIO(data))[0])


def report_with_links(pages, links):
    """Bytes of a ``pages``-page report with ``links`` URI link annotations."""
    paragraph = "Regional utveckling och smart specialisering i Sveriges regioner."
    data = build_pdf(
        "Stor rapport",
        "Benchmark",
        [PdfPage(f"Kapitel {n}", [paragraph] * 10) for n in range(pages)],
    )
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for index, page in enumerate(pdf.pages):
            count = links // pages + (index < links % pages)
            page.obj.Annots = pdf.make_indirect(
                pikepdf.Array(
                    pdf.make_indirect(
                        pikepdf.Dictionary(
                            Type=pikepdf.Name.Annot,
                            Subtype=pikepdf.Name.Link,
                            Rect=pikepdf.Array([72, 60 + 12 * n, 300, 70 + 12 * n]),
                            A=pikepdf.Dictionary(
                                S=pikepdf.Name.URI,
                                URI=pikepdf.String(f"https://tillvaxtverket.se/sida/{index}/{n}"),
                            ),
                        )
                    )
                    for n in range(count)
                )
            )
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def best_of(repeat, function):
    """The fastest of ``repeat`` runs of ``function()`` in CPU seconds, and its result."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        result = function()
        times.append(time.process_time() - start)
    return min(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--links", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = report_with_links(args.pages, args.links)
    before = pypdf_scan()
    old, old_found = best_of(args.repeat, lambda: before(data))
    new, new_found = best_of(args.repeat, lambda: pdf_runs_something(io.BytesIO(data)))
    upload, _ = best_of(args.repeat, lambda: check_pdf(io.BytesIO(data), "pdf"))
    print(f"{args.pages} pages, {args.links} links, {len(data) / 1e6:.1f} MB")
    print(f"pypdf search (before):  {old:.2f} s CPU (runs something: {old_found})")
    print(f"pikepdf search (after): {new:.2f} s CPU (runs something: {new_found})")
    print(f"ratio before/after:     {old / new:.1f}x")
    print(f"whole upload check now: {upload:.2f} s CPU")


if __name__ == "__main__":
    main()
