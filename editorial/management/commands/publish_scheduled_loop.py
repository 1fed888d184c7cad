"""Run Wagtail's ``publish_scheduled`` every minute: the scheduler for development.

Production runs ``publish_scheduled`` from cron or a systemd timer instead (see the
README, "Schemalagd publicering"); this loop is what ``make run`` starts next to
the development server so scheduled pages and contact persons go live locally too.
Once a day (on its first pass, then every 24 hours) it also applies the web archive's
retention rules (``apply_archive_retention``), as the production timer does.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

RETENTION_INTERVAL = 24 * 60 * 60  # seconds between two retention runs


class Command(BaseCommand):
    help = "Publicerar och avpublicerar schemalagt innehåll varje minut tills den avbryts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=int,
            default=60,
            help="Sekunder mellan körningarna (standard 60).",
        )

    def handle(self, *args, interval, **options):
        if interval < 1:
            raise CommandError("--interval måste vara minst 1 sekund.")
        self.stdout.write(f"Schemaläggaren kör publish_scheduled var {interval}:e sekund.")
        try:
            while True:
                self.run_once()
                time.sleep(interval)
        except KeyboardInterrupt:
            pass

    def run_once(self):
        """One pass; a failure (a locked SQLite file, say) is reported and retried next time."""
        try:
            call_command("publish_scheduled", verbosity=0)
        except Exception as error:  # noqa: BLE001 - the loop must outlive one bad pass
            self.stderr.write(f"publish_scheduled misslyckades: {error}")
        if time.monotonic() >= getattr(self, "next_retention", 0):
            self.next_retention = time.monotonic() + RETENTION_INTERVAL
            try:
                call_command("apply_archive_retention", stdout=self.stdout)
            except Exception as error:  # noqa: BLE001 - as above
                self.stderr.write(f"apply_archive_retention misslyckades: {error}")
