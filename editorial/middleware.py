"""Previews show a page as visitors will see it: in the site's language, not the editor's.

Wagtail renders a preview inside the admin request, where the editor's preferred admin
language is active, and passes a stand-in request through the middleware chain. Without
this, an editor who uses the admin in English would preview the public page with English
headings and dates, though visitors get the page's language: Swedish
(``LANGUAGE_CODE``), or English for a page under ``/en/`` (core/i18n.py).
"""

from django.utils import translation

from core.i18n import language_from_path


class PreviewInSiteLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Wagtail marks the stand-in request it builds for previews with ``is_dummy``.
        if getattr(request, "is_dummy", False):
            with translation.override(language_from_path(request.path_info)):
                return self.get_response(request)
        return self.get_response(request)
