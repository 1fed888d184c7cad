"""The visitor's forms: the answer (ja/nej) and the optional comment that follows.

No CSRF cookie (the site sets no cookies): the pages stay shareable by the front cache
and nobody needs a cookie banner. Forgery is kept out instead by a signed token naming
the page (or, for the comment, the answer), a honeypot field like the feedback form's,
a same-origin check on browsers' Origin / Sec-Fetch-Site headers, and a rate limit per
client (core.ratelimit). An anonymous vote carries no session a forger could ride on.
"""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from core.control_characters import clean_text
from core.form_fields import VisibleTextField
from page_feedback.models import COMMENT_MAX_LENGTH

PAGE_SALT = "page_feedback.page"
ANSWER_SALT = "page_feedback.answer"
# A comment must follow its answer within this many seconds.
COMMENT_WINDOW = 60 * 60

EXPIRED_MESSAGE = _(
    "Kommentaren skickades inte eftersom sidan var öppen för länge. Ditt svar (ja eller nej) "
    "är sparat och det du skrev finns kvar nedan. Skicka kommentaren igen."
)
FORGED_MESSAGE = _("Formuläret är ogiltigt. Ladda om sidan och svara på frågan igen.")
# The comment's own words: the heading says the comment was not sent, so the message
# must not speak of the answer as if that was what failed.
COMMENT_FORGED_MESSAGE = _(
    "Kommentaren kunde inte tas emot eftersom formuläret den skickades med inte kom från "
    "oss eller hade skadats. Det du skrev visas nedan: kopiera det, gå tillbaka till sidan "
    "och svara på frågan igen, så kan du skicka kommentaren."
)
EMPTY_COMMENT_MESSAGE = _(
    "Kommentaren är tom. Skriv vad du saknade eller vad vi kan göra bättre och skicka igen. "
    "Ditt svar (ja eller nej) är redan sparat, så du kan också låta bli."
)
LONG_COMMENT_MESSAGE = _(
    "Kommentaren är för lång: den får ha högst %(limit_value)d tecken och har "
    "%(show_value)d. Korta den och skicka igen."
)
# What is shown back of a comment the site did not take, at most (characters).
SHOWN_MAX_LENGTH = 10 * COMMENT_MAX_LENGTH


def page_token(page_id):
    """The page's token: the same for every visitor and every request (no timestamp), so
    the page's HTML, its ETag and the front cache's copy stay the same."""
    return signing.Signer(salt=PAGE_SALT).sign_object(page_id)


def answer_token(feedback_id):
    return signing.dumps(feedback_id, salt=ANSWER_SALT)


class HoneypotMixin(forms.Form):
    website = forms.CharField(
        label=_("Lämna det här fältet tomt"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


# A missing token or answer must not give the bare "Detta fält måste fyllas i." with
# no field named: the visitor never sees these fields, only the question and its buttons.
TOKEN_ERRORS = {"required": FORGED_MESSAGE}
FOUND_ERRORS = {
    "required": _("Välj Ja eller Nej för att svara på frågan."),
    "invalid_choice": _("Välj Ja eller Nej för att svara på frågan."),
}


class AnswerForm(HoneypotMixin):
    token = forms.CharField(widget=forms.HiddenInput, error_messages=TOKEN_ERRORS)
    found = forms.TypedChoiceField(
        choices=[("ja", _("Ja")), ("nej", _("Nej"))],
        coerce=lambda value: value == "ja",
        error_messages=FOUND_ERRORS,
    )

    def clean_token(self):
        try:
            return signing.Signer(salt=PAGE_SALT).unsign_object(self.cleaned_data["token"])
        except signing.BadSignature:
            raise forms.ValidationError(FORGED_MESSAGE) from None


def shown_text(value):
    """What the visitor typed (``value``, a str or None), to show back after a refusal:
    control characters removed (core.control_characters), at most SHOWN_MAX_LENGTH
    characters. Returns (text, cut): ``cut`` is True when the text was longer, so the
    page can say that only its beginning is shown."""
    text = clean_text(value or "")
    return text[:SHOWN_MAX_LENGTH], len(text) > SHOWN_MAX_LENGTH


class CommentForm(HoneypotMixin):
    token = forms.CharField(
        widget=forms.HiddenInput, error_messages={"required": COMMENT_FORGED_MESSAGE}
    )
    # The visitors' text rule (core/form_fields.py): line breaks counted as the browser
    # counts them, nothing visible is empty (refused as ``required``), invisible ends dropped.
    comment = VisibleTextField(
        label=_("Vad saknade du, eller vad kan vi göra bättre? (frivilligt)"),
        help_text=_(
            "Skriv inte personuppgifter som namn, personnummer, e-post eller telefonnummer. "
            "Vi kan inte svara på kommentarer här."
        ),
        max_length=COMMENT_MAX_LENGTH,
        error_messages={"required": EMPTY_COMMENT_MESSAGE, "max_length": LONG_COMMENT_MESSAGE},
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_token(self):
        """The answer's id. A token older than COMMENT_WINDOW is refused with the code
        ``expired`` and replaced by a fresh one for the same answer, so the visitor can
        send what they wrote again; a forged token is refused with ``invalid``."""
        token = self.cleaned_data["token"]
        try:
            return signing.loads(token, salt=ANSWER_SALT, max_age=COMMENT_WINDOW)
        except signing.SignatureExpired:
            self.data = self.data.copy()
            self.data["token"] = answer_token(signing.loads(token, salt=ANSWER_SALT))
            raise forms.ValidationError(EXPIRED_MESSAGE, code="expired") from None
        except signing.BadSignature:
            raise forms.ValidationError(COMMENT_FORGED_MESSAGE, code="invalid") from None
