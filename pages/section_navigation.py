"""Where a topic page sits in its section: the section's pages down to this one.

The section is the page's top-level topic (the topic page just below the home page).
Shown are the section's children, the children of each page on the way down to the
current page, and the current page's own children: the pattern of GOV.UK's "step by
step" and of most Swedish agencies' left-hand menus. One query per page and site
structure, then read from the cache (core/structure_cache.py), whatever the section's size.
"""

from django.db.models import Q

from core import privacy, structure_cache


def _tree(rows, parent_path, current_path):
    """Nested [{"title", "url", "is_current", "is_ancestor", "children"}] under parent_path."""
    depth = len(parent_path) // 4 + 1
    items = []
    for row in rows:
        if row["depth"] != depth or not row["path"].startswith(parent_path):
            continue
        on_the_way = current_path.startswith(row["path"])
        items.append(
            {
                "title": row["title"],
                "url": row["url"],
                "is_current": row["path"] == current_path,
                "is_ancestor": on_the_way and row["path"] != current_path,
                "children": _tree(rows, row["path"], current_path) if on_the_way else [],
            }
        )
    return items


def section_navigation(page, site, request=None):
    """{"root": {"title", "url", "is_current"}, "items": nested list (see _tree)} for a
    TopicPage `page` served on `site`; None when the page is not in a section of more
    than itself. Live, public topic pages only."""
    from pages.models import TopicPage

    if page.pk is None or page.depth is None or page.depth < 3:
        return None
    root_path = page.path[: 3 * 4]

    def build():
        # The children of the root, of every ancestor on the way down and of the page.
        levels = Q()
        for depth in range(3, page.depth + 1):
            levels |= Q(path__startswith=page.path[: depth * 4], depth=depth + 1)
        rows = privacy.public_pages(
            TopicPage.objects.live()
            .filter(Q(path=root_path) | levels)
            .only("title", "url_path", "path", "depth")
            .order_by("path"),
            request,
        )
        rows = [
            {
                "title": row.title,
                "url": row.relative_url(site, request),
                "path": row.path,
                "depth": row.depth,
            }
            for row in rows
        ]
        root = next((row for row in rows if row["path"] == root_path), None)
        items = _tree([row for row in rows if row is not root], root_path, page.path)
        if root is None or not items:
            return {}  # The cache keeps no None: "nothing to show" is an empty dict.
        return {
            "root": {**root, "is_current": root_path == page.path},
            "items": items,
        }

    key = f"section:{site.pk if site else 0}:{page.pk}"
    return structure_cache.cached(key, build, request) or None
