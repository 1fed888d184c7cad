"""Publishing as an editor does, and fetching through the front cache: first cached (a HIT),
then the change seen on the next request."""

import datetime

from wagtail.models import Page

FUTURE = datetime.datetime(2031, 3, 4, 9, 0, tzinfo=datetime.UTC)


def publish(page, **changes):
    page = Page.objects.get(pk=page.pk).specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def text(body):
    return body.decode("utf-8")


def cached(front_cache, path, expected):
    """Fetches `path` twice through the front cache: shows `expected`, then is a HIT."""
    status, _headers, body = front_cache.get(path)
    assert status == 200, body[:500]
    assert expected in text(body)
    status, headers, body = front_cache.get(path)
    assert headers["X-Cache"] == "HIT", f"{path} is not cached: {headers}"
    assert expected in text(body)


def seen_next(front_cache, path, old, new):
    status, headers, body = front_cache.get(path)
    assert status == 200
    assert new in text(body), f"{path} still shows the old version ({headers['X-Cache']})"
    assert old not in text(body)
