"""The site search page, /sok/?q=...&typ=...&sida=..."""

import unicodedata
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.core.validators import ProhibitNullCharactersValidator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from core.control_characters import attaches, is_invisible, without_lone_marks
from core.method_not_allowed import allow_methods
from search import hits as search_hits
from search.ranking import MAX_HITS, load_hits, result_types, search_site
from search.suggestions import promoted_pages, suggest
from search.text import query_terms

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def _query_char(char):
    """One character of a query as searched, once lone marks are gone
    (``visible_query``): a mark on its base (an accent, an emoji's variation selector, a
    flag's tag characters: core.control_characters.attaches) is kept; a zero-width
    character (format characters, Unicode category Cf: soft hyphen, zero-width space;
    invisible combining marks such as the grapheme joiner) is dropped; any other
    character that shows nothing (a control character, a space of any kind, a blank
    letter such as the Hangul filler: core.control_characters.is_invisible) separates
    words; the rest is kept."""
    category = unicodedata.category(char)
    if category == "Mn" and is_invisible(char):
        return ""
    if attaches(char):
        return char
    if category == "Cf":
        return ""
    if not char.isprintable() or is_invisible(char):
        return " "
    return char


def visible_query(raw):
    """The query (str) as searched and shown back: marks that show nothing removed
    wherever they stand (a variation selector alone, after a space or after a letter it
    does not apply to, a combining accent with no base: the one rule of the visitors'
    forms, core.control_characters.without_lone_marks), each other character as
    ``_query_char`` has it (a NUL byte breaks PostgreSQL, a vertical tab pasted from Word
    separates words, a query of nothing visible is no query), runs of spaces one space,
    and at most MAX_QUERY_LENGTH characters kept, so the search box never echoes what it
    would not send."""
    query = "".join(_query_char(char) for char in without_lone_marks(raw))
    # Again: a mark whose base became a space (a private-use character) is alone now.
    return " ".join(without_lone_marks(query).split())[:MAX_QUERY_LENGTH]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Sök på webbplatsen"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("Skriv högst %(limit_value)d tecken i sökrutan."),
        },
    )
    typ = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A NUL byte is a control character like any other here: clean_q makes it a
        # space, clean_typ drops an unknown type; neither throws the whole search away.
        for field in self.fields.values():
            field.validators = [
                validator
                for validator in field.validators
                if not isinstance(validator, ProhibitNullCharactersValidator)
            ]

    def clean_q(self):
        return visible_query(self.cleaned_data["q"])

    def clean_typ(self):
        slug = self.cleaned_data["typ"]
        known = {result_type.slug for result_type in result_types()} | {"ovrigt", "dokument"}
        return slug if slug in known else ""


def expanded_page_id(request):
    """?dokument=<page id>: the hit whose every matching document is shown; None for
    anything else (a bad value changes nothing)."""
    value = request.GET.get("dokument", "")
    return int(value) if value.isdecimal() and len(value) <= 12 else None


@allow_methods("GET", "HEAD")
def search(request):
    """Search pages and the documents they offer; promoted results first."""
    form = SearchForm(request.GET)
    query, type_slug = "", ""
    if form.is_valid():
        query, type_slug = form.cleaned_data["q"], form.cleaned_data["typ"]
    site = Site.find_for_request(request)
    context = {
        "form": form,
        "query": query,
        "shown_query": query if form.is_valid() else visible_query(request.GET.get("q", "")),
        "type_slug": type_slug,
        "has_terms": bool(query_terms(query)),
    }
    if context["has_terms"]:
        outcome = search_site(query, site, type_slug, request=request)
        paginator = Paginator(outcome.hits, RESULTS_PER_PAGE)
        # Any page number, however large or odd, gets a real page (the last or the first).
        results_page = paginator.get_page(request.GET.get("sida"))
        if "sida" not in request.GET and request.method == "GET":
            # One count per search, not per results page or HEAD; written in batches, not now.
            search_hits.count_search(query)
        context.update(
            outcome=outcome,
            paginator=paginator,
            results_page=results_page,
            hits=load_hits(list(results_page.object_list), query, expanded_page_id(request)),
            promotions=promoted_pages(query, site, request) if results_page.number == 1 else [],
            total=outcome.total,
            hit_limit=MAX_HITS,  # "Fler än 500 träffar" when outcome.more
            shown_total=len(outcome.hits),
            type_label={kind.slug: kind.label for kind, _n in outcome.type_counts}.get(type_slug),
            # Misspelt words are pointed out also when the query found a few pages.
            suggestion=suggest(query, site, request, found=outcome.total),
            base_query=urlencode({"q": query, **({"typ": type_slug} if type_slug else {})}),
            page_range=results_page.paginator.get_elided_page_range(
                results_page.number, on_each_side=2, on_ends=1
            ),
        )
    return render(request, "search/search.html", context)
