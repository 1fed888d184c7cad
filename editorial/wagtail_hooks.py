from django.http import JsonResponse
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks

from core.publication import publication_token

from . import translation_report  # noqa: F401 - registers Rapporter › Översättningar
from .panels import AwaitingReviewPanel, MyDraftsPanel, UpcomingConferencesPanel
from .views import PageBulkDeleteAction, PageBulkUnpublishAction

# The edit view's buttons; an autosave is only ever a plain save.
EDIT_ACTIONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
    "action-cancel-workflow",
)


# After Wagtail's own (order 0): the registry keeps the last action of a type, so these
# replace the page listing's "Delete" and "Unpublish" (wagtail/admin/views/bulk_action/
# registry.py).
hooks.register("register_bulk_action", PageBulkDeleteAction, order=1)
hooks.register("register_bulk_action", PageBulkUnpublishAction, order=1)


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    """The dashboard opens on what the team works with: drafts, reviews and conferences."""
    panels.extend([MyDraftsPanel(), AwaitingReviewPanel(), UpcomingConferencesPanel()])


@hooks.register("insert_editor_js")
def autosave_guard_js():
    """Stops Wagtail's autosave once the editor form is being submitted."""
    return format_html('<script src="{}"></script>', static("editorial/js/autosave-guard.js"))


@hooks.register("before_edit_page")
def refuse_stale_autosave(request, page):
    """Refuse an autosave that could land after a publish its editing session never saw.

    Wagtail 8.0 accepts an autosave (a POST to the edit view asking for JSON) when the
    revision it was based on is still the latest. Approving or publishing a submitted
    page publishes that same revision without creating a new one, so an autosave from a
    reviewer's or editor's session opened before the approval still passed and saved a
    revision on top of the just-published page. Here such a request gets Wagtail's own
    ``invalid_revision`` answer, on which the browser stops autosaving and tells the
    editor to reload; an autosave carrying a button's action is refused the same way.
    Out-of-date objects inside a request are handled by ``core.publication``.

    In: the edit view's request and page. Out: a JSON error response, or None to go on.
    """
    if request.method != "POST" or request.accepts("text/html"):
        return None
    if any(request.POST.get(name) for name in EDIT_ACTIONS):
        message = _("Sidan skickas redan. Ladda om sidan för att fortsätta redigera.")
    else:
        loaded = request.POST.get("loaded_publication_state")
        if loaded is None or loaded == publication_token(page.pk):
            page.refuse_stale_revision = True
            return None
        message = _(
            "Sidan har publicerats eller avpublicerats sedan du öppnade den. "
            "Ladda om sidan för att fortsätta redigera."
        )
    return JsonResponse(
        {"success": False, "error_code": "invalid_revision", "error_message": message},
        status=400,
    )
