"""What the search box shows back: what was searched, never a control character or more
than the box takes (search/views.py visible_query)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


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
