"""Search results in the visitor's language first (issue 15)."""


def visitors_language_first(ordered, pages, language):
    """The hits ([page id, ...] lists, best first) of pages in `language` (a language
    code; Wagtail's locale of each page) before the others, each part in its own order:
    an English reader sees English pages first, a Swedish reader Swedish ones. One query
    for all hits."""
    if not ordered or not language:
        return ordered
    in_language = set(
        pages.filter(
            pk__in=[hit[0] for hit in ordered], locale__language_code=language
        ).values_list("pk", flat=True)
    )
    return [hit for hit in ordered if hit[0] in in_language] + [
        hit for hit in ordered if hit[0] not in in_language
    ]
