"""Signal handlers of purge on publish (core/frontend_cache.py says what is purged and why):
each change of content becomes a PurgeSet, sent when the transaction commits."""

from django.apps import apps
from django.db.models.signals import post_save, pre_delete, pre_save
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)

from core.frontend_cache import PurgeSet


def _enabled():
    """No front cache configured (development, most tests): nothing to work out."""
    return bool(get_backends())


def _purge_page(page, structural):
    purge = PurgeSet()
    purge.add_page_change(page, structural=structural)
    purge.purge_on_commit()


def _structure_fields(model):
    """The fields whose change is structural: title, address, menu and, on page types
    that have it, the withdrawn date (a withdrawn page leaves menus and navigation,
    core/privacy.py)."""
    names = ("title", "url_path", "show_in_menus")
    if any(field.name == "withdrawn_at" for field in model._meta.concrete_fields):
        names += ("withdrawn_at",)
    return names


def _structure_before(sender, instance, **kwargs):
    """Remember title, slug, menu and withdrawn state before a page is saved, to tell a
    structural change (breadcrumbs, menu, navigation) from an edit of the content."""
    if not _enabled():
        return
    if not isinstance(instance, Page) or instance.pk is None:
        return
    instance._frontend_cache_before = (
        type(instance)
        ._default_manager.filter(pk=instance.pk)
        .values_list(*_structure_fields(type(instance)))
        .first()
    )


def _is_structural(page):
    before = getattr(page, "_frontend_cache_before", None)
    now = tuple(getattr(page, name) for name in _structure_fields(type(page)))
    return before is None or before != now


def on_page_published(sender, instance, **kwargs):
    if not _enabled():
        return
    _purge_page(instance, structural=_is_structural(instance))


def on_page_unpublished(sender, instance, **kwargs):
    if not _enabled():
        return
    _purge_page(instance, structural=True)


def on_pre_page_move(sender, instance, **kwargs):
    if not _enabled():
        return
    # The old place: old addresses, old parent's listing.
    _purge_page(instance, structural=True)


def on_post_page_move(sender, instance, **kwargs):
    if not _enabled():
        return
    _purge_page(Page.objects.get(pk=instance.pk), structural=True)


def on_page_deleted(sender, instance, **kwargs):
    if not _enabled():
        return
    if getattr(instance, "_frontend_cache_purged_for_delete", False):
        return
    instance._frontend_cache_purged_for_delete = True
    _purge_page(instance, structural=True)


def on_view_restriction_changed(sender, instance, **kwargs):
    if not _enabled():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        purge = PurgeSet()
        purge.add_page_change(page, structural=True)
        for descendant in page.get_descendants().specific(defer=True):
            purge.add_pages_showing(descendant)
        purge.purge_on_commit()


def on_collection_restriction_changed(sender, instance, **kwargs):
    if not _enabled():
        return
    purge = PurgeSet()
    collection = instance.collection
    collections = collection.get_descendants(inclusive=True)
    for document in get_document_model().objects.filter(collection__in=collections):
        purge.add_document(document)
    purge.purge_on_commit()


def on_snippet_changed(sender, instance, **kwargs):
    if not _enabled():
        return
    purge = PurgeSet()
    purge.add_referencing_pages(instance)
    if hasattr(instance, "get_absolute_url"):
        # Its own address, e.g. a contact person's vCard.
        purge.add_path(instance.get_absolute_url())
    purge.purge_on_commit()


def _accessibility(document):
    """The document's accessibility check result (documents app), or None without one."""
    return getattr(document, "accessibility_status", None)


def _document_before(sender, instance, **kwargs):
    """Remember the file's name and the accessibility check's result before a save."""
    if not _enabled() or instance.pk is None:
        return
    fields = ["file"]
    if _accessibility(instance) is not None:
        fields += ["accessibility_status", "accessibility_failures"]
    before = sender.objects.filter(pk=instance.pk).values(*fields).first() or {}
    filename = before.get("file")
    instance._frontend_cache_old_filename = filename.rsplit("/", 1)[-1] if filename else None
    instance._frontend_cache_old_accessibility = (
        before.get("accessibility_status"),
        before.get("accessibility_failures"),
    )


def on_document_saved(sender, instance, created=False, **kwargs):
    if not _enabled():
        return
    if created:
        return
    purge = PurgeSet()
    purge.add_document(instance, getattr(instance, "_frontend_cache_old_filename", None))
    now = (_accessibility(instance), getattr(instance, "accessibility_failures", None))
    if now[0] is not None and getattr(instance, "_frontend_cache_old_accessibility", now) != now:
        purge.add_document_accessibility_change([instance])
    purge.purge_on_commit()


def on_document_deleted(sender, instance, **kwargs):
    if not _enabled():
        return
    purge = PurgeSet()
    purge.add_document(instance)
    if _accessibility(instance):  # a failing document leaves the statement's list
        purge.add_document_accessibility_change([instance])
    purge.purge_on_commit()


def on_image_changed(sender, instance, created=False, **kwargs):
    if not _enabled():
        return
    if created:
        return
    purge = PurgeSet()
    purge.add_referencing_pages(instance)
    purge.purge_on_commit()


def on_site_wide_change(sender, instance, **kwargs):
    if not _enabled():
        return
    purge = PurgeSet()
    purge.everything = True
    purge.purge_on_commit()


def connect():
    """Called from PagesConfig.ready()."""
    page_models = [model for model in apps.get_models() if issubclass(model, Page)]
    for model in page_models:
        page_published.connect(on_page_published, sender=model)
        page_unpublished.connect(on_page_unpublished, sender=model)
        pre_save.connect(_structure_before, sender=model)
    pre_page_move.connect(on_pre_page_move)
    post_page_move.connect(on_post_page_move)
    pre_delete.connect(on_page_deleted, sender=Page)
    for model in (PageViewRestriction,):
        post_save.connect(on_view_restriction_changed, sender=model)
        pre_delete.connect(on_view_restriction_changed, sender=model)
    post_save.connect(on_collection_restriction_changed, sender=CollectionViewRestriction)
    pre_delete.connect(on_collection_restriction_changed, sender=CollectionViewRestriction)

    contact_person = apps.get_model("contacts", "ContactPerson")
    published.connect(on_snippet_changed, sender=contact_person)
    unpublished.connect(on_snippet_changed, sender=contact_person)
    pre_delete.connect(on_snippet_changed, sender=contact_person)

    document_model = get_document_model()
    pre_save.connect(_document_before, sender=document_model)
    post_save.connect(on_document_saved, sender=document_model)
    pre_delete.connect(on_document_deleted, sender=document_model)
    post_save.connect(on_image_changed, sender=get_image_model())

    post_save.connect(on_site_wide_change, sender=apps.get_model("core", "SiteSettings"))
    post_save.connect(on_site_wide_change, sender=Site)
