"""Something for every upkeep tool to show in the demo (issue 14), so that a new editor
logging in as ``redaktor`` finds, as the issue's "Done when" asks: pages of theirs due
for review (one overdue), a broken internal link in the report (a live page linking to a
draft), and visitors' answers and comments on one page. Safe to run again: a review an
editor has marked keeps its dates, and the answers are added only once.
"""

import datetime
import json

from django.contrib.auth import get_user_model
from django.utils import timezone

from content_review.models import PageReview
from content_review.services import ensure_reviews
from demo.publishing import publish
from page_feedback.models import PageFeedback
from pages.models import TopicPage

DRAFT_SLUG = "regionala-utvecklingsstrategier"
LINK_TEXT = "regionala utvecklingsstrategier"

# (months ago, found, comment): what visitors answered on the Smart specialisering page.
ANSWERS = [
    (2, True, ""),
    (2, False, "Jag hittade inte när nästa konferens är."),
    (1, False, ""),
    (1, True, ""),
    (0, False, "Det saknas en länk till ansökan om stöd."),
    (0, False, ""),
]


def link_to_a_draft(regional):
    """A draft page under ``regional`` (never published) and a link to it in the live
    ``regional`` page: what the internal link report lists. Out: the draft."""
    draft = TopicPage.objects.child_of(regional).filter(slug=DRAFT_SLUG).first()
    if draft is None:
        draft = TopicPage(
            slug=DRAFT_SLUG,
            title="Regionala utvecklingsstrategier",
            introduction="Utkast: hur regionerna tar fram sina strategier.",
            live=False,
        )
        regional.add_child(instance=draft)
        draft.save_revision()
    text = (
        "<p>Regionerna bygger sin förmåga i sina "
        f'<a linktype="page" id="{draft.pk}">{LINK_TEXT}</a>.</p>'
    )
    regional.body = json.dumps([{"type": "text", "value": {"text": text}}])
    publish(regional)
    return draft


def reviews_for_the_editor(username, overdue_page, due_page):
    """``username`` owns ``overdue_page`` (review date a week ago) and ``due_page`` (due
    in ten days), unless someone has marked them reviewed since."""
    editor = get_user_model().objects.filter(username=username).first()
    if editor is None:
        return
    ensure_reviews()
    today = timezone.localdate()
    for page, review_date in (
        (overdue_page, today - datetime.timedelta(days=7)),
        (due_page, today + datetime.timedelta(days=10)),
    ):
        PageReview.objects.filter(page=page, last_reviewed_at__isnull=True).update(
            owner=editor, review_date=review_date
        )


def visitor_answers(page):
    """The ANSWERS on ``page``, once (not added again when any answer is there)."""
    if PageFeedback.objects.filter(page=page).exists():
        return
    now = timezone.now()
    for months_ago, found, comment in ANSWERS:
        answer = PageFeedback.objects.create(page=page, found=found, comment=comment)
        sent = now - datetime.timedelta(days=30 * months_ago + 1)
        PageFeedback.objects.filter(pk=answer.pk).update(created_at=sent)


def ensure_upkeep_demo(pages, editor_username="redaktor"):
    """All three, on the demo's ``pages`` (a dict with "regional", "smart", "strategy")."""
    link_to_a_draft(pages["regional"])
    reviews_for_the_editor(editor_username, pages["smart"], pages["strategy"])
    visitor_answers(pages["smart"])
