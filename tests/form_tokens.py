"""The visitors' forms carry a signed token (core/form_protection.py): tests that post
one take it from the form, as a browser does."""

import re

from django.test import Client

TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


def form_token(url, client=None):
    """The token in the form at ``url`` (str), fetched by ``client`` or a new visitor."""
    html = (client or Client()).get(url).content.decode()
    return TOKEN.search(html)[1]
