import os

from django.core.asgi import get_asgi_application

from agency.release import release_id

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "agency.settings.dev")

application = get_asgi_application()

# The release id (agency/release.py) now, as the worker starts, not in its first request.
release_id()
