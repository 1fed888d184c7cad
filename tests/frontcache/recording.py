"""A frontend-cache backend that records what it is asked to purge (tests only)."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend


class RecordingBackend(BaseBackend):
    """Like Cloudflare's or CloudFront's: purges addresses, one by one, nothing else."""

    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)
