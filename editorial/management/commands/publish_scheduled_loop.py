"""Run Wagtail's ``publish_scheduled`` every minute: the scheduler for development.

Production runs ``publish_scheduled`` from cron or a systemd timer instead (see the
README, "Schemalagd publicering"); this loop is what ``make run`` starts next to
the development server so scheduled pages and contact persons go live locally too.
"""

import io
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

SCHEDULED_COMMANDS = (
    "publish_scheduled",
    "send_review_reminders",
    "apply_personal_data_retention",
)


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
        Besides publishing: review reminders (each sent once per review date) and the
        deletion of personal data past its retention period."""
        for command in SCHEDULED_COMMANDS:
            try:
                call_command(command, verbosity=0, stdout=io.StringIO())
            except Exception as error:  # noqa: BLE001 - the loop must outlive one bad pass
                self.stderr.write(f"{command} misslyckades: {error}")
