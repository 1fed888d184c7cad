import datetime
from zoneinfo import ZoneInfo

import factory
import wagtail_factories

from core.factories import single_page_factory
from documents.factories import DocumentFactory

from .models import ConferenceIndexPage, ConferencePage, Speaker

STOCKHOLM = ZoneInfo("Europe/Stockholm")


ConferenceIndexPageFactory = single_page_factory(ConferenceIndexPage, "Konferenser", "konferenser")


class ConferencePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Konferens {n}")
    start = datetime.datetime(2018, 1, 31, 9, 30, tzinfo=STOCKHOLM)
    end = datetime.datetime(2018, 1, 31, 16, 0, tzinfo=STOCKHOLM)
    city = "Luleå"
    venue = "Kulturens hus"
    introduction = "En nationell konferens."

    class Meta:
        model = ConferencePage


class SpeakerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Talare {n}")
    organisation = "Tillväxtverket"
    presentation = factory.SubFactory(DocumentFactory)
    sort_order = factory.Sequence(int)

    class Meta:
        model = Speaker
