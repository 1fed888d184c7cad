"""The admin's login view, answering 429 Too Many Requests while logins are throttled,
and the page delete and unpublish confirmations (one page, and the page listing's bulk
actions) naming what live pages lose (core/usage.py)."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import LoginView
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.admin.views.pages.delete import DeleteView
from wagtail.admin.views.pages.unpublish import UnpublishView

from core.usage import (
    live_pages_losing_unpublished,
    live_pages_losing_with_subpages,
    live_pages_losing_with_subtrees,
)
from editorial import login_throttle


class ThrottledLoginView(LoginView):
    """Wagtail's login view. While throttled the form comes back with its message and
    status 429 with Retry-After, which monitoring and scripts understand; people read the
    message. Any other failed login is Wagtail's usual 200."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, code="throttled"):
            response.status_code = 429
            seconds = login_throttle.seconds_locked(self.request, form.data.get("username"))
            response["Retry-After"] = str(max(1, seconds))
        return response


class PageDeleteView(DeleteView):
    """Wagtail's page delete view. Its confirmation also lists the live pages that lose
    something when the page goes, and what (core/usage.py; shown under the usage count
    by templates/wagtailadmin/shared/usage_summary.html), as documents, images and
    contact persons do: a conference block, a short link, a featured topic; of the page
    and of each subpage deleted with it."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_delete_losses"] = live_pages_losing_with_subpages(self.page)
        return context


class PageBulkDeleteAction(DeleteBulkAction):
    """Wagtail's bulk action "Delete" of the page listing (registered in its place by
    editorial/wagtail_hooks.py). Its confirmation also lists, once for the whole
    selection, the live pages that lose something when the selected pages the user may
    delete go with their subpages, as ``PageDeleteView`` does for one page; pages inside
    the deleted set are not listed. One reference-index query however many pages are
    selected (core/usage.py: ``live_pages_losing_with_subtrees``)."""

    template_name = "editorial/confirm_bulk_page_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bulk_delete_losses"] = live_pages_losing_with_subtrees(
            entry["item"] for entry in context["items"]
        )
        return context


def unpublish_losses(pages, has_live_subpages):
    """The unpublish confirmations' context (editorial/includes/unpublish_losses.html).

    In: the pages to unpublish; whether they have live subpages the editor may choose to
    unpublish too. Out: ``unpublish_losses``, [PageLoss] when the pages go offline, and
    ``unpublish_losses_with_subpages``, [PageLoss] when their subpages go as well (empty
    when that list would say nothing more)."""
    alone = live_pages_losing_unpublished(pages)
    with_subpages = live_pages_losing_unpublished(pages, subpages=True) if has_live_subpages else []
    said = [(loss.page.pk, loss.losses) for loss in alone]
    if [(loss.page.pk, loss.losses) for loss in with_subpages] == said:
        with_subpages = []
    return {"unpublish_losses": alone, "unpublish_losses_with_subpages": with_subpages}


class PageUnpublishView(UnpublishView):
    """Wagtail's page unpublish view (wired in its place by agency/urls.py). Its
    confirmation also lists the live pages that lose something when the page (and the
    translations Wagtail unpublishes with it) go offline, and what, and what more goes
    if the editor ticks "unpublish the subpages too"."""

    template_name = "editorial/confirm_page_unpublish.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        has_live_subpages = bool(
            context["live_descendant_count"] or context["translation_descendant_count"]
        )
        context.update(unpublish_losses(self.objects_to_unpublish, has_live_subpages))
        return context


class BulkUnpublishForm(forms.Form):
    """Wagtail's bulk-action form (``DefaultPageForm``) with a label: Wagtail gives its
    only field none, so Django showed the field's name, "Include descendants", in English."""

    include_descendants = forms.BooleanField(
        required=False, label=_("Avpublicera även undersidorna")
    )


class PageBulkUnpublishAction(UnpublishBulkAction):
    """Wagtail's bulk action "Unpublish" of the page listing (registered in its place by
    editorial/wagtail_hooks.py), listing once for the selected pages the user may
    unpublish what ``PageUnpublishView`` lists for one page. Queries do not grow with
    the selection (core/usage.py: ``live_pages_losing_unpublished``)."""

    template_name = "editorial/confirm_bulk_page_unpublish.html"
    form_class = BulkUnpublishForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = [entry["item"] for entry in context["items"]]
        context.update(unpublish_losses(pages, context["has_live_descendants"]))
        return context
