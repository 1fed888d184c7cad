"""The demo's lättläst and teckenspråk pages (language_versions/): Smart specialisering
in easy-to-read Swedish, linked from its topic page, and a short sign-language page.

The video in demo/files/ is our own few-second placeholder (made with ffmpeg, no
person signing; no freely licensed clip in Swedish sign language was at hand): the page
says so under the video (VIDEO_DESCRIPTION). Its WebVTT captions and the page text are
the real Swedish text. Replace the file with a real recording and empty the description."""

from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from language_versions.models import (
    EasyReadIndexPage,
    EasyReadPage,
    SignLanguageIndexPage,
    SignLanguagePage,
)

FILES = Path(__file__).resolve().parent / "files"
VIDEO = FILES / "teckensprak-demo.webm"
CAPTIONS = FILES / "teckensprak-demo.vtt"

EASY_READ_SMART = (
    "<p>Smart specialisering betyder att en region satsar på det som regionen redan "
    "är bra på.</p>"
    "<p>En region är en del av Sverige. Norrbotten och Skåne är två regioner.</p>"
    "<h2>Varför gör regionerna så?</h2>"
    "<p>Ingen region kan vara bäst på allt. Därför väljer varje region några områden.</p>"
    "<p>I de områdena arbetar företag, universitet och kommuner tillsammans. "
    "Då kan företagen växa. Då kan det bli fler jobb.</p>"
    "<h2>Vad gör Tillväxtverket?</h2>"
    "<ul>"
    "<li>Vi hjälper regionerna att välja sina områden.</li>"
    "<li>Vi ger pengar till projekt. Pengarna kommer från Europeiska unionen.</li>"
    "<li>Vi ordnar möten. Där kan regionerna lära sig av varandra.</li>"
    "</ul>"
    "<p>Europeiska unionen är ett samarbete mellan 27 länder i Europa. Sverige är ett "
    "av länderna.</p>"
)

# Said under the video: the demo's film is a placeholder, and visitors are told so.
VIDEO_DESCRIPTION = (
    "Platshållare i demon: filmen visar ingen tecknare, bara orden ”Teckenspråk – "
    "demofilm” på en färgyta. Textningen och texten nedan är den riktiga svenska texten."
)

SIGN_LANGUAGE_TEXT = (
    "<p>Välkommen till Tillväxtverket.</p>"
    "<p>Vi arbetar för att företag ska kunna växa.</p>"
    "<p>Vi hjälper också regioner i hela Sverige.</p>"
    "<p>Här kan du läsa om oss på lättläst svenska.</p>"
)


def _stored(existing, source):
    """The storage name of `source`'s file: `existing` (a FieldFile) when it still holds
    the same bytes, else a new copy. Running the demo twice stores nothing twice."""
    data = source.read_bytes()
    if existing and default_storage.exists(existing.name):
        with default_storage.open(existing.name, "rb") as stored:
            if stored.read() == data:
                return existing.name
    return default_storage.save(f"teckensprak/{source.name}", ContentFile(data))


def ensure_language_versions(builder, home, smart):
    """Both index pages under `home`, the easy-to-read page for `smart` (the Smart
    specialisering TopicPage) and the sign-language page. Returns {name: page}."""
    easy_read_index = builder.ensure_page(
        home,
        EasyReadIndexPage,
        "lattlast",
        title="Lättläst",
        introduction="Här finns texter på lättläst svenska. Texterna är lätta att läsa.",
    )
    easy_read = builder.ensure_page(
        easy_read_index,
        EasyReadPage,
        "smart-specialisering",
        title="Om smart specialisering",
        topic=smart,
        body=EASY_READ_SMART,
    )
    sign_language_index = builder.ensure_page(
        home,
        SignLanguageIndexPage,
        "teckensprak",
        title="Teckenspråk",
        introduction="Här finns filmer på svenskt teckenspråk. Filmerna har svensk textning.",
    )
    existing = (
        SignLanguagePage.objects.child_of(sign_language_index)
        .filter(slug="om-tillvaxtverket")
        .first()
    )
    sign_language = builder.ensure_page(
        sign_language_index,
        SignLanguagePage,
        "om-tillvaxtverket",
        title="Om Tillväxtverket på teckenspråk",
        video=_stored(existing.video if existing else None, VIDEO),
        captions=_stored(existing.captions if existing else None, CAPTIONS),
        video_description=VIDEO_DESCRIPTION,
        body=SIGN_LANGUAGE_TEXT,
    )
    return {
        "easy_read_index": easy_read_index,
        "easy_read": easy_read,
        "sign_language_index": sign_language_index,
        "sign_language": sign_language,
    }
