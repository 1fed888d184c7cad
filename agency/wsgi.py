import os

from django.core.wsgi import get_wsgi_application

from agency.release import release_id

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "agency.settings.dev")

application = get_wsgi_application()

# The release id (agency/release.py) now, as the worker starts, not in its first request.
release_id()
