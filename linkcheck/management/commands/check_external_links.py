"""Check the external links of live pages and store what each answered (linkcheck.checker).

Addresses checked within ``--max-age`` hours are not asked again (the cache), so a
daily run asks each host only about new and stale links.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from linkcheck.checker import check_urls
from linkcheck.extract import external_urls_by_page
from linkcheck.models import ExternalLink


class Command(BaseCommand):
    help = "Kontrollerar externa länkar på publicerade sidor (artigt: robots.txt, tidsgräns)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-age",
            type=int,
            default=20,
            help="Timmar ett resultat gäller innan länken kontrolleras igen (standard 20).",
        )

    def handle(self, *args, max_age, **options):
        if max_age < 0:
            raise CommandError("--max-age får inte vara negativ.")
        hosts = set(Site.objects.values_list("hostname", flat=True))
        by_page = external_urls_by_page(hosts)
        urls = {url for page_urls in by_page.values() for url in page_urls}
        links = self.sync_links(by_page, urls)
        stale_before = timezone.now() - datetime.timedelta(hours=max_age)
        to_check = [
            link.url
            for link in links.values()
            if link.last_checked_at is None or link.last_checked_at < stale_before
        ]
        results = check_urls(to_check)
        now = timezone.now()
        for url, result in results.items():
            link = links[url]
            link.status_code = result.status_code
            link.redirect_to = result.redirect_to
            link.error = result.error
            link.last_checked_at = now
            if result.is_broken:
                link.first_broken_at = link.first_broken_at or now
            else:
                link.first_broken_at = None
        ExternalLink.objects.bulk_update(
            [links[url] for url in results],
            ["status_code", "redirect_to", "error", "last_checked_at", "first_broken_at"],
        )
        broken = sum(1 for result in results.values() if result.is_broken)
        self.stdout.write(
            f"{len(urls)} externa länkar, {len(results)} kontrollerade, {broken} trasiga."
        )

    @transaction.atomic
    def sync_links(self, by_page, urls):
        """ExternalLink rows for exactly ``urls``, each tied to the pages that use it."""
        ExternalLink.objects.exclude(url__in=urls).delete()
        existing = {link.url for link in ExternalLink.objects.filter(url__in=urls)}
        ExternalLink.objects.bulk_create([ExternalLink(url=url) for url in urls - existing])
        links = ExternalLink.objects.in_bulk(urls, field_name="url")
        through = ExternalLink.pages.through
        through.objects.all().delete()
        through.objects.bulk_create(
            [
                through(externallink_id=links[url].pk, page_id=page_id)
                for page_id, page_urls in by_page.items()
                for url in page_urls
            ]
        )
        return links
