"""Build the demo site from the agency's Smart specialisering page. Safe to run again:
everything is looked up by its slug or title and updated in place, never duplicated."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import content
from demo.builders import DemoBuilder, smart_specialisation_body
from demo.dates import date_demo_pages
from demo.design import ensure_design_content
from demo.english import ensure_english_pages
from demo.language_versions import ensure_language_versions
from demo.upkeep import ensure_upkeep_demo
from events.models import ConferenceIndexPage
from pages.models import (
    StrategyDocumentPage,
    StrategyIndexPage,
    TopicPage,
)


# (username, password, group names, superuser). Dev only: see DEMO_ACCOUNTS_ENABLED.
class Command(DemoBuilder, BaseCommand):
    help = "Laddar demoinnehållet (Smart specialisering). Kan köras flera gånger."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hostname",
            help="Sajtens värdnamn, det som webbläsaren anger (make run: 127.0.0.1).",
        )
        parser.add_argument(
            "--port",
            type=int,
            help="Porten som servern svarar på (make run: PORT, 8000 om inget annat anges).",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        port = options.get("port")
        if port is not None and not 0 < port < 65536:
            raise CommandError(f"--port ska vara ett portnummer mellan 1 och 65535, inte {port}.")
        home = self.ensure_home()
        site = self.ensure_site(home, hostname=options.get("hostname"), port=port)
        contact = self.ensure_contact()
        collection = self.ensure_collection()

        presentations = [
            self.ensure_document(collection, *content.presentation_pdf(name, organisation))
            for name, organisation in content.SPEAKERS
        ]
        summary = self.ensure_document(collection, *content.summary_pdf(), language="en")
        strategy_document = self.ensure_document(collection, *content.strategy_pdf())

        conference_index = self.ensure_page(
            home,
            ConferenceIndexPage,
            "konferenser",
            title="Konferenser",
            show_in_menus=True,
            introduction="Konferenser som Tillväxtverket arrangerar, kommande och tidigare.",
        )
        conference = self.ensure_conference(conference_index, contact, presentations, summary)

        topics = self.ensure_page(
            home,
            TopicPage,
            "amnesomraden",
            title="Ämnesområden",
            show_in_menus=True,
            introduction="Områden där Tillväxtverket arbetar för företag och regioner.",
        )
        regional = self.ensure_page(
            topics,
            TopicPage,
            "regional-kapacitet",
            title="Regional kapacitet",
            introduction="Hur regioner bygger förmåga att skapa hållbar tillväxt.",
        )
        smart = self.ensure_page(
            regional,
            TopicPage,
            "smart-specialisering",
            title="Smart specialisering",
            introduction=content.INTRO,
            contact=None,
            body=json.dumps(
                smart_specialisation_body(content, conference, strategy_document, contact)
            ),
        )

        publications = self.ensure_page(
            home,
            StrategyIndexPage,
            "publikationer",
            title="Publikationer",
            show_in_menus=True,
            introduction="Tillväxtverkets strategier och rapporter, de senaste först.",
        )
        strategy = self.ensure_page(
            publications,
            StrategyDocumentPage,
            content.STRATEGY["slug"],
            title=content.STRATEGY["title"],
            summary=content.STRATEGY["summary"],
            publication_date=content.STRATEGY["publication_date"],
            document=strategy_document,
            contact=contact,
        )
        strategy.related_topics.set([smart])
        strategy.save_revision().publish()

        home.featured_topics.all().delete()
        home.featured_topics.create(page=smart, sort_order=0)
        home.save_revision().publish()

        self.ensure_site_pages(site, home)
        ensure_language_versions(self, home, smart)
        demo_pages = {"topics": topics, "smart": smart, "conference": conference}
        demo_pages.update(conference_index=conference_index, strategy=strategy)
        ensure_design_content(self, site, home, {**demo_pages, "publications": publications})
        english = ensure_english_pages(
            {**demo_pages, "home": home, "regional": regional, "publications": publications},
            contact,
            strategy_document,
        )

        if settings.DEMO_ACCOUNTS_ENABLED:
            self.ensure_accounts()
        ensure_upkeep_demo({"regional": regional, "smart": smart, "strategy": strategy})
        # Last: every publish above stamped "now" (demo/dates.py).
        date_demo_pages({**demo_pages, "regional": regional, "publications": publications}, english)
        self.stdout.write(self.style.SUCCESS("Demoinnehållet är laddat."))
        for page in (home, smart, conference, strategy, english["home"], english["conference"]):
            self.stdout.write(f"  {page.get_full_url()}")
        self.stdout.write(f"  {site.root_url}/admin/")
