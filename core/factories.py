"""Factories every app's tests share."""

import wagtail_factories


def single_page_factory(model, title, slug):
    """A factory for a page type a site has one of (home, an index), with a fixed title
    and address (``slug``)."""
    meta = type("Meta", (), {"model": model})
    attributes = {"title": title, "slug": slug, "Meta": meta}
    return type(f"{model.__name__}Factory", (wagtail_factories.PageFactory,), attributes)
