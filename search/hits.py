"""How often each query is searched, for Wagtail's search promotions ("popular searches").

Wagtail's ``Query.get(q).add_hit()`` writes to the database on every search (and a new
row for every new query string), so each visitor's search would wait for a write and a
flood of searches would become a flood of writes. Here each worker process counts
searches in memory and writes the counts in one transaction at most once a minute
(``FLUSH_SECONDS``), on the next search after that. What a worker counted since its last
write is lost if it dies: acceptable for a popularity statistic. A burst of distinct
queries (an attack, a crawler) fills at most ``MAX_PENDING`` counters; searches beyond
that are not counted until the next write.
"""

import threading
import time
from collections import Counter

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

FLUSH_SECONDS = 60
MAX_PENDING = 500

_lock = threading.Lock()
_pending = Counter()
_last_flush = time.monotonic()


def count_search(query):
    """Count one search for `query` today; write the counts when they are due."""
    key = (timezone.localdate(), normalise_query_string(query))
    with _lock:
        if key in _pending or len(_pending) < MAX_PENDING:
            _pending[key] += 1
        due = time.monotonic() - _last_flush >= FLUSH_SECONDS
    if due:
        flush()


def flush():
    """Write the counted searches to Wagtail's QueryDailyHits; returns how many queries."""
    global _last_flush
    with _lock:
        counts = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    with transaction.atomic():
        for (date, query_string), hits in counts.items():
            query, _created = Query.objects.get_or_create(query_string=query_string)
            daily, _created = QueryDailyHits.objects.get_or_create(
                query=query, date=date, defaults={"hits": 0}
            )
            QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)
    return len(counts)


def pending():
    """{(date, normalised query): searches not yet written} (for tests and the bench)."""
    with _lock:
        return dict(_pending)
