"""What editors see of the answers: one page's counts and comments, and the site-wide report."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from page_feedback.models import PageFeedback


def page_feedback(request, page_id):
    """Answers per month (yes, no) and the comments, newest first, for one page."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    answers = PageFeedback.objects.filter(page=page)
    months = (
        answers.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(yes=Count("pk", filter=Q(found=True)), no=Count("pk", filter=Q(found=False)))
        .order_by("-month")
    )
    totals = answers.aggregate(
        yes=Count("pk", filter=Q(found=True)), no=Count("pk", filter=Q(found=False))
    )
    comments = Paginator(answers.exclude(comment="").order_by("-created_at"), 50)
    return TemplateResponse(
        request,
        "page_feedback/admin/page_feedback.html",
        {
            "page": page,
            "months": months,
            "totals": totals,
            "comments": comments.get_page(request.GET.get("p")),
        },
    )


class MostNoReport(ReportView):
    """Rapporter › Sidrespons: the pages most visitors did not find what they sought on."""

    page_title = _("Sidor där besökare inte hittade det de sökte")
    header_icon = "help"
    index_url_name = "page_feedback_admin:report"
    index_results_url_name = "page_feedback_admin:report_results"
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn("title", label=_("Sida"), url_name="page_feedback_admin:page"),
        Column("no_count", label=_("Nej")),
        Column("yes_count", label=_("Ja")),
        Column("comment_count", label=_("Kommentarer")),
    ]
    list_export = ["title", "url_path", "no_count", "yes_count", "comment_count"]
    export_headings = {
        "title": _("Sida"),
        "url_path": _("Adress"),
        "no_count": _("Nej"),
        "yes_count": _("Ja"),
        "comment_count": _("Kommentarer"),
    }

    def user_has_permission(self, permission):
        return self.request.user.has_perm("wagtailadmin.access_admin")

    def get_queryset(self):
        return (
            Page.objects.annotate(
                no_count=Count("visitor_feedback", filter=Q(visitor_feedback__found=False)),
                yes_count=Count("visitor_feedback", filter=Q(visitor_feedback__found=True)),
                comment_count=Count("visitor_feedback", filter=~Q(visitor_feedback__comment="")),
            )
            .filter(no_count__gt=0)
            .order_by("-no_count", "title")
        )
