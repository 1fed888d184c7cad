"""What the purge tests share: the test server's address, a date in the future, and
publishing a change as the admin does."""

import datetime

ROOT = "http://testserver"
FUTURE = datetime.datetime(2030, 5, 1, 9, 0, tzinfo=datetime.UTC)


def url(page):
    return page.get_full_url()


def publish(page, **changes):
    page = page.specific.__class__.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page
