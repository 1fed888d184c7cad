"""One vote per visitor per page: a visitor who clicks "Ja" again and again is counted once.

Editors read the answers as counts per page and month (admin_views.py), so each click
stored as a vote would let one visitor outweigh many. Within ``PAGE_FEEDBACK_VOTE_WINDOW``
seconds (24 hours by default: one visit, with time to come back to the page, without
keeping anything about the visitor longer than a day) the same visitor's answers on the
same page are one ``PageFeedback``: a repeat is thanked as the first was, changes the
answer if the visitor changed their mind (the last click counts), and a comment sent
after it is added to that one vote.

Who is "the same visitor" is remembered in the shared cache (Redis in production,
django-redis; CACHES), never per process, so every app node counts the same: the key is
an HMAC-SHA256 keyed with ``SECRET_KEY`` (``django.utils.crypto.salted_hmac``) over the
client address (``core.ratelimit.client_ip``, which honours ``NUM_PROXIES``), the
browser's ``User-Agent`` (so that people behind one shared address, an office or a
mobile operator's NAT, are not all counted as one) and the page's id.

The client address is personal data (GDPR article 4(1); CJEU C-582/14 Breyer), and so is
its keyed hash (pseudonymised data, GDPR recital 26). Data minimisation (article 5(1)(c))
and storage limitation (5(1)(e)): the address itself is never stored, the hash is kept
only in the cache and expires with the window, and it is never written to the database,
where the vote stays as anonymous as before (models.PageFeedback). Without the secret
nobody can test guessed addresses against the keys.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from core.ratelimit import client_ip
from page_feedback.models import PageFeedback

KEY_SALT = "page_feedback.votes"


def window():
    """Seconds (an int) one visitor's answers on one page count as one vote."""
    return int(getattr(settings, "PAGE_FEEDBACK_VOTE_WINDOW", 24 * 60 * 60))


def visitor_key(request, page_id):
    """The cache key (str) for this visitor's vote on page ``page_id`` (an int), or None
    when the client's address is unknown (then every answer counts: nothing to tell
    visitors apart by)."""
    address = client_ip(request)
    if not address:
        return None
    agent = request.headers.get("User-Agent", "")
    digest = salted_hmac(KEY_SALT, f"{address}\n{agent}\n{page_id}", algorithm="sha256")
    return f"page_feedback:vote:{digest.hexdigest()}"


def _earlier(key, page):
    feedback_id = cache.get(key)
    if feedback_id is None:
        return None
    return PageFeedback.objects.filter(pk=feedback_id, page=page).first()


def _with_answer(feedback, found):
    if feedback.found != found:
        PageFeedback.objects.filter(pk=feedback.pk).update(found=found)
        feedback.found = found
    return feedback


def record_vote(request, page, found):
    """This visitor's one ``PageFeedback`` on ``page`` (a Page) with answer ``found``
    (bool): the vote they gave within ``window()`` seconds, its answer set to ``found``,
    or else a new one.

    Two clicks at the same moment (a double click, two app nodes) both find no vote and
    both store one; ``cache.add`` (Redis SET NX: only one of them succeeds) decides whose
    counts, and the other removes its own."""
    key = visitor_key(request, page.pk)
    if key is None:
        return PageFeedback.objects.create(page=page, found=found)
    earlier = _earlier(key, page)
    if earlier is not None:
        return _with_answer(earlier, found)
    feedback = PageFeedback.objects.create(page=page, found=found)
    if cache.add(key, feedback.pk, timeout=window()):
        return feedback
    earlier = _earlier(key, page)
    if earlier is None:  # the other vote was deleted meanwhile: this one counts
        cache.set(key, feedback.pk, timeout=window())
        return feedback
    feedback.delete()
    return _with_answer(earlier, found)
