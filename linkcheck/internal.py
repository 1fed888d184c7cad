"""Internal links to closed targets, unused documents and pages nobody links to,
read from Wagtail's reference index (rich text and StreamField page/document links).

Visitors see a link to an unpublished, deleted or private page or document as plain
text (core/richtext.py), so editors never notice it; these lists make it visible.
A fixed number of queries however many pages there are.
"""

import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex

from linkcheck.extract import live_page_texts

# Never published (a draft) or taken down: either way visitors cannot open it.
UNPUBLISHED = _("Inte publicerad")
DELETED = _("Borttagen")
PRIVATE = _("Skyddad")


@dataclass
class InternalProblem:
    page: Page
    field: str
    target: str
    problem: str

    @property
    def page_id(self):
        return self.page.pk


# A page or document link in stored rich text (Wagtail's contentstate-free storage format).
RICH_TEXT_LINK = re.compile(r'linktype=\\?"(page|document)\\?" id=\\?"(\d+)\\?"')


def links_to_deleted_targets():
    """[InternalProblem] for rich-text links to pages or documents that no longer exist.
    Wagtail removes the reference index rows of a deleted target, so stored rich text is
    read instead (one query per page type, two for the targets)."""
    found = [
        (page, kind, int(pk))
        for page, texts in live_page_texts()
        for text in texts
        for kind, pk in RICH_TEXT_LINK.findall(text)
    ]
    pages = set(
        Page.objects.filter(pk__in={pk for _p, k, pk in found if k == "page"}).values_list(
            "pk", flat=True
        )
    )
    documents = set(
        get_document_model()
        .objects.filter(pk__in={pk for _p, k, pk in found if k == "document"})
        .values_list("pk", flat=True)
    )
    problems = {}
    for page, kind, pk in found:
        exists = pk in (pages if kind == "page" else documents)
        if not exists:
            name = (_("sida %(id)s") if kind == "page" else _("dokument %(id)s")) % {"id": pk}
            problems[(page.pk, kind, pk)] = InternalProblem(page, "", str(name), str(DELETED))
    return list(problems.values())


def _page_references():
    page_type = ContentType.objects.get_for_model(Page)
    document_type = ContentType.objects.get_for_model(get_document_model())
    references = list(
        ReferenceIndex.objects.filter(
            base_content_type=page_type, to_content_type__in=[page_type, document_type]
        ).values("object_id", "to_content_type_id", "to_object_id", "model_path", "content_path")
    )
    return references, page_type, document_type


def field_label(page, field_name):
    """The editor's name for ``page``'s field ``field_name`` ("Innehåll" for "body"),
    as the edit form shows it; the name itself if the page type has no such field."""
    try:
        label = page.specific_class._meta.get_field(field_name).verbose_name
    except (AttributeError, FieldDoesNotExist):
        return field_name
    return str(label)[:1].upper() + str(label)[1:]


def _under(path, closed_paths):
    return any(path.startswith(closed) for closed in closed_paths)


def _page_problem(page, closed_pages):
    """What is wrong with a link to ``page`` (None: deleted): DELETED, UNPUBLISHED,
    PRIVATE (below a page with a view restriction), or None when nothing is."""
    if page is None:
        return DELETED
    if not page.live:
        return UNPUBLISHED
    return PRIVATE if _under(page.path, closed_pages) else None


def _document_problem(document, closed_collections):
    """DELETED, PRIVATE (in a closed collection) or None for a link to ``document``."""
    if document is None:
        return DELETED
    return PRIVATE if _under(document.collection.path, closed_collections) else None


def broken_internal_links():
    """[InternalProblem] for live pages linking to unpublished, deleted or private targets."""
    references, page_type, document_type = _page_references()
    sources = Page.objects.live().in_bulk([int(r["object_id"]) for r in references])
    page_ids = {
        int(r["to_object_id"]) for r in references if r["to_content_type_id"] == page_type.pk
    }
    doc_ids = {
        int(r["to_object_id"]) for r in references if r["to_content_type_id"] != page_type.pk
    }
    pages = Page.objects.in_bulk(page_ids)
    documents = get_document_model().objects.select_related("collection").in_bulk(doc_ids)
    closed_pages = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    closed_collections = tuple(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    )
    problems = []
    for reference in references:
        source = sources.get(int(reference["object_id"]))
        if source is None:
            continue
        target_id = int(reference["to_object_id"])
        if reference["to_content_type_id"] == page_type.pk:
            target = pages.get(target_id)
            unnamed = _("sida %(id)s")
            problem = _page_problem(target, closed_pages)
        else:
            target = documents.get(target_id)
            unnamed = _("dokument %(id)s")
            problem = _document_problem(target, closed_collections)
        name = target.title if target else unnamed % {"id": target_id}
        if problem:
            field = field_label(source, reference["content_path"].split(".")[0])
            problems.append(InternalProblem(source, field, str(name), str(problem)))
    problems.extend(links_to_deleted_targets())
    return sorted(problems, key=lambda p: (p.page.title.casefold(), p.target))


def _referenced_by_live_pages(kind):
    """The ids (ints) of the pages (``kind="page"``) or documents (``kind="document"``)
    that some live page refers to; a page's links to itself do not count."""
    references, page_type, document_type = _page_references()
    target_type = page_type if kind == "page" else document_type
    live = set(Page.objects.live().values_list("pk", flat=True))
    return {
        int(r["to_object_id"])
        for r in references
        if r["to_content_type_id"] == target_type.pk
        and int(r["object_id"]) in live
        and not (kind == "page" and r["object_id"] == r["to_object_id"])
    }


def unused_documents():
    """Documents no live page refers to, oldest first (a queryset)."""
    used = _referenced_by_live_pages("document")
    return get_document_model().objects.exclude(pk__in=used).order_by("created_at")


def pages_without_inbound_links():
    """Live pages (below the home page) that no other live page links to (a queryset)."""
    linked = _referenced_by_live_pages("page")
    return Page.objects.live().filter(depth__gt=2).exclude(pk__in=linked).order_by("path")
