"""The review panel in the page editor and the dashboard's "Sidor att granska"."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from content_review.models import PageReview
from content_review.services import due_reviews, reviews_for
from core.dashboard import DashboardPanel


class ReviewPanel(Panel):
    """Shows the page's owner and review date in the edit form (Inställningar), with links
    to change them and to mark the page reviewed. Saved at once, never in a revision."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Innehållsansvar och granskning"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "content_review/panels/review_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["page"] = page
            context["review"] = (
                PageReview.objects.select_related("owner", "owner_group", "last_reviewed_by")
                .filter(page_id=page.pk)
                .first()
                if page.pk
                else None
            )
            return context


class DueForReviewPanel(DashboardPanel):
    """The editor's own pages (personally or through a group) due soon or overdue."""

    name = "content_review_due"
    template_name = "content_review/panels/due_for_review.html"
    order = 55
    heading = _("Dina sidor att granska")
    empty_text = _("Inga av dina sidor behöver granskas den närmaste tiden.")

    def get_items(self, request):
        return due_reviews(reviews_for(request.user)).select_related("page").order_by("review_date")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["request"] = parent_context["request"]
        # The "Markera som granskad" forms need the dashboard's CSRF token.
        context["csrf_token"] = parent_context.get("csrf_token")
        return context
