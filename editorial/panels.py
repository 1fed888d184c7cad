"""Dashboard panels for the web team: what I am writing, what waits for review, what is coming."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState, get_default_page_content_type

from core.dashboard import PANEL_LIMIT, DashboardPanel
from events.models import ConferencePage


class MyDraftsPanel(DashboardPanel):
    """Pages whose newest unpublished changes are the user's own, and pages the user
    started that were never published (an autosave creates a new page as soon as it has
    a title, so abandoned attempts are found here), newest first."""

    name = "editorial_my_drafts"
    template_name = "editorial/panels/my_drafts.html"
    order = 50
    heading = _("Dina utkast")
    empty_text = _("Du har inga opublicerade ändringar.")

    def get_items(self, request):
        user = request.user
        return (
            Page.objects.filter(has_unpublished_changes=True)
            .filter(
                Q(latest_revision__user=user)
                | Q(owner=user, live=False, first_published_at__isnull=True)
            )
            .specific()
            .prefetch_workflow_states()
            .annotate_approved_schedule()
            .order_by("-latest_revision_created_at")
        )


class AwaitingReviewPanel(DashboardPanel):
    """Every page in review, for the whole team: who sent it, when, and which step it is at."""

    name = "editorial_awaiting_review"
    template_name = "editorial/panels/awaiting_review.html"
    order = 60
    heading = _("Sidor som väntar på granskning")
    empty_text = _("Inga sidor väntar på granskning.")

    def get_items(self, request):
        """(state, page) pairs for the newest workflow states (at most PANEL_LIMIT)."""
        states = list(
            WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
            .filter(base_content_type=get_default_page_content_type())
            .select_related("requested_by", "current_task_state__task")
            .order_by("-created_at")[:PANEL_LIMIT]
        )
        pages = Page.objects.specific().in_bulk([int(state.object_id) for state in states])
        return [
            (state, pages[int(state.object_id)])
            for state in states
            if int(state.object_id) in pages
        ]


class UpcomingConferencesPanel(DashboardPanel):
    """Conferences that have not ended yet, published or not, soonest first."""

    name = "editorial_upcoming_conferences"
    template_name = "editorial/panels/upcoming_conferences.html"
    order = 70
    heading = _("Kommande konferenser")
    empty_text = _("Inga kommande konferenser.")

    def get_items(self, request):
        return ConferencePage.objects.filter(end__gte=timezone.now()).order_by("start")
