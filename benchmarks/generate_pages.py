"""Grow the site to N generated topic pages, then index them for search (`make bench`).

    DJANGO_SETTINGS_MODULE=benchmarks.settings python benchmarks/generate_pages.py 10000

Pages go in sections of 100 under one topic ("Genererade ämnen") and are written in bulk,
without signals (seconds, not the minutes that saving them one by one would take); then
they are indexed as Wagtail's update_index would, through the search backend, in
batches. Their text is Swedish-looking: a few common words (tillväxt, regional,
konferens ...) on many pages and a long tail of rarer made-up words, so searching a
common word finds thousands of pages. Prints the time each step took.
"""

import json
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from pages.models import HomePage, TopicPage  # noqa: E402

COMMON = [
    "tillväxt",
    "regional",
    "utveckling",
    "företag",
    "konferens",
    "innovation",
    "export",
    "landsbygd",
    "kompetens",
    "hållbar",
    "näringsliv",
    "region",
    "kommun",
    "stöd",
    "finansiering",
    "strategi",
    "samverkan",
    "digitalisering",
    "entreprenörskap",
    "forskning",
    "besöksnäring",
    "turism",
    "energi",
    "omställning",
    "arbetsmarknad",
    "investeringar",
    "småföretag",
    "kapacitet",
    "specialisering",
    "analys",
    "rapport",
    "program",
]
CONNECTIVES = [
    "och",
    "i",
    "för",
    "att",
    "med",
    "som",
    "på",
    "av",
    "till",
    "om",
    "är",
    "det",
    "en",
    "ett",
    "de",
    "har",
    "inom",
]
SYLLABLES = [
    "ka",
    "lo",
    "ver",
    "sa",
    "min",
    "ta",
    "ne",
    "ro",
    "gen",
    "bi",
    "dal",
    "sko",
    "ber",
    "vik",
    "mar",
    "ström",
    "lund",
    "by",
    "holm",
]
SECTION_SIZE = 100
BATCH = 500


def vocabulary(rng, size=4000):
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def sentence(rng, rare, length):
    words = []
    for _ in range(length):
        roll = rng.random()
        if roll < 0.35:
            words.append(rng.choice(CONNECTIVES))
        elif roll < 0.6:
            words.append(rng.choice(COMMON))
        else:
            words.append(rng.choice(rare))
    return " ".join(words).capitalize() + "."


def create_pages(count, seed=11):
    rng = random.Random(seed)
    rare = vocabulary(rng)
    home = HomePage.objects.first()
    root = home.add_child(instance=TopicPage(title="Genererade ämnen", slug="genererat"))
    content_type = ContentType.objects.get_for_model(TopicPage)
    locale = Locale.get_default()
    now = timezone.now()
    sections = []
    for number in range((count + SECTION_SIZE - 1) // SECTION_SIZE):
        sections.append(
            root.add_child(
                instance=TopicPage(title=f"Avsnitt {number + 1}", slug=f"avsnitt-{number + 1}")
            )
        )
    created = 0
    for section in sections:
        size = min(SECTION_SIZE, count - created)
        if size <= 0:
            break
        pages = []
        for index in range(size):
            title = " ".join(rng.choice(COMMON + rare) for _ in range(3)).capitalize()
            slug = f"sida-{created + index + 1}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    path=TopicPage._get_path(section.path, section.depth + 1, index + 1),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{slug}/",
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            for page in pages:
                body = [
                    {
                        "type": "text",
                        "value": {
                            "text": "<p>"
                            + " ".join(sentence(rng, rare, 15) for _ in range(8))
                            + "</p>"
                        },
                        "id": str(uuid.uuid4()),
                    }
                ]
                topic = TopicPage(
                    page_ptr_id=page.pk,
                    introduction=sentence(rng, rare, 20),
                    body=json.dumps(body),
                )
                # Only the topic's own row: the page row is in place, and no signals.
                topic._save_table(raw=True, cls=TopicPage, force_insert=True)
            Page.objects.filter(pk=section.pk).update(numchild=size)
        created += size
    return root


def index_pages(root):
    backend = get_search_backend()
    pages = TopicPage.objects.descendant_of(root, inclusive=True).order_by("pk")
    total = pages.count()
    for start in range(0, total, BATCH):
        backend.add_bulk(TopicPage, list(pages[start : start + BATCH]))
    return total


def analyze():
    """Fresh planner statistics, as autovacuum would gather after such a bulk load; without
    them PostgreSQL guesses that a subtree holds 3 pages and plans for that."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    started = time.perf_counter()
    root = create_pages(count)
    created = time.perf_counter()
    indexed = index_pages(root)
    done = time.perf_counter()
    analyze()
    print(f"generated {count} pages in {created - started:.1f} s")
    print(f"indexed {indexed} pages for search in {done - created:.1f} s")


if __name__ == "__main__":
    main()
