"""The Content Security Policy, with one relaxation for the Wagtail admin.

The public site runs no inline script at all. Wagtail's admin still uses a
few inline scripts and shows page previews in a frame of our own origin, so
for /admin/ only the policy allows inline script and framing by 'self'. The
admin is reached only by staff who have passed two-step sign-in.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest
from django.http.response import HttpResponseBase

ADMIN_RELAXATION = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "frame-ancestors": ["'self'"],
}


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith("/admin/") and parts.replace is None:
            parts.replace = dict(ADMIN_RELAXATION)
        return parts
