"""The visitor's answer and comment (POST only); see forms.py for why no CSRF cookie.

What a visitor typed is never lost: every refusal of a comment that can be sent again
(an expired form, a post the browser said came from elsewhere, the rate limit, a
comment empty or too long) shows the comment form again with the text and says what to
do. Every message names what the visitor sent: the answer (Ja/Nej) or the comment.
A visitor's repeated answers on one page are one vote (votes.py).
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from core import ratelimit
from core.form_protection import cross_site
from core.method_not_allowed import allow_methods
from core.privacy import may_see_page
from page_feedback.forms import AnswerForm, CommentForm, answer_token, shown_text
from page_feedback.models import COMMENT_MAX_LENGTH, PageFeedback
from page_feedback.votes import record_vote

TEMPLATE = "page_feedback/response.html"
CLOSED_MESSAGE = gettext_lazy(
    "Sidan är skyddad och du har inte tillgång till den just nu, till exempel för att "
    "du har loggat ut eller lösenordet inte gäller längre. Öppna sidan igen och svara där."
)
RATE_SCOPE = "page_feedback"


def _render(request, context, status=200, retry_after=None):
    response = TemplateResponse(request, TEMPLATE, context, status=status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def _refused(request, message, status, about_comment=False):
    context = {"message": message, "page": None, "about_comment": about_comment}
    if about_comment:
        # A comment that cannot be sent again (its answer is gone, its form was not
        # ours) is still shown, so the visitor can copy it.
        context["unsent_comment"], context["comment_cut"] = shown_text(request.POST.get("comment"))
    return _render(request, context, status=status)


def _comment_refused(request, form, message, status, feedback=None, retry_after=None):
    """The comment form again, with what the visitor wrote (``forms.shown_text``) and
    ``message`` (or the form's own errors when ``message`` is None)."""
    shown, cut = shown_text(form.data.get("comment"))
    context = {
        "comment_form": form,
        "comment_message": message,
        "shown_comment": shown,
        "comment_cut": cut,
    }
    if feedback is not None:
        context["answered_page"] = feedback.page
    return _render(request, context, status=status, retry_after=retry_after)


def _answer_of(form):
    """The answer (PageFeedback, with its page) a comment form's valid token names, or
    None: the refused comment's page then links back to the page it was about."""
    form.is_valid()
    answer_id = form.cleaned_data.get("token")
    if answer_id is None:
        return None
    return PageFeedback.objects.select_related("page").filter(pk=answer_id).first()


def _wait_message(seconds, about_comment):
    """The 429's words: when the visitor may try again, in whole minutes (rounded up)."""
    minutes = max(1, (seconds + 59) // 60)
    if about_comment:
        text = ngettext(
            "Du har skickat många svar och kommentarer på kort tid. Vänta en stund: du kan "
            "skicka kommentaren igen om %(minutes)d minut. Det du skrev finns kvar nedan.",
            "Du har skickat många svar och kommentarer på kort tid. Vänta en stund: du kan "
            "skicka kommentaren igen om %(minutes)d minuter. Det du skrev finns kvar nedan.",
            minutes,
        )
    else:
        text = ngettext(
            "Du har svarat många gånger på kort tid. Vänta en stund: du kan svara igen om "
            "%(minutes)d minut.",
            "Du har svarat många gånger på kort tid. Vänta en stund: du kan svara igen om "
            "%(minutes)d minuter.",
            minutes,
        )
    return text % {"minutes": minutes}


def _problem(request, form, about_comment=False):
    """None when ``form`` may be stored, else (message, status, retry_after) saying why
    not. A form that does not validate gives message None: its errors say it. A 429
    (RFC 6585 section 4) carries ``retry_after``, the seconds left of the client's rate
    window (core.ratelimit), for the Retry-After header (RFC 9110 section 10.2.3) and
    the words of the message."""
    if cross_site(request):
        if about_comment:
            message = _(
                "Kommentaren skickades från en annan webbplats och sparades inte. Det du "
                "skrev finns kvar nedan: skicka kommentaren igen härifrån."
            )
        else:
            message = _("Svaret kom från en annan webbplats och sparades inte.")
        return message, 403, None
    if not form.is_valid():
        return None, 400, None
    if form.is_spam:
        return None
    limit, period = settings.PAGE_FEEDBACK_RATE_LIMIT
    if not ratelimit.allow(RATE_SCOPE, request, limit, period):
        seconds = ratelimit.retry_after(RATE_SCOPE, request, period)
        return _wait_message(seconds, about_comment), 429, seconds
    return None


def _no_room(request, form, feedback):
    """The refusal of a comment that does not fit beside the comments already stored
    under ``feedback`` (PageFeedback.add_comment), with the vote and those comments
    kept. With room left, the form again with the text and the true room (at least 1,
    also the textarea's maxlength); with none, no form to send it with again, only the
    text to copy."""
    room = feedback.room_for_comment()
    if room == 0:
        context = {
            "message": _(
                "Det här svaret har redan så mycket kommentar som det kan ta emot: "
                "kommentarerna till ett svar får vara högst %(limit)d tecken tillsammans. "
                "Det du skickade tidigare är sparat, och ditt svar (ja eller nej) också. "
                "Den nya kommentaren sparades inte. Den visas nedan, så att du kan kopiera den."
            )
            % {"limit": COMMENT_MAX_LENGTH},
            "about_comment": True,
            "answered_page": feedback.page,
        }
        context["unsent_comment"], context["comment_cut"] = shown_text(form.data.get("comment"))
        return _render(request, context, status=400)
    message = ngettext(
        "Du har redan skickat en kommentar till det här svaret och den är sparad. Den nya "
        "kommentaren får inte plats tillsammans med den: korta den till högst %(room)d "
        "tecken och skicka igen.",
        "Du har redan skickat en kommentar till det här svaret och den är sparad. Den nya "
        "kommentaren får inte plats tillsammans med den: korta den till högst %(room)d "
        "tecken och skicka igen.",
        room,
    ) % {"room": room}
    form.fields["comment"].max_length = room
    return _comment_refused(request, form, message, 400, feedback)


@csrf_exempt
@allow_methods("POST")
def answer(request):
    """ "Ja" or "Nej" for a page: stored as the visitor's one vote on the page
    (votes.record_vote; a repeat is thanked alike), then they may add a comment.

    Taken from whoever may read the page now (core/privacy.py ``may_see_page``, Wagtail's
    view restrictions: a password the visitor has given in this session, a login, a
    group), as the question is shown to them: the answer is anonymous and tells nothing
    the reader does not know. One who may not read it (a password session ended, logged
    out) is told so with a 403 and how to answer, an unpublished page's reader that it
    is no longer published: only a deleted page is said to be gone."""
    form = AnswerForm(request.POST)
    problem = _problem(request, form)
    if problem:
        message, status, retry_after = problem
        if message is None:
            message = " ".join(m for e in form.errors.values() for m in e)
        context = {"message": message, "page": None}
        return _render(request, context, status=status, retry_after=retry_after)
    page = Page.objects.filter(pk=form.cleaned_data["token"]).first()
    if page is None:
        return _refused(request, _("Sidan finns inte längre."), 400)
    if not page.live:
        return _refused(request, _("Sidan är inte publicerad längre."), 400)
    if not may_see_page(request, page):
        return _refused(request, CLOSED_MESSAGE, 403)
    context = {"answered_page": page, "found": form.cleaned_data["found"]}
    if not form.is_spam:
        feedback = record_vote(request, page, form.cleaned_data["found"])
        context["comment_form"] = CommentForm(initial={"token": answer_token(feedback.pk)})
    return _render(request, context)


@csrf_exempt
@allow_methods("POST")
def comment(request):
    """The optional comment on an answer just given (within forms.COMMENT_WINDOW). A
    second comment on the same answer is added to the first (PageFeedback.add_comment).
    An empty one (nothing visible in it) is refused beside the field; the answer stays."""
    form = CommentForm(request.POST)
    problem = _problem(request, form, about_comment=True)
    if problem:
        message, status, retry_after = problem
        token_errors = form.errors.get("token") if message is None else None
        if token_errors and not form.has_error("token", "expired"):
            return _refused(request, " ".join(token_errors), status, about_comment=True)
        feedback = _answer_of(form)
        return _comment_refused(request, form, message, status, feedback, retry_after)
    feedback = PageFeedback.objects.select_related("page").filter(pk=form.cleaned_data["token"])
    feedback = feedback.first()
    if feedback is None:
        message = _(
            "Kommentaren kunde inte sparas eftersom svaret den hörde till inte finns längre. "
            "Det du skrev visas nedan, så att du kan kopiera det."
        )
        return _refused(request, message, 400, about_comment=True)
    if not form.is_spam and not feedback.add_comment(form.cleaned_data["comment"]):
        return _no_room(request, form, feedback)
    return _render(request, {"answered_page": feedback.page, "commented": True})
