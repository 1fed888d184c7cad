"""Static files in production: WhiteNoise's compressed files with hashed names, each
file's address worked out once per process.

Every page names about ten static files (``{% static %}`` in templates/base.html), and
Django's ManifestStaticFilesStorage works each address out afresh on every call:
look the name up in the manifest, quote it, join it to STATIC_URL. The manifest is
read once, when the storage is created, so an address cannot change while the process
runs; keeping the answers changes nothing but the time they take.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        """In: a static file's name (str). Out: its address with the hashed name, as
        Django's ManifestStaticFilesStorage gives it; a name the manifest lacks raises
        ValueError as there, every time."""
        if force:
            return super().url(name, force=True)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url
