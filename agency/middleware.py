"""Content Security Policy for every response, in every environment.

Django 5.2 has no CSP of its own. This small middleware sends one of two policies,
chosen by path, so that problems show up in development long before production:

- the public site gets the strict policy (``CONTENT_SECURITY_POLICY``): scripts and
  styles only from our own files, no inline code, no framing;
- Wagtail's admin (``CONTENT_SECURITY_POLICY_ADMIN_PREFIX``) gets the relaxed one
  (``CONTENT_SECURITY_POLICY_ADMIN``): its templates carry inline scripts and styles.

A response that is a file rather than a page (it has ``Content-Disposition``: uploaded
documents, calendar and vCard downloads) also gets ``sandbox``: should a browser ever
render it, nothing inside can run or reach the site's cookies. A policy a view set
itself on the public site is kept; only ``sandbox`` is added to it for files.
"""

from django.conf import settings

HEADER = "Content-Security-Policy"


def format_policy(directives):
    """{"default-src": ["'self'"], "sandbox": []} -> "default-src 'self'; sandbox"."""
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = format_policy(settings.CONTENT_SECURITY_POLICY)
        self.admin_policy = format_policy(settings.CONTENT_SECURITY_POLICY_ADMIN)
        self.admin_prefix = settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIX
        self.file_policy = format_policy(settings.CONTENT_SECURITY_POLICY_FILES)

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Content-Disposition"):
            response[HEADER] = self.sandboxed(response.get(HEADER))
            # Wagtail's sendfile writes the guessed encoding even when there is none.
            if response.get("Content-Encoding") == "None":
                del response["Content-Encoding"]
        elif request.path.startswith(self.admin_prefix):
            # Always the admin's: a page preview is rendered by running a made-up
            # request for the page's public URL through this middleware first, and
            # that strict policy would forbid the admin to frame the preview.
            response[HEADER] = self.admin_policy
        elif not response.has_header(HEADER) and not self.is_debug_error_page(response):
            response[HEADER] = self.public_policy
        return response

    def sandboxed(self, policy):
        if not policy:
            return self.file_policy
        if "sandbox" in [part.strip().split(" ")[0] for part in policy.split(";")]:
            return policy
        return f"{policy}; sandbox"

    @staticmethod
    def is_debug_error_page(response):
        # Django's technical 404/500 pages (DEBUG only) are built from inline CSS and JS.
        return settings.DEBUG and response.status_code >= 400
