"""Media storage in a private S3-compatible bucket (settings: AWS_STORAGE_BUCKET_NAME).

Nothing in the bucket is publicly readable. Documents are handed out by Wagtail's serve
view after its privacy checks; image renditions (Wagtail's ``images/`` folder) are
addressed through this site, ``MEDIA_URL/images/<name>``, and streamed from the bucket
by ``core.views.serve_rendition``, so pages keep their Content Security Policy
(``img-src 'self'``), the front cache can keep them, and the bucket needs no public
policy. Any other URL (originals, in the admin) is a signed URL that expires after
``querystring_expire`` seconds (AWS Signature Version 4 query authentication).
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage

RENDITIONS_FOLDER = "images/"


class PrivateMediaStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        """In: a stored file's name. Out: ``MEDIA_URL/images/...`` for a rendition,
        otherwise a short-lived signed URL of the object."""
        if name and name.replace("\\", "/").startswith(RENDITIONS_FOLDER):
            return settings.MEDIA_URL + filepath_to_uri(name)
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)
