"""Publish a demo page only when loading the demo changes what visitors get.

`make run` loads the demo each time it starts, setting every demo page's fields again.
Publishing each page anyway added a revision, a log entry and a web-archive snapshot
(docs/archive.md) of unchanged content at every start, and was most of the load's
time. The loader sets a page's fields, then calls :func:`publish`; it publishes when
the page is not live, has a draft, or would get other content than its live revision.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import get_all_child_relations
from wagtail.models import Page

# Wagtail's bookkeeping of a page (tree position, revisions, publication state and
# dates, locks): not content, and different between two identical revisions.
EDITABLE_PAGE_FIELDS = {"title", "slug", "seo_title", "search_description", "show_in_menus"}
BOOKKEEPING_FIELDS = {
    field.name for field in Page._meta.concrete_fields if field.name not in EDITABLE_PAGE_FIELDS
} | {"pk", "id"}


def publish(page):
    """Publish ``page`` (a Wagtail ``Page``, its fields and child rows as they should
    be) unless its live revision already holds that content.

    In: the page. Out: True when a revision was saved and published, False when only
    the page itself was saved (the same content as published: no revision, no log entry,
    no archive snapshot). Raises whatever Wagtail's ``save_revision``/``publish``
    raise (a ``ValidationError`` for a page that does not validate)."""
    live_revision = page.live_revision
    if (
        page.live
        and not page.has_unpublished_changes
        and live_revision is not None
        and content_of(page, page.serializable_data()) == content_of(page, live_revision.content)
    ):
        # The same content, so no new revision; but saved, as publishing would have: child
        # rows the loader made again (modelcluster keeps them in memory until a save).
        page.save()
        return False
    page.save_revision().publish()
    return True


def content_of(page, data):
    """The content in ``data``, a revision's data of ``page`` (``serializable_data()``
    or ``Revision.content``, a dict): the bookkeeping fields left out, as are the ids
    (``pk``, ``id``) of child rows and StreamField blocks, which a new revision of the
    same content renumbers, and each child row's key to the page (a page's first
    revision stores it empty); StreamField JSON strings parsed; values as JSON has them."""
    as_json = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
    parental_keys = {
        relation.get_accessor_name(): relation.field.name
        for relation in get_all_child_relations(page)
    }
    content = {}
    for key, value in as_json.items():
        if key in BOOKKEEPING_FIELDS:
            continue
        if key in parental_keys and isinstance(value, list):
            value = [
                {name: item for name, item in row.items() if name != parental_keys[key]}
                for row in value
            ]
        content[key] = _without_ids(value)
    return content


def _without_ids(value):
    if isinstance(value, str) and value[:1] in "[{":
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key not in ("pk", "id")}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value
