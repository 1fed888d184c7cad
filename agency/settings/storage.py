"""Where files are kept: media on local disk, or in an S3-compatible bucket when one is named."""

import os

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def s3_media_storage(environ):
    """The STORAGES entry for media in the bucket that `environ` (os.environ or a dict
    with the same AWS_* names) describes."""
    return {
        "BACKEND": "core.storage.PrivateMediaStorage",
        "OPTIONS": {
            "bucket_name": environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": int(environ.get("AWS_QUERYSTRING_EXPIRE", "60")),
            # Two uploads named alike must not replace each other's file.
            "file_overwrite": False,
            "addressing_style": environ.get("AWS_S3_ADDRESSING_STYLE", "path"),
            "signature_version": "s3v4",
        },
    }


# Media on S3-compatible object storage when a bucket is named (docs/production.md,
# "Media in object storage"); local disk (MEDIA_ROOT) otherwise. The bucket and its
# objects are private: documents reach visitors only through Wagtail's serve view
# (/dokument/...), which checks collection privacy first and then streams the file;
# image renditions are streamed under MEDIA_URL/images/ by core.views.serve_rendition.
# Any other URL of a stored file is signed and expires after AWS_QUERYSTRING_EXPIRE s.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = s3_media_storage(os.environ)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
