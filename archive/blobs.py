"""Content-addressed storage of archived bytes in the site's media storage.

Each distinct file is written once, under its SHA-256 (FIPS 180-4), and never
overwritten: the same bytes published again reuse the stored file, other bytes get
another name. That is what keeps an earlier snapshot unchanged by later edits.
"""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from .models import Blob, storage_name


def store_many(contents):
    """Store each of ``contents`` (a list of bytes) once; return {sha256: Blob}.

    Two queries whatever the number of files: one for the hashes already stored,
    one insert for the new ones.
    """
    by_hash = {hashlib.sha256(data).hexdigest(): data for data in contents}
    existing = {blob.sha256: blob for blob in Blob.objects.filter(sha256__in=by_hash)}
    new = []
    for sha256, data in by_hash.items():
        if sha256 in existing:
            continue
        _write_once(sha256, data)
        new.append(Blob(sha256=sha256, size=len(data)))
    if new:
        Blob.objects.bulk_create(new, ignore_conflicts=True)
        existing.update(
            {blob.sha256: blob for blob in Blob.objects.filter(sha256__in=[b.sha256 for b in new])}
        )
    return existing


def _write_once(sha256, data):
    name = storage_name(sha256)
    # A file left behind by a rolled-back publish has the same bytes: keep it.
    if default_storage.exists(name):
        return
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:  # the storage renamed it: another process wrote the name meanwhile
        default_storage.delete(saved)


def delete_unreferenced_blobs():
    """Delete blobs no snapshot or resource refers to, files first; return their hashes."""
    orphans = Blob.objects.filter(snapshot__isnull=True, snapshotresource__isnull=True)
    removed = []
    for blob in orphans.iterator(chunk_size=500):
        default_storage.delete(blob.storage_name)
        removed.append(blob.sha256)
    Blob.objects.filter(sha256__in=removed).delete()
    return removed
