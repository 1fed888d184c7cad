"""Draw the PNG favicons and the default share image from the logo's geometry
(static/images/logo-mark.svg) with Pillow, so no artwork is fetched or traced.

Run after changing the mark: ``.venv/bin/python scripts/make_icons.py``. Writes
static/icons/favicon-32.png, apple-touch-icon.png (180 px), icon-192.png, icon-512.png
and static/images/share.png (1200 x 630, the og:image of pages without an image of their own).
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

STATIC = Path(__file__).resolve().parent.parent / "static"
BRAND = (0, 80, 90)
BRAND_DARK = (0, 58, 65)
ACCENT = (255, 191, 71)
WHITE = (255, 255, 255)


def draw_mark(draw, x, y, size, rounded=True):
    """The mark on a 48-unit grid scaled to `size` px, top-left corner at (x, y)."""

    def s(value):
        return round(value * size / 48)

    radius = s(10) if rounded else 0
    draw.rounded_rectangle((x, y, x + size - 1, y + size - 1), radius=radius, fill=BRAND)
    draw.rounded_rectangle((x + s(8.5), y + s(34.5), x + s(39.5), y + s(37.5)), s(1.5), WHITE)
    for left, top, colour in ((11, 25, WHITE), (21, 19, WHITE), (31, 12, ACCENT)):
        box = (x + s(left), y + s(top), x + s(left + 6), y + s(33))
        draw.rounded_rectangle(box, radius=s(1.5), fill=colour)


def icon(size, path, rounded=True):
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0) if rounded else BRAND)
    draw_mark(ImageDraw.Draw(image), 0, 0, size, rounded)
    image.save(path, optimize=True)


def share_image(path):
    image = Image.new("RGB", (1200, 630), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 560, 1200, 630), fill=BRAND_DARK)
    draw_mark(draw, 120, 215, 200)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 88)
    except OSError:
        font = ImageFont.load_default(88)
    draw.text((360, 255), "Tillväxtverket", font=font, fill=BRAND_DARK)
    image.save(path, optimize=True)


if __name__ == "__main__":
    (STATIC / "icons").mkdir(exist_ok=True)
    icon(32, STATIC / "icons" / "favicon-32.png")
    icon(180, STATIC / "icons" / "apple-touch-icon.png", rounded=False)
    icon(192, STATIC / "icons" / "icon-192.png")
    icon(512, STATIC / "icons" / "icon-512.png")
    share_image(STATIC / "images" / "share.png")
