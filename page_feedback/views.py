"""The visitor's answer and comment (POST only); see forms.py for why no CSRF cookie."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from core import ratelimit
from core.form_protection import cross_site
from page_feedback.forms import AnswerForm, CommentForm, answer_token
from page_feedback.models import PageFeedback

TEMPLATE = "page_feedback/response.html"


def _render(request, context, status=200):
    return TemplateResponse(request, TEMPLATE, context, status=status)


def _refused(request, message, status):
    return _render(request, {"message": message, "page": None}, status=status)


def _checked(request, form):
    """None when ``form`` may be stored, else the response that refuses it."""
    if cross_site(request):
        return _refused(request, _("Svaret kom från en annan webbplats och sparades inte."), 403)
    if not form.is_valid():
        return _refused(request, " ".join(m for e in form.errors.values() for m in e), 400)
    if form.is_spam:
        return None
    limit, period = settings.PAGE_FEEDBACK_RATE_LIMIT
    if not ratelimit.allow("page_feedback", request, limit, period):
        return _refused(
            request, _("Du har svarat många gånger på kort tid. Försök igen senare."), 429
        )
    return None


@csrf_exempt
@require_POST
def answer(request):
    """ "Ja" or "Nej" for a page: stored, then the visitor may add a comment."""
    form = AnswerForm(request.POST)
    refused = _checked(request, form)
    if refused:
        return refused
    page = Page.objects.live().public().filter(pk=form.cleaned_data["token"]).first()
    if page is None:
        return _refused(request, _("Sidan finns inte längre."), 400)
    context = {"answered_page": page, "found": form.cleaned_data["found"]}
    if not form.is_spam:
        feedback = PageFeedback.objects.create(page=page, found=form.cleaned_data["found"])
        context["comment_form"] = CommentForm(initial={"token": answer_token(feedback.pk)})
    return _render(request, context)


@csrf_exempt
@require_POST
def comment(request):
    """The optional comment on an answer just given (within forms.COMMENT_WINDOW)."""
    form = CommentForm(request.POST)
    refused = _checked(request, form)
    if refused:
        if form.is_bound and form.errors.get("comment"):
            return _render(request, {"comment_form": form}, status=400)
        return refused
    feedback = PageFeedback.objects.select_related("page").filter(pk=form.cleaned_data["token"])
    feedback = feedback.first()
    if feedback is None:
        return _refused(request, _("Svaret finns inte längre."), 400)
    if not form.is_spam and not feedback.comment:
        feedback.comment = form.cleaned_data["comment"]
        feedback.save(update_fields=["comment"])
    return _render(request, {"answered_page": feedback.page, "commented": True})
