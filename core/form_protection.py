"""Forms that anonymous visitors post, protected against forgery without a cookie.

The public site sets no cookie for visitors (personal_data, so no cookie banner), yet
Django's CSRF protection keeps its token in a cookie. The visitors' forms (the feedback
form, the accessible-format order, the page feedback) are therefore exempt from Django's
CsrfViewMiddleware and protected here instead, as strongly for what they do:

- **A signed, time-limited token per form** in a hidden field (``issue_token`` /
  ``FormTokenMixin``): an HMAC (Django's ``signing``, keyed with ``SECRET_KEY``) over
  the form's scope (for example ``feedback:<page id>``) and the time it was issued.
  Nobody can forge one, one form's token is refused by another, and a token older than
  ``FORM_TOKEN_MAX_AGE`` (24 hours by default) is refused; the visitor then gets the
  form back with what they wrote and a fresh token. OWASP's CSRF Prevention Cheat Sheet
  binds its tokens to a session because they guard what the session may do; these
  forms act for nobody (no session, no account, nothing of the visitor's is read or
  changed), so there is no session to bind to and nothing a forged post could borrow.
- **Origin check with standard headers** (``cross_site``; OWASP CSRF Prevention Cheat
  Sheet, "Using Standard Headers to Verify Origin" and "Fetch Metadata headers"): a
  post is refused when the browser says it came from another site, by
  ``Sec-Fetch-Site``, ``Origin`` or, without ``Origin``, ``Referer``. That is what
  Django's CsrfViewMiddleware checks too (``Origin`` on every unsafe request,
  ``Referer`` over https). A post with none of them (privacy tools strip them; scripts)
  still needs a valid token, and passes the honeypot and the rate limit.
- **A honeypot field and a rate limit per client** (core.ratelimit), as before.
- **Each token is taken once** (``FormTokenMixin.claim``): the first valid post with a
  token is stored and e-mailed; the same token posted again (the reload of the thank-you
  page, a double click, parallel posts, a replay by a script) stores and sends nothing
  and gets the same thank-you page. The claim is an atomic ``cache.add`` in the shared
  cache (Redis in production, so every worker and node sees it; SET NX), kept longer
  than a token lives, so a used token can never be used again. Each token carries a
  random nonce, so two visitors who open the form in the same second never share one.
  Nothing of this needs a cookie, and posts are never kept by the front cache.

A logged-in editor who opens such a form carries a session cookie, but the forms never
read the user, and Django sends the session cookie with ``SameSite=Lax``, so a post
from another site arrives without it anyway.

Every other POST to a Wagtail page still gets Django's own CSRF check
(``enforce_django_csrf``, a ``before_serve_page`` hook): only page types that set
``cookie_free_form = True`` check their posts themselves.
"""

import hashlib
import re
import secrets
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext_lazy as _

SALT = "core.form_protection"
TOKEN_FIELD = "form_token"

# The form comes back with what the visitor wrote and a fresh token, so both messages
# say to send it again (never to reload the page, which would lose the text).
EXPIRED_MESSAGE = _(
    "Formuläret var öppet för länge och skickades inte. Det du skrev finns kvar. "
    "Skicka formuläret igen."
)
FORGED_MESSAGE = _(
    "Formuläret kunde inte tas emot. Det du skrev finns kvar. Skicka formuläret igen."
)
CROSS_SITE_MESSAGE = _(
    "Formuläret skickades från en annan webbplats och togs inte emot. Skicka det härifrån."
)


def max_age():
    """Seconds a form token stays valid (``FORM_TOKEN_MAX_AGE``, an int)."""
    return int(getattr(settings, "FORM_TOKEN_MAX_AGE", 24 * 60 * 60))


def issue_token(scope):
    """A signed token (str) for the form named ``scope`` (str), stamped with the time and
    made unique by a random nonce (two forms opened in the same second differ)."""
    return signing.dumps([scope, secrets.token_urlsafe(12)], salt=SALT)


def check_token(token, scope):
    """None when ``token`` (str) was issued for ``scope`` within ``max_age()`` seconds;
    else the message (lazy str) to show: expired, or forged / for another form."""
    try:
        issued_for = signing.loads(token or "", salt=SALT, max_age=max_age())
    except signing.SignatureExpired:
        return EXPIRED_MESSAGE
    except signing.BadSignature:
        return FORGED_MESSAGE
    if isinstance(issued_for, list) and issued_for:
        issued_for = issued_for[0]
    # A token issued before nonces (a bare scope) is still good until it expires.
    return None if issued_for == scope else FORGED_MESSAGE


_TOKEN_INPUT = re.compile(f'(name="{TOKEN_FIELD}" value=")[^"]*(")')


