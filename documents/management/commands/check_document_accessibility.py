"""``manage.py check_document_accessibility``: the PDF accessibility check on stored documents.

Without options only the PDFs never checked (uploaded before the check existed, or
stored by other means than Wagtail's upload) are checked, so the scheduler can run it
daily (editorial/management/commands/publish_scheduled_loop.py) and a second run does
nothing. ``--all`` checks every PDF again (after the check itself changed);
``--since YYYY-MM-DD`` those not checked since that day. Counts are written and logged;
a file that cannot be read is reported by id and title and never stops the run.
"""

import datetime
import logging

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from documents.accessibility_checks import pdf_documents, recheck_documents

logger = logging.getLogger(__name__)


def _day(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Ogiltigt datum {value!r}: skriv ÅÅÅÅ-MM-DD.") from error


class Command(BaseCommand):
    help = (
        "Kontrollerar tillgängligheten i lagrade PDF-dokument (taggar, titel, språk, text). "
        "Utan val: bara dokument som aldrig kontrollerats."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--all", dest="everything", action="store_true", help="Kontrollera alla PDF-dokument."
        )
        which.add_argument(
            "--since",
            metavar="ÅÅÅÅ-MM-DD",
            help="Kontrollera dokument som inte kontrollerats sedan det datumet.",
        )

    def handle(self, *args, everything=False, since=None, **options):
        documents = pdf_documents()
        if since is not None:
            start = timezone.make_aware(datetime.datetime.combine(_day(since), datetime.time()))
            documents = documents.filter(
                Q(accessibility_checked_at=None) | Q(accessibility_checked_at__lt=start)
            )
        elif not everything:
            documents = documents.filter(accessibility_checked_at=None)

        outcome = recheck_documents(documents)

        for pk, title, reason in outcome.errors:
            self.stderr.write(f"Dokument {pk} ({title}): filen gick inte att läsa: {reason}")
        summary = (
            f"{outcome.checked} PDF-dokument kontrollerade: {outcome.passed} klarar kontrollen, "
            f"{outcome.failed} har brister, {outcome.unreadable} kunde inte läsas som PDF; "
            f"{len(outcome.changed)} fick ett nytt resultat; "
            f"{len(outcome.errors)} filer saknas eller gick inte att läsa."
        )
        self.stdout.write(summary)
        logger.info(summary)
