"""What every report under Rapporter shares (content review, page feedback, link checks,
translations): who may read it, how many rows a page shows, the headings of its CSV/XLSX
export, its two URLs, and the "Sida" column. Built on Wagtail's ``ReportView``
(https://docs.wagtail.org/en/stable/extending/adding_reports.html).
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.reports import ReportView


class StaffReport(ReportView):
    """A report every editor may read: anyone with access to the admin, whatever their
    page permissions (``permission_policy = None``), 50 rows a page.

    ``export_headings``: each column's label by its name, plus ``extra_export_headings``
    for exported fields that are not columns (e.g. ``{"url_path": "Adress"}``).
    ``index_results_url_name``: ``index_url_name`` + ``"_results"``, as ``report_urls``
    names it.
    """

    any_permission_required = ["add", "change", "publish"]
    permission_policy = None
    paginate_by = 50
    extra_export_headings = {}

    @property
    def index_results_url_name(self):
        return f"{self.index_url_name}_results"

    @property
    def export_headings(self):
        return {column.name: column.label for column in self.columns} | self.extra_export_headings

    def user_has_permission(self, permission):
        return self.request.user.has_perm("wagtailadmin.access_admin")


def page_column(name="title", id_accessor="pk", url_name="wagtailadmin_pages:edit"):
    """The "Sida" column: the title ``name`` of the row's page, linking to the page's
    editor (or to ``url_name``, reversed with the page's id at ``id_accessor``)."""
    return TitleColumn(name, label=_("Sida"), url_name=url_name, id_accessor=id_accessor)


def report_urls(prefix, view, name, results="resultat/"):
    """The report's page at ``prefix`` (URL name ``name``) and the results alone, which
    Wagtail's filters fetch, at ``prefix + results`` (``name + "_results"``)."""
    return [
        path(prefix, view.as_view(), name=name),
        path(prefix + results, view.as_view(results_only=True), name=f"{name}_results"),
    ]
