"""Swedish and English pages: which language a request is in, and each page's translations.

Swedish addresses are as they always were; English pages live under ``/en/``
(agency/urls.py, Django's ``i18n_patterns`` with ``prefix_default_language=False``).
The language is read from the address alone, never from cookies or ``Accept-Language``:
one address is one language, so shared caches need no ``Vary: Accept-Language``.

Translations are Wagtail pages sharing a ``translation_key`` (Wagtail's
``TranslatableMixin``). A page without a translation links to the nearest ancestor that
has one (at worst the other language's home page) and says so (WCAG 3.1.2 language of
parts: each link names its language in that language and carries ``lang``).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from core import structure_cache

# Said in the target language, whatever the current page's language is.
NOT_AVAILABLE = {
    "sv": "Den här sidan finns inte på svenska.",
    "en": "This page is not available in English.",
}


# Open Graph names a language with its territory (https://ogp.me/#optional: og:locale,
# "language_TERRITORY"); the English pages are written in British English.
OG_LOCALES = {"sv": "sv_SE", "en": "en_GB"}


def og_locale(code):
    """'sv_SE' for 'sv', 'en_GB' for 'en' (str): Open Graph's form of a language code."""
    return OG_LOCALES.get(code, code)


def home_path():
    """The home page's path in the active language ("/" in Swedish, "/en/" in English),
    from the URL configuration alone: no query, so error pages can use it too."""
    return reverse("wagtail_serve", args=[""])


def self_name(code):
    """'Svenska' for 'sv', 'English' for 'en': a language named in itself."""
    return settings.LANGUAGE_SELF_NAMES.get(code, code)


def language_from_path(path):
    """The site language (str, one of ``settings.LANGUAGES``' codes, as written there)
    that the address ``path`` names: ``/en/…`` and its other spellings (``/EN/``,
    ``/En/``, ``/en-GB/``) give "en"; everything else ``LANGUAGE_CODE``. Django's
    ``get_language_from_path`` matches case-insensitively but returns the path's own
    spelling, which is no language tag to send (RFC 9110 section 8.5)."""
    found = translation.get_language_from_path(path)
    if not found:
        return settings.LANGUAGE_CODE
    codes = {code.lower(): code for code, _name in settings.LANGUAGES}
    found = found.lower()
    return codes.get(found) or codes.get(found.split("-")[0], settings.LANGUAGE_CODE)


class LanguageFromPathMiddleware:
    """Activates the language that the address names (``/en/…``: English; everything
    else: ``LANGUAGE_CODE``) before URL resolution, and says it in ``Content-Language``
    with its canonical code (``language_from_path``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_from_path(request.path_info)
        request.LANGUAGE_CODE = language
        # override, not activate: a preview's stand-in request passes through here inside
        # an admin request, whose own language must come back afterwards.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def _live(queryset):
    return queryset.live().public().select_related("locale")


def translations_by_key(pages):
    """{translation_key: {language_code: page}} for the live, public pages that share a
    translation key with any of `pages` (themselves included): one query for any number."""
    keys = {page.translation_key for page in pages}
    found = {}
    for page in _live(Page.objects.filter(translation_key__in=keys)):
        found.setdefault(page.translation_key, {})[page.locale.language_code] = page
    return found


def language_of(page, request=None):
    """The language code (str) `page` is written in, from its ``locale_id`` and the
    cached table of locales (core/structure_cache.py): no query per page in a list."""
    codes = structure_cache.cached(
        "locales", lambda: dict(Locale.objects.values_list("pk", "language_code")), request
    )
    code = codes.get(page.locale_id)
    return code if code is not None else page.locale.language_code


def other_language(page, request=None):
    """`page`'s language when it is not the active one (for ``lang``/``hreflang`` on a
    link to it), else ""."""
    code = language_of(page, request)
    return "" if code == (translation.get_language() or settings.LANGUAGE_CODE) else code


def page_translations(page, request=None):
    """{language_code: page} of `page`'s live, public translations (itself included when
    live): one query, then kept on the request for the head's other tags."""
    memo = getattr(request, "_page_translations", None) if request is not None else None
    if memo is not None and page.pk in memo:
        return memo[page.pk]
    found = translations_by_key([page]).get(page.translation_key, {})
    if request is not None:
        if memo is None:
            memo = request._page_translations = {}
        memo[page.pk] = found
    return found


