"""The home page's introduction was rich text; it is plain text now, as on every other
page type. Its HTML becomes plain text (tags dropped, character references decoded,
paragraphs kept apart by a blank line), in the page and in its saved revisions, so a
revision restored later does not bring the markup back. Nothing is lost but markup."""

import re
from html import unescape

from django.db import migrations
from django.utils.html import strip_tags


def html_to_text(value):
    if not value or "<" not in value:
        return value
    paragraphs = re.split(r"(?i)</p\s*>|<br\s*/?>", value)
    texts = [" ".join(unescape(strip_tags(part)).split()) for part in paragraphs]
    return "\n\n".join(text for text in texts if text)


def forwards(apps, schema_editor):
    HomePage = apps.get_model("pages", "HomePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for page in HomePage.objects.all():
        page.introduction = html_to_text(page.introduction)
        page.save(update_fields=["introduction"])
    content_type = ContentType.objects.filter(app_label="pages", model="homepage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type):
        introduction = revision.content.get("introduction")
        if introduction:
            revision.content["introduction"] = html_to_text(introduction)
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0008_home_introduction_plain_text"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
