"""A site where each kind of listing holds one public and one private item, and the checks
that nothing private leaks: every private title and text carries SECRET."""

import datetime
import json
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from documents.pdf_writer import PdfPage, build_pdf
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory
from pages.models import HomePageFeaturedTopic

# Every private title and text carries this word, so one search or substring check
# finds any leak.
SECRET = "Hemlighetsmakeri"
DOCUMENT_ONLY_PHRASE = "konfidentiell budgetram för glesbygdens bredband"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
NEXT_YEAR = datetime.datetime.now(STOCKHOLM).year + 1


def restrict(page, kind, group=None):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    if group is not None:
        restriction.groups.add(group)
    return restriction


def private_document(collection):
    document = get_document_model()(title=f"{SECRET} budget", collection=collection)
    pdf = build_pdf(f"{SECRET} budget", "Internt", [PdfPage("Budget", [DOCUMENT_ONLY_PHRASE])])
    document.file.save("budget.pdf", ContentFile(pdf), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


class PrivateSite:
    """A site where each kind of listing holds one public and one private item."""

    def __init__(self, home):
        self.home = home
        self.staff = Group.objects.create(name="Ledningsgruppen")

        self.public_topic = TopicPageFactory(parent=home, title="Öppet ämne", slug="oppet")
        self.login_topic = TopicPageFactory(
            parent=home, title=f"{SECRET} för inloggade", slug="inloggade", show_in_menus=True
        )
        restrict(self.login_topic, PageViewRestriction.LOGIN)
        self.group_subtopic = TopicPageFactory(
            parent=self.public_topic, title=f"{SECRET} i gruppen", slug="gruppen"
        )
        restrict(self.group_subtopic, PageViewRestriction.GROUPS, self.staff)
        self.below_private = TopicPageFactory(
            parent=self.login_topic, title=f"{SECRET} längre ner", slug="langre-ner"
        )
        for order, topic in enumerate((self.public_topic, self.login_topic)):
            HomePageFeaturedTopic.objects.create(home=home, page=topic, sort_order=order)

        self.strategies = StrategyIndexPageFactory(parent=home)
        self.public_strategy = StrategyDocumentPageFactory(
            parent=self.strategies, title="Öppen strategi", publication_date=datetime.date.today()
        )
        self.private_strategy = StrategyDocumentPageFactory(
            parent=self.strategies,
            title=f"{SECRET} strategi",
            slug="intern-strategi",
            publication_date=datetime.date.today(),
        )
        restrict(self.private_strategy, PageViewRestriction.LOGIN)

        self.conferences = ConferenceIndexPageFactory(parent=home)
        start = datetime.datetime(NEXT_YEAR, 3, 10, 9, 0, tzinfo=STOCKHOLM)
        self.public_conference = ConferencePageFactory(
            parent=self.conferences,
            title="Öppen konferens",
            start=start,
            end=start + datetime.timedelta(hours=7),
        )
        self.private_conference = ConferencePageFactory(
            parent=self.conferences,
            title=f"{SECRET} konferens",
            slug="intern-konferens",
            start=start,
            end=start + datetime.timedelta(hours=7),
        )
        restrict(self.private_conference, PageViewRestriction.GROUPS, self.staff)
        # Published through revisions, as editors do, so feeds see a publication date.
        for page in (
            self.public_strategy,
            self.private_strategy,
            self.public_conference,
            self.private_conference,
        ):
            page.save_revision().publish()

        root_collection = Collection.get_first_root_node()
        self.private_collection = root_collection.add_child(name="Interna dokument")
        restriction = CollectionViewRestriction.objects.create(
            collection=self.private_collection,
            restriction_type=CollectionViewRestriction.GROUPS,
        )
        restriction.groups.add(self.staff)
        self.private_document = private_document(self.private_collection)
        # A public page that lists the private document: the page is public, the file is not.
        self.page_listing_document = TopicPageFactory(
            parent=home,
            title="Budgetarbete",
            slug="budget",
            body=json.dumps(
                [
                    {
                        "type": "documents",
                        "value": {"heading": "", "documents": [self.private_document.pk]},
                    }
                ]
            ),
        )

    @property
    def private_pages(self):
        return [
            self.login_topic,
            self.group_subtopic,
            self.below_private,
            self.private_strategy,
            self.private_conference,
        ]


def get_text(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_no_secrets(text, site, where):
    # Every private title is SECRET and a space and more; a search page also echoes
    # the bare word that was searched for, which is no leak.
    assert f"{SECRET} " not in text, f"a private title shows in {where}"
    for page in site.private_pages:
        assert f"/{page.slug}/" not in text, f"{page.slug} is linked from {where}"
    assert site.private_document.url not in text, f"the private document is linked from {where}"
