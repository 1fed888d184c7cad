"""What editors see of the answers: one page's counts and comments, and the site-wide report."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page
from wagtail.models import Page

from core.admin_reports import StaffReport, page_column
from page_feedback.models import PageFeedback


class PageFeedbackView(WagtailAdminTemplateMixin, TemplateView):
    """Synpunkter på <page>: answers per month (yes, no) and the comments, newest first,
    for one page; under the page's own breadcrumbs, as Wagtail's page history is."""

    template_name = "page_feedback/admin/page_feedback.html"
    header_icon = "help"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific_deferred
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Synpunkter på %(title)s") % {"title": get_latest_str(self.page)}

    def get_breadcrumbs_items(self):
        return [
            *get_breadcrumbs_items_for_page(self.page, self.request.user),
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        answers = PageFeedback.objects.filter(page=self.page)
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
        return super().get_context_data(
            page=self.page,
            months=months,
            totals=totals,
            comments=comments.get_page(self.request.GET.get("p")),
            **kwargs,
        )


class MostNoReport(StaffReport):
    """Rapporter › Sidrespons: the pages most visitors did not find what they sought on."""

    page_title = _("Sidor där besökare inte hittade det de sökte")
    header_icon = "help"
    index_url_name = "page_feedback_admin:report"
    columns = [
        page_column(url_name="page_feedback_admin:page"),
        Column("no_count", label=_("Nej")),
        Column("yes_count", label=_("Ja")),
        Column("comment_count", label=_("Kommentarer")),
    ]
    list_export = ["title", "url_path", "no_count", "yes_count", "comment_count"]
    extra_export_headings = {"url_path": _("Adress")}

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
