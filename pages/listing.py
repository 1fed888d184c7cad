"""Filtering the strategy listing by topic, year and language, from the URL's query string.

Choices come from the strategies actually listed, so a visitor is never offered a filter
that shows nothing. A value that is not a choice (an edited or old URL) is reported on
the form and left out; the listing still shows.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from documents.files import language_name

STRATEGIES_PER_PAGE = 10
# What filtered_strategy_page() puts in the context.
LISTING_KEYS = ("filter_form", "strategies", "results_page", "page_range", "base_query")


class StrategyFilterForm(forms.Form):
    amne = forms.TypedChoiceField(label=_("Ämne"), required=False, coerce=int, empty_value=None)
    ar = forms.TypedChoiceField(label=_("År"), required=False, coerce=int, empty_value=None)
    sprak = forms.ChoiceField(label=_("Språk"), required=False)

    def __init__(self, data, strategies):
        super().__init__(data)
        from core.privacy import public_pages
        from pages.models import TopicPage

        topics = (
            public_pages(TopicPage.objects.live())
            .filter(strategies__in=strategies)
            .distinct()
            .order_by("title")
            .values_list("pk", "title")
        )
        years = (
            strategies.annotate(year=ExtractYear("publication_date"))
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        languages = (
            with_public_document(strategies)
            .order_by("document__language")
            .values_list("document__language", flat=True)
            .distinct()
        )
        everything = ("", _("Alla"))
        self.fields["amne"].choices = [everything, *topics]
        self.fields["ar"].choices = [everything, *((year, str(year)) for year in years)]
        self.fields["sprak"].choices = [
            everything,
            *((code, language_name(code)) for code in languages),
        ]

    @property
    def active(self):
        return any(self.cleaned_data.get(name) for name in self.fields) if self.is_bound else False

    def filter(self, strategies):
        """The strategies that pass every valid filter; invalid values are skipped."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("amne"):
            strategies = strategies.filter(related_topics=data["amne"])
        if data.get("ar"):
            strategies = strategies.filter(publication_date__year=data["ar"])
        if data.get("sprak"):
            strategies = with_public_document(strategies).filter(document__language=data["sprak"])
        return strategies


def with_public_document(strategies):
    """The strategies (a queryset) whose document the listing shows every visitor: one
    outside the restricted collections (core/privacy.py). The language filter offers and
    matches only their documents' languages, so it never names a document the visitor
    is not shown."""
    from core.privacy import public_document_filter

    strategies = strategies.exclude(document=None)
    public = public_document_filter("document")
    return strategies.filter(public) if public else strategies


def filtered_strategy_page(request, strategies):
    """The filter form and one page of strategies, for StrategyIndexPage's context."""
    form = StrategyFilterForm(request.GET, strategies)
    filtered = form.filter(strategies)
    paginator = Paginator(filtered, STRATEGIES_PER_PAGE)
    results_page = paginator.get_page(request.GET.get("sida"))
    query = request.GET.copy()
    query.pop("sida", None)
    for name in list(query):
        if name not in form.fields or name in form.errors:
            query.pop(name)
    return {
        "filter_form": form,
        "strategies": results_page.object_list,
        "results_page": results_page,
        "page_range": paginator.get_elided_page_range(results_page.number, on_each_side=2),
        "base_query": query.urlencode(),
    }
