"""Apply the archive's retention rules (ARCHIVE_RETENTION_DAYS), see archive/retention.py.

Run it daily (cron or systemd timer in production; ``publish_scheduled_loop`` runs it
once a day in development).
"""

from django.core.management.base import BaseCommand, CommandError

from archive.retention import apply_retention


class Command(BaseCommand):
    help = "Gallrar arkiverade sidversioner som är äldre än sidtypens bevarandetid."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Visa vad som skulle gallras, ta inte bort något.",
        )

    def handle(self, *args, dry_run, **options):
        try:
            removed, blobs = apply_retention(dry_run=dry_run)
        except ValueError as error:
            raise CommandError(str(error)) from None
        verb = "Skulle gallra" if dry_run else "Gallrade"
        for pk, page_type, url, captured_at in removed:
            self.stdout.write(
                f"{verb} version {pk}: {url} ({page_type}, {captured_at:%Y-%m-%d %H:%M})"
            )
        self.stdout.write(f"{verb} {len(removed)} versioner och {len(blobs)} filer.")
