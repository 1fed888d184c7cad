"""Every search box takes at most MAX_QUERY_LENGTH characters, told to the browser as
``maxlength``, so a query a visitor can send stays far below a server's request-line
limit (gunicorn's 4094 bytes) whatever the characters."""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from search.views import MAX_QUERY_LENGTH


@pytest.mark.parametrize("url", ["/", "/sok/", "/sok/?q=plan", "/finns-inte/"])
def test_every_search_box_has_the_same_maxlength(client, home, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    boxes = html.select('input[name="q"]')
    assert boxes
    assert {box.get("maxlength") for box in boxes} == {str(MAX_QUERY_LENGTH)}


def test_the_home_search_box_has_the_maxlength(client, home):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    assert html.select_one("#home-search")["maxlength"] == str(MAX_QUERY_LENGTH)


@pytest.mark.parametrize("char", ["a", "å", "€", "\uffff", " ", "%", "<"])
def test_the_longest_query_a_browser_sends_fits_a_request_line(char):
    """``maxlength`` counts UTF-16 code units: at most 3 UTF-8 bytes (9 when percent-
    encoded) each; an emoji is 2 units of 4 bytes. The request line stays < 4094 bytes."""
    query = urlencode({"q": char * MAX_QUERY_LENGTH, "typ": "dokument", "sida": "99"})
    line = f"GET /en/sok/?{query} HTTP/1.1"
    assert len(line.encode()) < 4094
