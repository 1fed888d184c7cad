"""Run Wagtail's ``publish_scheduled`` every minute: the scheduler for development.

Production runs ``publish_scheduled`` from cron or a systemd timer instead (see the
README, "Schemalagd publicering"); this loop is what ``make run`` starts next to
the development server so scheduled pages and contact persons go live locally too.
Once a day (on its first pass, then every 24 hours) it also sends review reminders,
deletes personal data past its retention period, applies the web archive's retention
rules and checks the accessibility of PDFs never checked, as the production timers do.
"""

import io
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# Every pass: publishing and unpublishing at the times editors chose.
EVERY_PASS = ("publish_scheduled",)
# Once a day: review reminders (each sent once per review date), deleting personal data
# past its retention period, the web archive's retention (gallring), and the PDF
# accessibility check of documents never checked.
DAILY = (
    "send_review_reminders",
    "apply_personal_data_retention",
    "apply_archive_retention",
    "check_document_accessibility",
)
DAILY_INTERVAL = 24 * 60 * 60  # seconds between two runs of the daily commands


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
        """One pass; a failure (a locked SQLite file, say) is reported and retried next time.
        The daily commands run on the first pass and then once every 24 hours."""
        commands = list(EVERY_PASS)
        if time.monotonic() >= getattr(self, "next_daily", 0):
            self.next_daily = time.monotonic() + DAILY_INTERVAL
            commands += DAILY
        for command in commands:
            try:
                call_command(command, verbosity=0, stdout=io.StringIO())
            except Exception as error:  # noqa: BLE001 - the loop must outlive one bad pass
                self.stderr.write(f"{command} misslyckades: {error}")
