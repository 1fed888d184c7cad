"""A mark that shows nothing on its own (a variation selector alone or after a letter it
does not apply to, a combining accent without a base, tag characters without a flag) is
not part of a query: never searched, counted, looked up as a promotion or shown back;
emoji sequences and accented letters stay whole (core.control_characters.without_lone_marks,
the visitors' forms' rule)."""

import re

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from pages.factories import TopicPageFactory
from search import hits as search_hits

pytestmark = pytest.mark.django_db

SEARCH_PAGES = ["/sok/", "/en/sok/"]


def box_value(response):
    return re.search(r'id="search-query" name="q" value="([^"]*)"', response.content.decode())[1]


def main(response):
    return re.search(r"<main.*</main>", response.content.decode(), re.S)[0]


@pytest.mark.parametrize("url", SEARCH_PAGES)
@pytest.mark.parametrize(
    "raw",
    [
        "\ufe0f",  # emoji presentation selector
        "\ufe0e",  # text presentation selector
        "\ufe0f\ufe0e\ufe00",
        "\U000e0100",  # an ideographic variation selector
        "\u0301",  # combining acute accent
        "\u20e3",  # keycap frame
        "\U000e0067\U000e007f",  # tag characters without their flag
        " \ufe0f\u200b\u0301 ",
    ],
)
def test_a_query_of_lone_marks_is_no_query(client, home, url, raw):
    empty = client.get(url, {"q": ""})

    response = client.get(url, {"q": raw})

    assert response.context["query"] == ""
    assert box_value(response) == ""
    assert main(response) == main(empty)


@pytest.mark.parametrize("url", SEARCH_PAGES)
@pytest.mark.parametrize(
    ("raw", "searched"),
    [
        ("\ufe0fsmart", "smart"),  # at the start
        ("smart\ufe0f", "smart"),  # at the end, on a letter it does not apply to
        ("smart\ufe0e", "smart"),
        ("smart \ufe0f specialisering", "smart specialisering"),  # in the middle, alone
        ("smart\u200b\ufe0f specialisering", "smart specialisering"),  # after a zero-width space
        ("\u0301smart \u0301", "smart"),
        ("smart\U000e0067\U000e007f", "smart"),
    ],
)
def test_a_lone_mark_is_dropped_from_the_query_and_never_echoed(client, home, url, raw, searched):
    response = client.get(url, {"q": raw})

    assert response.context["query"] == searched
    assert box_value(response) == searched
    html = response.content.decode()
    for mark in "\ufe0f\ufe0e\u0301\U000e0067":
        assert mark not in html


@pytest.mark.parametrize(
    "raw",
    [
        "smart \u2764\ufe0f",  # red heart, emoji style
        "smart \u2139\ufe0f",  # information source: the one letter with an emoji style
        "smart 1\ufe0f\u20e3",  # keycap one
        "smart \U0001f1f8\U0001f1ea",  # the Swedish flag
        "smart \U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",  # England
        "caf\u0065\u0301 smart",  # é as e + combining acute
    ],
)
def test_emoji_sequences_and_accented_letters_stay_whole(client, home, raw):
    response = client.get("/sok/", {"q": raw})

    assert response.context["query"] == raw
    assert box_value(response) == raw


def test_a_lone_selector_does_not_hide_the_editors_promotion(client, home):
    promoted = TopicPageFactory(parent=home, title="Stöd till bredband på landsbygden")
    SearchPromotion.objects.create(query=Query.get("bredband"), page=promoted, sort_order=0)

    response = client.get("/sok/", {"q": "bredband\ufe0f"})

    assert [promotion.page_id for promotion in response.context["promotions"]] == [promoted.pk]


def test_a_lone_selector_is_counted_as_the_query_without_it(client, home):
    TopicPageFactory(parent=home, title="Smart specialisering")
    search_hits.flush()  # what earlier searches in this process left
    before = {query.query_string: query.hits for query in Query.objects.all()}

    client.get("/sok/", {"q": "smart\ufe0f"})
    client.get("/sok/", {"q": "\ufe0esmart"})
    search_hits.flush()

    after = {query.query_string: query.hits for query in Query.objects.all()}
    assert after == {**before, "smart": before.get("smart", 0) + 2}