def refresh_tokens(response, scope):
    """Give every form token in a rendered ``response`` (an HttpResponse or an unrendered
    TemplateResponse) a fresh value for ``scope``: the page's content may come from the
    render cache (core/render_cache.py keeps a page's ``<main>`` for every anonymous
    visitor), and a token is each visitor's own, taken once (``claim_token``)."""
    if hasattr(response, "render"):
        response.render()
    html = response.content.decode(response.charset)
    fresh = _TOKEN_INPUT.sub(lambda match: match[1] + issue_token(scope) + match[2], html)
    response.content = fresh.encode(response.charset)
    return response


def _used_key(token):
    return "form_token_used:" + hashlib.sha256(token.encode()).hexdigest()


def token_used(token):
    """True when a post with ``token`` (str) has already been taken (``claim_token``)."""
    return cache.get(_used_key(token)) is not None


def claim_token(token):
    """Take ``token`` (str) for one submission: True for the first caller only, also
    among parallel requests on several workers (atomic ``cache.add``). Kept a minute
    longer than a token is valid, so it is refused as expired after that."""
    return cache.add(_used_key(token), 1, timeout=max_age() + 60)


def release_token(token):
    """Give ``token`` back (the submission it was claimed for failed to be stored)."""
    cache.delete(_used_key(token))


def _host(url):
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return None


def _same_site(url, request):
    """``url`` names this host, or an origin in ``CSRF_TRUSTED_ORIGINS`` (as for Django)."""
    if _host(url) == request.get_host().lower():
        return True
    trusted = {origin.rstrip("/").lower() for origin in settings.CSRF_TRUSTED_ORIGINS}
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() in trusted


def cross_site(request):
    """True when the browser says the post came from another site.

    ``Sec-Fetch-Site`` other than ``same-origin`` or ``none`` (typed in, a bookmark);
    else an ``Origin`` naming another host; else, without ``Origin``, a ``Referer``
    naming another host (``CSRF_TRUSTED_ORIGINS`` count as this site, as for Django).
    ``Origin: null`` (a sandboxed frame, a privacy setting) and missing headers are not
    refused here: the token still has to be valid.
    """
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site and fetch_site not in ("same-origin", "none"):
        return True
    origin = request.META.get("HTTP_ORIGIN")
    if origin and origin != "null":
        return not _same_site(origin, request)
    referer = request.META.get("HTTP_REFERER")
    return bool(referer) and not _same_site(referer, request)


class FormTokenMixin(forms.Form):
    """Adds the hidden signed token; pass ``token_scope`` (str) to the constructor.

    An unbound form carries a fresh token; a bound one checks the posted token in
    ``clean()`` and, if it fails, adds a form error and offers a fresh token, so the
    visitor can send what they wrote again. The token never reaches ``cleaned_data``;
    a valid one is ``accepted_token``, which ``already_sent`` / ``claim`` / ``release``
    use so that a token is stored and sent once only.
    """

    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, token_scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.token_scope = token_scope
        self.fields[TOKEN_FIELD].initial = issue_token(token_scope)

    accepted_token = ""

    def clean(self):
        cleaned_data = super().clean()
        token = cleaned_data.pop(TOKEN_FIELD, "")
        problem = check_token(token, self.token_scope)
        if problem:
            self.add_error(None, problem)
            self.data = self.data.copy()
            self.data[TOKEN_FIELD] = issue_token(self.token_scope)
        else:
            self.accepted_token = token
        return cleaned_data

    def already_sent(self):
        """True when this valid form's token was already taken by an earlier post."""
        return token_used(self.accepted_token)

    def claim(self):
        """Take this valid form's token (``claim_token``): True when this post is the one
        to store and send, False when another post with the same token came first."""
        return claim_token(self.accepted_token)

    def release(self):
        """Give the token back after storing failed, so the visitor can send again."""
        release_token(self.accepted_token)

    @property
    def token(self):
        return self[TOKEN_FIELD]

    def fields_for_visitor(self, *hidden):
        """The bound fields a visitor fills in: all but the token and ``hidden`` names."""
        return [field for field in self if field.name not in (TOKEN_FIELD, *hidden)]


def _no_response(request):
    return None


def enforce_django_csrf(page, request, args, kwargs):
    """``before_serve_page`` hook: Django's CSRF check for every post to a Wagtail page
    whose type does not protect its own forms (``cookie_free_form``). Wagtail's serve view
    is exempt from the middleware (core.views.serve) only so that this can choose."""
    if request.method in ("GET", "HEAD", "OPTIONS", "TRACE"):
        return None
    if getattr(page, "cookie_free_form", False):
        return None
    return CsrfViewMiddleware(_no_response).process_view(request, _no_response, args, kwargs)
