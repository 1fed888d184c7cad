"""The demo's pictures, home page links and site pages (privacy, sitemap).

The pictures are drawn here with Pillow (no download, no other agency's artwork): an
abstract landscape in the site's colours, one per page, stored once as Wagtail images.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from demo.builders import edited_by_an_editor
from demo.publishing import publish

HERO_HEADING = "Vi stärker företag och regioner i hela Sverige"

PRIVACY = {
    "slug": "personuppgifter-och-kakor",
    "title": "Personuppgifter och kakor",
    "introduction": (
        "Så behandlar Tillväxtverket personuppgifter när du använder webbplatsen, och vilka "
        "kakor (cookies) webbplatsen sätter."
    ),
}
PRIVACY_BODY = [
    ("heading", "Kakor"),
    (
        "text",
        "<p>Webbplatsen sätter inga kakor för besökare som läser sidorna. Vi använder inga "
        "analysverktyg, annonsnätverk eller inbäddat innehåll från andra webbplatser.</p>",
    ),
    ("heading", "Personuppgifter i formuläret för synpunkter"),
    (
        "text",
        "<p>Skriver du till oss i formuläret för synpunkter sparar vi det du skriver, och "
        "din e-postadress om du anger den, för att kunna svara dig. Uppgifterna blir allmänna "
        "handlingar och behandlas enligt dataskyddsförordningen (GDPR). Du har rätt att få veta "
        "vilka uppgifter vi har om dig och att få fel rättade.</p>",
    ),
]
SITEMAP = {
    "slug": "webbplatskarta",
    "title": "Webbplatskarta",
    "introduction": "Alla sidor på webbplatsen, ordnade som i menyn.",
}

# (title, seed, alt text) of the demo pictures.
PICTURES = {
    "topic": ("Demobild: landskap i norr", 3, "Tecknat landskap: berg och en stad vid en älv."),
    "conference": ("Demobild: konferens", 7, "Tecknad bild av Luleå vid vatten i vinterljus."),
    "strategy": ("Demobild: strategi", 11, ""),
}


def draw_picture(seed, size=(1600, 900)):
    """PNG bytes: hills and a skyline in the site's colours, different for each seed."""
    rng = random.Random(seed)  # noqa: S311 - a picture, not a secret
    width, height = size
    image = PillowImage.new("RGB", size, (227, 239, 240))
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.68, height * 0.12, width * 0.8, height * 0.33), fill=(255, 191, 71))
    palette = [(0, 80, 90), (0, 58, 65), (64, 128, 120), (120, 170, 160)]
    for layer in range(4):
        base = height * (0.55 + layer * 0.1)
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base - rng.randint(0, int(height * 0.12))))
        points.append((width, height))
        draw.polygon(points, fill=palette[(layer + seed) % len(palette)])
    for index in range(9):
        left = width * 0.1 + index * 42
        top = height * 0.52 - rng.randint(20, 160)
        draw.rectangle((left, top, left + 34, height * 0.62), fill=(0, 58, 65))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def ensure_picture(key):
    """The demo picture `key` of PICTURES as a Wagtail image (created once)."""
    title, seed, _alt = PICTURES[key]
    model = get_image_model()
    image = model.objects.filter(title=title).first()
    if image is None:
        image = model(title=title)
        image.file = ImageFile(io.BytesIO(draw_picture(seed)), name=f"demo-{key}.png")
        image.save()
    return image


def give_picture(page, key):
    """Set page's image and its alternative text (or the decorative mark) from PICTURES."""
    _title, _seed, alt = PICTURES[key]
    if edited_by_an_editor(page):
        return
    page.image = ensure_picture(key)
    page.image_alt = alt
    page.image_decorative = not alt
    publish(page)


def ensure_home_links(home, pages):
    """The hero's heading and the short links (`pages`: [(page, text)])."""
    home.hero_heading = HERO_HEADING
    home.seo_title = ""
    home.quick_links.all().delete()
    for order, (page, text) in enumerate(pages):
        home.quick_links.create(page=page, text=text, sort_order=order)
    publish(home)


def body_json(blocks):
    """StreamField JSON for [("heading", text) | ("text", html)]."""
    import json

    values = {
        "heading": lambda text: {"text": text, "level": "h2"},
        "text": lambda html: {"text": html},
    }
    return json.dumps([{"type": kind, "value": values[kind](value)} for kind, value in blocks])


def ensure_design_content(command, site, home, pages):
    """Pictures, the home page's heading and links, the privacy and sitemap pages.

    `command` is load_demo_content (its ensure_page), `pages` a dict of the demo's pages
    ("topics", "smart", "conference_index", "conference", "publications", "strategy")."""
    from core.models import SiteSettings
    from pages.models import PrivacyPage, SitemapPage

    give_picture(pages["smart"], "topic")
    give_picture(pages["conference"], "conference")
    give_picture(pages["strategy"], "strategy")
    ensure_home_links(
        home,
        [
            (pages["smart"], ""),
            (pages["conference"], "Konferensen om smart specialisering 2018"),
            (pages["strategy"], "Strategin för smart specialisering"),
            (pages["conference_index"], "Alla konferenser"),
            (pages["publications"], "Alla publikationer"),
        ],
    )
    privacy = command.ensure_page(home, PrivacyPage, **PRIVACY, body=body_json(PRIVACY_BODY))
    sitemap = command.ensure_page(home, SitemapPage, **SITEMAP)
    site_settings = SiteSettings.for_site(site)
    site_settings.privacy_page = privacy
    site_settings.sitemap_page = sitemap
    site_settings.save()
