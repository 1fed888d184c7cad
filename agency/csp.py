"""Content Security Policy through django-csp, with one policy per kind of response.

django-csp (``csp.middleware.CSPMiddleware``) builds the header from settings and
lets a view change it with its decorators. It sends one policy for the whole site;
this subclass chooses among three, by what is answered:

- the public site: ``CONTENT_SECURITY_POLICY`` (django-csp's own setting), strict:
  scripts and styles only from our own files, no inline code, no framing;
- Wagtail's admin (``CONTENT_SECURITY_POLICY_ADMIN``, for paths under
  ``CONTENT_SECURITY_POLICY_ADMIN_PREFIX``): what the admin's own templates and
  editors need (inline styles and scripts, ``blob:``/``data:`` images), nothing from
  other hosts. Always the admin's: a page preview is made by running a made-up request
  for the page's public URL through the middleware first, and that public policy
  would forbid the admin to frame its preview;
- a file rather than a page (``Content-Disposition``: documents, .ics, .vcf):
  ``CONTENT_SECURITY_POLICY_FILES``, with ``sandbox``, so that if a browser ever
  renders it nothing inside can run or reach the site's cookies. A policy a view set
  itself is kept and only gets ``sandbox`` added.

Each setting is a dict as django-csp reads it: ``{"DIRECTIVES": {name: [values]}}``.
"""

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy, default_config
from django.conf import settings


def _directives(setting_name):
    return default_config(getattr(settings, setting_name)["DIRECTIVES"])


def with_sandbox(policy):
    """``policy`` (a header value) with the ``sandbox`` directive, added only if missing."""
    if "sandbox" in [part.strip().split(" ")[0] for part in policy.split(";")]:
        return policy
    return f"{policy}; sandbox"


def in_setting_order(policy, setting_name):
    """``policy`` (a header value) with its directives in the order the setting lists
    them: django-csp builds the header from a set, so its order would change between
    processes, and a header that never changes is easier to read and to cache."""
    order = list(getattr(settings, setting_name)["DIRECTIVES"])
    parts = [part.strip() for part in policy.split(";") if part.strip()]

    def position(part):
        name = part.split(" ")[0]
        return order.index(name) if name in order else len(order)

    return "; ".join(sorted(parts, key=position))


# What django-csp's decorators leave on a response (csp/decorators.py).
VIEW_OWN_POLICY = tuple(
    f"_csp_{kind}{suffix}"
    for kind in ("exempt", "config", "update", "replace")
    for suffix in ("", "_ro")
)
_public_policy = {}


def public_policy():
    """The public site's policy header (str; "" without a policy), as django-csp builds
    it from CONTENT_SECURITY_POLICY and in the setting's order: worked out once per
    value of the setting, not for every page."""
    setting = getattr(settings, "CONTENT_SECURITY_POLICY", None)
    kept = _public_policy.get("value")
    if kept is None or kept[0] is not setting:
        policy = build_policy()
        kept = _public_policy["value"] = (
            setting,
            in_setting_order(policy, "CONTENT_SECURITY_POLICY") if policy else "",
        )
    return kept[1]


class AgencyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware choosing the admin's or the files' policy where they apply."""

    def process_response(self, request, response):
        if response.has_header("Content-Disposition"):
            # Written in the setting's order (django-csp's own builder orders by a set).
            files = settings.CONTENT_SECURITY_POLICY_FILES["DIRECTIVES"]
            own = response.get(HEADER) or "; ".join(
                " ".join([name, *values]) for name, values in files.items()
            )
            response[HEADER] = with_sandbox(own)
            return response
        if self.is_admin(request):
            # Replace the public policy the preview's inner request left on it.
            del response[HEADER]
        elif self.takes_public_policy(request, response):
            policy = public_policy()
            if policy:
                response[HEADER] = policy
            # As django-csp does: a nonce asked for after this would not be in the header.
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
            return response
        had_policy = response.has_header(HEADER)
        response = super().process_response(request, response)
        if response.has_header(HEADER) and not had_policy:
            response[HEADER] = in_setting_order(response[HEADER], self.setting_for(request))
        return response

    @staticmethod
    def takes_public_policy(request, response):
        """True when django-csp would send exactly the public policy as the setting
        writes it (``public_policy``), nothing else: no policy or exemption of a view's
        own (django-csp's decorators), no nonce used, no report-only policy, no
        excluded prefix, not one of DEBUG's error pages."""
        if settings.DEBUG or response.has_header(HEADER) or response.has_header(HEADER_REPORT_ONLY):
            return False
        if getattr(request, "_csp_nonce", None) is not None:
            return False
        if getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None):
            return False
        if any(hasattr(response, name) for name in VIEW_OWN_POLICY):
            return False
        excluded = (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get(
            "EXCLUDE_URL_PREFIXES"
        )
        return not (excluded and request.path_info.startswith(tuple(excluded)))

    def setting_for(self, request):
        if self.is_admin(request):
            return "CONTENT_SECURITY_POLICY_ADMIN"
        return "CONTENT_SECURITY_POLICY"

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if self.is_admin(request):
            return PolicyParts(
                _directives("CONTENT_SECURITY_POLICY_ADMIN"), parts.update, parts.replace
            )
        return parts

    @staticmethod
    def is_admin(request):
        return request.path.startswith(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIX)
