"""A document is public only while a live page uses it.

A file uploaded for a draft (a presentation before the conference, a strategy before
its launch) must not be reachable by guessing or sharing its address. Whether a live page
uses a document is read from Wagtail's reference index, which records what each page's
live row links to (rich text, StreamField, choosers, inline children such as speakers):
the document is public while some live page's row refers to it, and private again when
the last such page is unpublished, deleted or stops linking to it.

Nothing is stored: the answer is one indexed ``EXISTS`` query (index
``referenceindex_target_object``), so it can never drift from the pages' state, and
listings use it as an annotation (one query however many documents).

Documents in a collection with a view restriction keep Wagtail's rule (login, group or
password decide), whatever pages use them. Editors with any permission on documents
still get every file, so they can check what they upload.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, IntegerField, OuterRef
from django.db.models.functions import Cast
from django.http import Http404
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from core.privacy import _closed_collection_paths, _collection_paths


def _live_page_references():
    page_type = ContentType.objects.get_for_model(Page)
    live_page_ids = Page.objects.live().annotate(pk_text=Cast("pk", CharField())).values("pk_text")
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        base_content_type=page_type,
        object_id__in=live_page_ids,
    )


def used_by_live_page():
    """An ``Exists`` expression for a document queryset: True for documents a live page
    refers to. ``Document.objects.filter(used_by_live_page())`` or ``.annotate(...)``."""
    return Exists(_live_page_references().filter(to_object_id=Cast(OuterRef("pk"), CharField())))


def live_document_ids():
    """A subquery of the ids (integers) of documents some live page refers to."""
    return (
        _live_page_references()
        .annotate(document_id=Cast("to_object_id", IntegerField()))
        .values("document_id")
    )


def is_public(document):
    """True when a live page refers to ``document`` (one query)."""
    return get_document_model().objects.filter(pk=document.pk).filter(used_by_live_page()).exists()


def in_restricted_collection(document):
    """True when the document's collection, or one above it, has a view restriction."""
    closed = _closed_collection_paths(None)
    if not closed:
        return False
    return _collection_paths(None).get(document.collection_id, "").startswith(closed)


def is_editor(user):
    """True for a logged-in user with any permission on documents."""
    if not user.is_authenticated or not user.is_active:
        return False
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission(user, ["add", "change", "choose"])


def refuse_unpublished_document(document, request):
    """Wagtail's ``before_serve_document`` hook: 404 for a document no live page uses,
    unless the visitor is an editor or the collection's own restriction decides."""
    if in_restricted_collection(document) or is_editor(request.user):
        return None
    if not is_public(document):
        raise Http404
    return None


# The front cache ------------------------------------------------------------------------
# A document's answer (the file, or 404) is cached like any address. When a page is
# published, unpublished or deleted, the documents it referred to before and after may
# have changed state, so their addresses are purged (core/frontend_cache.py).


def _document_ids_of(page):
    return set(
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk),
            to_content_type=ContentType.objects.get_for_model(get_document_model()),
        ).values_list("to_object_id", flat=True)
    )


def _remember_documents(sender, instance, **kwargs):
    from core.purge_signals import _enabled

    if instance.pk is not None and _enabled():
        instance._documents_before = _document_ids_of(instance)


def _purge_documents(sender, instance, **kwargs):
    from core.frontend_cache import PurgeSet
    from core.purge_signals import _enabled

    if not _enabled():
        return
    ids = _document_ids_of(instance) | getattr(instance, "_documents_before", set())
    ids = [int(pk) for pk in ids if pk.isdigit()]
    if not ids:
        return
    purge = PurgeSet()
    for document in get_document_model().objects.filter(pk__in=ids):
        purge.add_path(document.url)
    purge.purge_on_commit()


def connect():
    """Called from PagesConfig.ready()."""
    from django.apps import apps
    from django.db.models.signals import pre_delete, pre_save
    from wagtail.signals import page_published, page_unpublished

    for model in apps.get_models():
        if issubclass(model, Page):
            pre_save.connect(_remember_documents, sender=model)
            page_published.connect(_purge_documents, sender=model)
            page_unpublished.connect(_purge_documents, sender=model)
    pre_delete.connect(_purge_documents, sender=Page)
