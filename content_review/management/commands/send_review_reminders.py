"""E-mail each content owner the pages due for review within CONTENT_REVIEW_NOTICE_DAYS.

One message per person, listing their pages (their own and their groups'); a page is
reminded once per review date (``PageReview.reminder_sent_for``), so running the command
every minute or every day sends the same number of messages. Run it daily from cron in
production; ``publish_scheduled_loop`` runs it in development.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _

from content_review.models import PageReview
from content_review.services import due_reviews, ensure_reviews


class Command(BaseCommand):
    help = "Mejlar innehållsansvariga om sidor som snart ska granskas."

    def handle(self, *args, **options):
        ensure_reviews()
        reviews = list(
            due_reviews(PageReview.objects.filter(page__live=True))
            .exclude(reminder_sent_for=F("review_date"))
            .select_related("page", "owner", "owner_group")
        )
        group_ids = {review.owner_group_id for review in reviews if review.owner_group_id}
        members = defaultdict(list)
        for user in (
            get_user_model().objects.filter(groups__in=group_ids, is_active=True).distinct()
        ):
            for group_id in user.groups.filter(pk__in=group_ids).values_list("pk", flat=True):
                members[group_id].append(user)
        pages_by_user = defaultdict(list)
        users = {}
        for review in reviews:
            recipients = list(members.get(review.owner_group_id, []))
            if review.owner and review.owner.is_active:
                recipients.append(review.owner)
            for user in recipients:
                if user.email:
                    users[user.pk] = user
                    if review not in pages_by_user[user.pk]:
                        pages_by_user[user.pk].append(review)
        for user_pk, user_reviews in pages_by_user.items():
            self.remind(users[user_pk], user_reviews)
        for review in reviews:
            review.reminder_sent_for = review.review_date
        PageReview.objects.bulk_update(reviews, ["reminder_sent_for"])
        self.stdout.write(f"{len(pages_by_user)} påminnelser skickade om {len(reviews)} sidor.")

    def remind(self, user, reviews):
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        lines = [
            _("Hej! De här sidorna som du ansvarar för ska granskas:"),
            "",
            *(
                f"- {review.page.title} ({review.review_date.isoformat()}): "
                f"{base}{reverse('content_review:edit', args=[review.page_id])}"
                for review in reviews
            ),
            "",
            _("Läs igenom sidan, rätta det som behövs och klicka på Markera som granskad."),
        ]
        send_mail(
            _("Sidor att granska på webbplatsen"),
            "\n".join(lines),
            None,
            [user.email],
        )
