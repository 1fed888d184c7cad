"""What the search box shows back: what was searched, never a control character or more
than the box takes (search/views.py visible_query)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def main(response):
    return re.search(r"<main.*</main>", response.content.decode(), re.S)[0]


def box_value(response):
    return re.search(r'id="search-query" name="q" value="([^"]*)"', response.content.decode())[1]


@pytest.mark.parametrize(
    ("raw", "searched"),
    [
        ("smart\x00x", "smart x"),
        ("smart\x0bspecialisering", "smart specialisering"),
        ("smart\x1fspecialisering", "smart specialisering"),
        ("smart\u2028specialisering", "smart specialisering"),
        ("  smart\t\tspecialisering\r\n", "smart specialisering"),
    ],
)
def test_a_control_character_separates_words_and_is_never_echoed(client, home, raw, searched):
    response = client.get(reverse("search"), {"q": raw})

    assert response.status_code == 200
    assert response.context["query"] == searched
    assert box_value(response) == searched
    assert "\x00" not in response.content.decode()


def test_an_overlong_query_is_refused_and_the_box_shows_only_what_it_takes(client, home):
    response = client.get(reverse("search"), {"q": "tillväxt " * 600})

    assert response.status_code == 200
    assert "Skriv högst 200 tecken" in response.content.decode()
    assert len(box_value(response)) <= 200
    assert box_value(response).startswith("tillväxt tillväxt")


@pytest.mark.parametrize("typ", ["\x00", "a\x00", "dokument\x00", "\x01\x7f"])
def test_a_control_character_in_the_type_filter_drops_the_filter_not_the_search(client, home, typ):
    response = client.get(reverse("search"), {"q": "smart", "typ": typ})

    assert response.status_code == 200
    assert response.context["query"] == "smart"
    assert response.context["type_slug"] == ""


@pytest.mark.parametrize(
    "raw",
    [
        "\u200b",  # zero-width space
        "\u200c\u200d\u2060",  # zero-width (non-)joiner, word joiner
        "\ufeff\u00ad",  # byte order mark, soft hyphen
        "\u3164",  # Hangul filler: a letter that shows nothing
        "\u2800 \uffa0",  # Braille blank, halfwidth Hangul filler
        "\u034f\u17b4",  # combining grapheme joiner, Khmer inherent vowel
        " \u115f\u1160\t\u200e ",  # Hangul choseong and jungseong fillers, direction mark
    ],
)
def test_a_query_of_nothing_visible_is_no_query(client, home, raw):
    empty = client.get(reverse("search"), {"q": ""})

    response = client.get(reverse("search"), {"q": raw})

    assert response.status_code == 200
    assert response.context["query"] == ""
    assert response.context["has_terms"] is False
    assert box_value(response) == ""
    html = response.content.decode()
    assert "Sökresultat för" not in html and "inga träffar" not in html
    assert main(response) == main(empty)  # the search page as for an empty box


@pytest.mark.parametrize(
    ("raw", "searched"),
    [
        ("smart\u3164specialisering", "smart specialisering"),  # a blank letter as a space
        ("smart\u2800specialisering", "smart specialisering"),
        ("speciali\u00adsering", "specialisering"),  # zero-width: the word stays whole
        ("speciali\u034fsering", "specialisering"),
        ("\u200bsmart\ufeff", "smart"),
    ],
)
def test_invisible_characters_inside_a_query_join_or_separate_words(client, home, raw, searched):
    response = client.get(reverse("search"), {"q": raw})

    assert response.context["query"] == searched
    assert box_value(response) == searched
