"""What the web archive keeps: each published state of a page as a visitor got it.

A :class:`Snapshot` is one moment (a publish, republish, unpublish, move, deletion, or a
view restriction added or removed) of one page; its bytes live in :class:`Blob` rows,
each file stored once per SHA-256 in the site's media storage (``default_storage``: the
local media folder or the S3 bucket). Nothing here points at live content in a way that
a later edit could change: the page, revision and user are copied as plain values next
to their (nullable) links.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import optional_link

BLOB_PREFIX = "archive/blobs"


class Blob(models.Model):
    """The bytes of one archived file, named by their SHA-256 and never rewritten."""

    wagtail_reference_index_ignore = True

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("storlek (byte)"))
    created_at = models.DateTimeField(_("sparad"), auto_now_add=True)

    class Meta:
        verbose_name = _("arkiverad fil")
        verbose_name_plural = _("arkiverade filer")

    def __str__(self):
        return self.sha256

    @property
    def storage_name(self):
        """The file's name in the media storage: archive/blobs/ab/cd/abcd...."""
        return storage_name(self.sha256)

    def read(self):
        """The stored bytes (bytes)."""
        from django.core.files.storage import default_storage

        with default_storage.open(self.storage_name, "rb") as handle:
            return handle.read()


def storage_name(sha256):
    return f"{BLOB_PREFIX}/{sha256[:2]}/{sha256[2:4]}/{sha256}"


class ArchivedResponse(models.Model):
    """What the archive got for one address: the HTTP status and headers (its bytes are
    a :class:`Blob`). ``content_type_header``: the response's Content-Type, else
    ``default_content_type``."""

    # A record of the past, not a use of the page: kept out of Wagtail's reference index,
    # so usage counts, delete warnings and purges on publish do not see it.
    wagtail_reference_index_ignore = True
    default_content_type = "application/octet-stream"

    url = models.URLField(_("adress"), max_length=2000)
    status_code = models.PositiveSmallIntegerField(_("HTTP-status"))
    headers = models.JSONField(_("HTTP-huvuden"), default=list)

    class Meta:
        abstract = True

    @property
    def content_type_header(self):
        return dict(self.headers).get("Content-Type", self.default_content_type)


class Snapshot(ArchivedResponse):
    """A page as an anonymous visitor got it at one moment."""

    default_content_type = "text/html; charset=utf-8"

    class Action(models.TextChoices):
        PUBLISH = "publish", _("Publicerad")
        UNPUBLISH = "unpublish", _("Avpublicerad")
        MOVE = "move", _("Flyttad")
        DELETE = "delete", _("Raderad")
        RESTRICT = "restrict", _("Skyddad")
        UNRESTRICT = "unrestrict", _("Öppnad igen")

    page = optional_link("wagtailcore.Page", _("sida"))
    page_key = models.PositiveIntegerField(_("sidans id"), db_index=True)
    page_type = models.CharField(_("sidtyp"), max_length=100)
    title = models.CharField(_("rubrik"), max_length=255)
    action = models.CharField(_("händelse"), max_length=20, choices=Action.choices)
    captured_at = models.DateTimeField(_("tidpunkt"), db_index=True)
    revision_key = models.PositiveIntegerField(_("version (revision)"), null=True, blank=True)
    user = optional_link(settings.AUTH_USER_MODEL, _("publicerad av"))
    user_name = models.CharField(_("publicerad av (namn)"), max_length=255, blank=True)
    change_note = models.TextField(_("ändringsnotering"), blank=True)
    body = models.ForeignKey(Blob, verbose_name=_("innehåll"), on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("arkiverad version")
        verbose_name_plural = _("arkiverade versioner")
        ordering = ["-captured_at", "-pk"]
        indexes = [models.Index(fields=["page_type", "captured_at"])]

    def __str__(self):
        return f"{self.title} ({self.captured_at:%Y-%m-%d %H:%M})"


class SnapshotResource(ArchivedResponse):
    """A file the snapshot's page used: a stylesheet, an image or a document."""

    class Kind(models.TextChoices):
        STYLESHEET = "stylesheet", _("Stilmall")
        IMAGE = "image", _("Bild")
        DOCUMENT = "document", _("Dokument")
        ASSET = "asset", _("Fil som stilmallen använder")

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="resources")
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    blob = models.ForeignKey(Blob, verbose_name=_("innehåll"), on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("arkiverad resurs")
        verbose_name_plural = _("arkiverade resurser")
        ordering = ["pk"]

    def __str__(self):
        return self.url
