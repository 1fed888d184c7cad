"""Delete personal data older than PERSONAL_DATA_RETENTION_MONTHS (personal_data.retention).
Run daily (cron in production; publish_scheduled_loop in development)."""

from django.core.management.base import BaseCommand, CommandError

from personal_data.retention import apply_retention


class Command(BaseCommand):
    help = "Raderar personuppgifter som är äldre än den inställda lagringstiden."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None, help="Lagringstid i månader.")

    def handle(self, *args, months, **options):
        if months is not None and months < 0:
            raise CommandError("--months får inte vara negativ.")
        for label, count in apply_retention(months=months).items():
            self.stdout.write(f"{label}: {count} raderade")
