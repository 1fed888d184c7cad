"""The demo pages' publication dates from the story the demo content tells, not the day
the demo was loaded (every publish stamps "now"; the pages said "Publicerad" today
beside a conference held on 31 January 2018).

The dates follow the agency's page (/work/shared/seed/smart-specialisering.txt and
demo/content.py): the strategy is dated 1 December 2017 (``STRATEGY["publication_date"]``)
and the topic page presenting it went up with it, saying "Nästa konferens håller vi den
31 januari i Luleå"; the conference was announced before that; after the conference
(31 January 2018) the page and the conference were updated with the speakers'
presentations and the English summary. The English versions followed that update.

A page an editor has saved a version of keeps its own dates (demo/builders.py
``edited_by_an_editor``), as it keeps its text.
"""

from datetime import datetime

from wagtail.models import Page

from demo.builders import edited_by_an_editor
from demo.content import STOCKHOLM

ANNOUNCED = datetime(2017, 11, 15, 10, 0, tzinfo=STOCKHOLM)
STRATEGY_OUT = datetime(2017, 12, 1, 9, 0, tzinfo=STOCKHOLM)
AFTER_CONFERENCE = datetime(2018, 2, 9, 14, 0, tzinfo=STOCKHOLM)
ENGLISH = datetime(2018, 2, 16, 10, 0, tzinfo=STOCKHOLM)

# Demo page name (load_demo_content's and demo/english.py's dict keys) -> (first
# published, last published).
SWEDISH = {
    "topics": (ANNOUNCED, ANNOUNCED),
    "regional": (ANNOUNCED, ANNOUNCED),
    "conference_index": (ANNOUNCED, ANNOUNCED),
    "conference": (ANNOUNCED, AFTER_CONFERENCE),
    "publications": (STRATEGY_OUT, STRATEGY_OUT),
    "strategy": (STRATEGY_OUT, STRATEGY_OUT),
    "smart": (STRATEGY_OUT, AFTER_CONFERENCE),
}


def date_demo_pages(swedish, english):
    """Set first_published_at and last_published_at of the demo pages: ``swedish`` and
    ``english`` map the names above to pages; names without dates and pages an editor
    saved are left alone. The English ones all date from ``ENGLISH``."""
    dated = [(swedish.get(name), dates) for name, dates in SWEDISH.items()]
    dated += [(english.get(name), (ENGLISH, ENGLISH)) for name in SWEDISH]
    for page, (first, last) in dated:
        if page is None or edited_by_an_editor(page):
            continue
        Page.objects.filter(pk=page.pk).update(first_published_at=first, last_published_at=last)
