"""The visitor's answer and comment (POST only); see forms.py for why no CSRF cookie.

What a visitor typed is never lost: every refusal of a comment that can be sent again
(an expired form, a post the browser said came from elsewhere, the rate limit, a
comment too long) shows the comment form again with the text and says what to do.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from core import ratelimit
from core.form_protection import cross_site
from core.method_not_allowed import allow_methods
from page_feedback.forms import AnswerForm, CommentForm, answer_token
from page_feedback.models import COMMENT_MAX_LENGTH, PageFeedback

TEMPLATE = "page_feedback/response.html"


def _render(request, context, status=200):
    return TemplateResponse(request, TEMPLATE, context, status=status)


def _refused(request, message, status, about_comment=False):
    context = {"message": message, "page": None, "about_comment": about_comment}
    if about_comment:
        # A comment that cannot be sent again (its answer is gone, its form was not
        # ours) is still shown, so the visitor can copy it (at most the field's length).
        context["unsent_comment"] = request.POST.get("comment", "")[:COMMENT_MAX_LENGTH]
    return _render(request, context, status=status)


def _comment_refused(request, form, message, status, feedback=None):
    """The comment form again, with what the visitor wrote and ``message`` (or the
    form's own errors when ``message`` is None)."""
    context = {"comment_form": form, "comment_message": message}
    if feedback is not None:
        context["answered_page"] = feedback.page
    return _render(request, context, status=status)


def _problem(request, form):
    """None when ``form`` may be stored, else (message, status) saying why not. A form
    that does not validate gives message None: its errors say it."""
    if cross_site(request):
        return _("Svaret kom från en annan webbplats och sparades inte."), 403
    if not form.is_valid():
        return None, 400
    if form.is_spam:
        return None
    limit, period = settings.PAGE_FEEDBACK_RATE_LIMIT
    if not ratelimit.allow("page_feedback", request, limit, period):
        return _("Du har svarat många gånger på kort tid. Vänta en stund och försök igen."), 429
    return None


@csrf_exempt
@allow_methods("POST")
def answer(request):
    """ "Ja" or "Nej" for a page: stored, then the visitor may add a comment."""
    form = AnswerForm(request.POST)
    problem = _problem(request, form)
    if problem:
        message, status = problem
        if message is None:
            message = " ".join(m for e in form.errors.values() for m in e)
        return _refused(request, message, status)
    page = Page.objects.live().public().filter(pk=form.cleaned_data["token"]).first()
    if page is None:
        return _refused(request, _("Sidan finns inte längre."), 400)
    context = {"answered_page": page, "found": form.cleaned_data["found"]}
    if not form.is_spam:
        feedback = PageFeedback.objects.create(page=page, found=form.cleaned_data["found"])
        context["comment_form"] = CommentForm(initial={"token": answer_token(feedback.pk)})
    return _render(request, context)


@csrf_exempt
@allow_methods("POST")
def comment(request):
    """The optional comment on an answer just given (within forms.COMMENT_WINDOW). A
    second comment on the same answer is added to the first (PageFeedback.add_comment)."""
    form = CommentForm(request.POST)
    problem = _problem(request, form)
    if problem:
        message, status = problem
        token_errors = form.errors.get("token") if message is None else None
        if token_errors and not form.has_error("token", "expired"):
            return _refused(request, " ".join(token_errors), status, about_comment=True)
        return _comment_refused(request, form, message, status)
    feedback = PageFeedback.objects.select_related("page").filter(pk=form.cleaned_data["token"])
    feedback = feedback.first()
    if feedback is None:
        return _refused(request, _("Svaret finns inte längre."), 400, about_comment=True)
    if not form.is_spam and not feedback.add_comment(form.cleaned_data["comment"]):
        message = _(
            "Du har redan skickat en kommentar till det här svaret och den är sparad. Den nya "
            "kommentaren får inte plats tillsammans med den: korta den till högst %(room)s "
            "tecken och skicka igen."
        ) % {"room": feedback.room_for_comment()}
        return _comment_refused(request, form, message, 400, feedback)
    return _render(request, {"answered_page": feedback.page, "commented": True})
