"""Admin views: a page's owner and review date, "Markera som granskad", the overdue report."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Page

from content_review.models import PageReview
from content_review.services import ensure_reviews, mark_reviewed, new_review
from core.admin_reports import StaffReport, page_column


def _editable_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific_deferred
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def _back(request, page):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect("wagtailadmin_pages:edit", page.pk)


class PageReviewForm(forms.ModelForm):
    class Meta:
        model = PageReview
        fields = ["owner", "owner_group", "review_date"]
        widgets = {"review_date": AdminDateInput}


def edit_review(request, page_id):
    """Change a page's owner and review date at once, without a new revision."""
    page = _editable_page(request, page_id)
    review = PageReview.objects.filter(page=page).first() or new_review(page)
    form = PageReviewForm(request.POST or None, instance=review)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Ansvar och granskningsdatum för '%s' sparades.") % page.title)
        return _back(request, page)
    return TemplateResponse(
        request,
        "content_review/edit_review.html",
        {"page": page, "form": form, "review": review, "next": request.GET.get("next", "")},
    )


@require_POST
def mark_page_reviewed(request, page_id):
    """ "Markera som granskad": records who and when; publishes nothing."""
    page = _editable_page(request, page_id)
    review = mark_reviewed(page, request.user)
    messages.success(
        request,
        _("'%(title)s' är markerad som granskad. Nästa granskning: %(date)s.")
        % {"title": page.title, "date": review.review_date.isoformat()},
    )
    return _back(request, page)


class OverdueReviewsReport(StaffReport):
    """Rapporter › Sidor att granska: live pages past their review date, by section and owner."""

    page_title = gettext_lazy("Sidor som ska granskas")
    header_icon = "time"
    index_url_name = "content_review:report"
    columns = [
        page_column("page", id_accessor="page_id"),
        Column("section", label=gettext_lazy("Avsnitt")),
        Column("owner_display", label=gettext_lazy("Ansvarig")),
        DateColumn("review_date", label=gettext_lazy("Granskas senast")),
        DateColumn("last_reviewed_at", label=gettext_lazy("Senast granskad")),
    ]
    list_export = ["page", "section", "owner_display", "review_date", "last_reviewed_at"]

    def get_queryset(self):
        ensure_reviews()
        return (
            PageReview.objects.filter(page__live=True, review_date__lt=timezone.localdate())
            .select_related("page", "owner", "owner_group")
            .order_by("page__path")
        )

    def decorate_paginated_queryset(self, object_list):
        """Each row gets ``section``: the title of its top-level section (one query)."""
        rows = list(object_list)
        steplen = Page.steplen
        prefixes = {row.page.path[: steplen * 3] for row in rows if row.page.depth >= 3}
        sections = dict(Page.objects.filter(path__in=prefixes).values_list("path", "title"))
        for row in rows:
            row.section = sections.get(row.page.path[: steplen * 3], row.page.title)
        return rows

    def get_filtered_queryset(self):
        queryset = super().get_filtered_queryset()
        if self.is_export:
            return self.decorate_paginated_queryset(queryset)
        return queryset
