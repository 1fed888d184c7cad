"""Export the published versions of a date range as a WARC file for the archive.

    manage.py export_web_archive --since 2026-01-01 --until 2026-12-31 --output DIR

writes DIR/<prefix>-<since>-<until>.warc.gz (WARC 1.1, ISO 28500) and
DIR/manifest-sha256.txt; see docs/archive.md for handing them over.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.dates import parse_day
from archive.warc import export_range


class Command(BaseCommand):
    help = "Skriver arkiverade sidversioner i ett datumintervall som WARC-fil (.warc.gz)."

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True, help="Första dagen, ÅÅÅÅ-MM-DD.")
        parser.add_argument("--until", required=True, help="Sista dagen, ÅÅÅÅ-MM-DD (inklusive).")
        parser.add_argument("--output", required=True, help="Mapp som filerna skrivs till.")

    def handle(self, *args, since, until, output, **options):
        try:
            first = parse_day(since, "--since")
            last = parse_day(until, "--until")
        except ValueError as error:
            raise CommandError(str(error)) from None
        if last < first:
            raise CommandError(f"--until ({last}) ligger före --since ({first}).")
        output_dir = Path(output)
        if output_dir.exists() and not output_dir.is_dir():
            raise CommandError(f"--output {output} finns redan och är ingen mapp.")
        path, count = export_range(first, last, output_dir)
        self.stdout.write(f"{count} sidversioner skrivna till {path}")
        self.stdout.write(f"Kontrollsummor: {output_dir / 'manifest-sha256.txt'}")
