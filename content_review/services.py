"""Review dates: the default interval per page type, due pages per editor, marking reviewed.

The interval of a page type is its ``review_interval_days`` class attribute, else
``CONTENT_REVIEW_INTERVAL_DAYS[<app_label.ModelName>]``, else
``CONTENT_REVIEW_INTERVAL_DAYS["default"]`` (settings, days).
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from content_review.models import PageReview


def review_interval(page_class):
    """The default time between reviews of ``page_class`` (a Page subclass): a timedelta."""
    days = getattr(page_class, "review_interval_days", None)
    if days is None:
        intervals = settings.CONTENT_REVIEW_INTERVAL_DAYS
        days = intervals.get(page_class._meta.label, intervals["default"])
    return datetime.timedelta(days=days)


def next_review_date(page, start=None):
    """The date ``page`` is due for review when counted from ``start`` (a date; today)."""
    start = start or timezone.localdate()
    return start + review_interval(page.specific_class or Page)


def new_review(page):
    """An unsaved PageReview for ``page``: its owner is whoever created the page."""
    return PageReview(page=page, owner_id=page.owner_id, review_date=next_review_date(page))


def ensure_reviews():
    """Give every live page without a review row one (a query or two however many pages).
    Out: the number of rows created."""
    missing = Page.objects.live().filter(depth__gt=1, content_review__isnull=True)
    rows = [new_review(page) for page in missing.select_related("content_type")]
    PageReview.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def on_page_published(sender, instance, **kwargs):
    """A page published for the first time gets an owner and a review date."""
    if not PageReview.objects.filter(page_id=instance.pk).exists():
        PageReview.objects.get_or_create(
            page_id=instance.pk,
            defaults={"owner_id": instance.owner_id, "review_date": next_review_date(instance)},
        )


def reviews_for(user):
    """PageReview rows of live pages ``user`` answers for, personally or through a group."""
    return PageReview.objects.filter(
        Q(owner=user) | Q(owner_group__in=user.groups.all()), page__live=True
    )


def due_reviews(queryset, within_days=None, today=None):
    """Rows due within ``within_days`` days (CONTENT_REVIEW_NOTICE_DAYS) or overdue."""
    today = today or timezone.localdate()
    days = settings.CONTENT_REVIEW_NOTICE_DAYS if within_days is None else within_days
    return queryset.filter(review_date__lte=today + datetime.timedelta(days=days))


def mark_reviewed(page, user):
    """Record that ``user`` read ``page`` through now; the next review date moves one interval on.
    No revision is created and nothing is published. Out: the PageReview."""
    review = PageReview.objects.filter(page=page).first() or new_review(page)
    review.last_reviewed_at = timezone.now()
    review.last_reviewed_by = user
    review.review_date = next_review_date(page)
    review.reminder_sent_for = None
    review.save()
    return review
