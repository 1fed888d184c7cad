import factory
import wagtail_factories
from django.core.files.base import ContentFile

from core.factories import single_page_factory

from .models import EasyReadIndexPage, EasyReadPage, SignLanguageIndexPage, SignLanguagePage

# The smallest files the upload checks accept (language_versions/uploads.py).
WEBM_BYTES = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 64
CAPTIONS_TEXT = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nVälkommen till Tillväxtverket.\n"

EasyReadIndexPageFactory = single_page_factory(EasyReadIndexPage, "Lättläst", "lattlast")
SignLanguageIndexPageFactory = single_page_factory(
    SignLanguageIndexPage, "Teckenspråk", "teckensprak"
)


class EasyReadPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Om ämne {n}")
    body = "<p>Det här är en kort text. Den är lätt att läsa.</p>"

    class Meta:
        model = EasyReadPage


class SignLanguagePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Film {n} på teckenspråk")
    video = factory.LazyFunction(lambda: ContentFile(WEBM_BYTES, name="film.webm"))
    captions = factory.LazyFunction(
        lambda: ContentFile(CAPTIONS_TEXT.encode(), name="textning.vtt")
    )
    body = "<p>Välkommen till Tillväxtverket.</p>"

    class Meta:
        model = SignLanguagePage