def _nearest_translated_ancestor(page, language):
    ancestors = list(page.get_ancestors().filter(depth__gt=1))
    keys = [ancestor.translation_key for ancestor in ancestors]
    candidates = {
        candidate.translation_key: candidate
        for candidate in _live(
            Page.objects.filter(translation_key__in=keys, locale__language_code=language)
        )
    }
    for ancestor in reversed(ancestors):
        if ancestor.translation_key in candidates:
            return candidates[ancestor.translation_key]
    return None


# The views that are no page but a place to read, the same in each language under its
# prefix (agency/urls.py): the search page. The other views under the prefixes are steps
# of a form (Wagtail's password and login forms under /_util/, the page-feedback answer
# and comment) or files (feed, calendars): their address in the other language is no
# place to send a reader (a form that answers only a POST, a token for another page).
READABLE_VIEWS = frozenset({"search"})


def address_in(code, request=None):
    """The address (str) of what `request` shows, in language `code`, for a view that is
    no page (search, an error page): the same view under the other language's prefix
    with the same query (``/en/sok/?q=x`` -> ``/sok/?q=x``) for a view a reader reads
    (``READABLE_VIEWS``), else that language's home page (a page address that found
    nothing: its "translation" would be a 404 too; a form's or file's address such as
    /_util/authenticate_with_password/…, whatever its answer: a 403 for a form sent
    without its token, a 404; an address outside the language prefixes; no request).
    No query."""
    if request is not None:
        # The view Django resolved this request to, when it got that far.
        match = getattr(request, "resolver_match", None)
        if match is None:
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
        if match is not None and match.url_name in READABLE_VIEWS:
            here = request.get_full_path()
            there = translate_url(here, code)
            if urlsplit(there).path != urlsplit(here).path:
                return there
    with translation.override(code):
        return home_path()


def language_links(page, request=None):
    """One entry per site language for `page` (a Page or None): dicts with ``code``,
    ``name`` (the language in itself), ``url`` (None when there is nothing to link to),
    ``current`` (the page's own language) and ``fallback`` (True when the link goes to
    an ancestor because the page itself is not translated; ``note`` says so). Without a
    page (search, error pages) each language links to ``address_in``, with no query."""
    current = page.locale.language_code if page is not None else translation.get_language()
    translations = page_translations(page, request) if page else {}
    links = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        entry = {"code": code, "name": self_name(code), "current": code == current}
        target, fallback = translations.get(code), False
        if code == current and page is not None:
            target = page
        if target is None and page is not None:
            target, fallback = _nearest_translated_ancestor(page, code), True
        entry["url"] = target.get_url(request) if target is not None else None
        if page is None:
            entry["url"] = address_in(code, request)
        entry["fallback"] = fallback
        entry["note"] = NOT_AVAILABLE.get(code, "") if fallback else ""
        links.append(entry)
    return links


def hreflang_links(page, request=None):
    """``(hreflang, full URL)`` pairs for ``<link rel="alternate">``: every live translation
    of `page` (itself included) and ``x-default`` for the Swedish one."""
    return alternates_for(page_translations(page, request), request)


def alternates_for(translations, request=None):
    """(hreflang, full URL) pairs from one {language_code: page} group."""
    if len(translations) < 2:
        return []
    pairs = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code in translations:
            pairs.append((code, translations[code].get_full_url(request)))
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        pairs.append(("x-default", default.get_full_url(request)))
    return pairs


def in_language_note(code):
    """ "på svenska" / "in Swedish": the note on a link whose target is in language
    `code` (a language code Django knows, e.g. "sv"), in the active language; "" for
    the active language or an unknown code. The same words as a document link's
    language note (documents/files.py describe_language)."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    if not code or code == current[:2]:
        return ""
    try:
        name = str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return ""
    # Swedish writes language names in lower case, English capitalises them.
    name = name.lower() if current.startswith("sv") else name[:1].upper() + name[1:]
    return translation.gettext("på %(language)s") % {"language": name}
