"""The Content-Security-Policy (Django 5.2 has none of its own): one list of directives,
from which come both the header every response carries and the `<meta>` policy that the
static export and the single-file bundle carry (crossing/web/policy_meta.py).

Scripts, styles, fonts and images come from this site only: no inline script, no inline
style, no third party. The other security headers are Django's own settings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from django.http import HttpRequest, HttpResponse

DIRECTIVES: Mapping[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'none'",),
    "form-action": ("'self'",),
    "frame-ancestors": ("'none'",),
}

# Directives a policy in <meta> cannot carry: browsers ignore them there and log a warning
# (CSP Level 3, "Delivery via meta element"). The meta policy is the served one minus
# these; a host serving the export has to send frame-ancestors as a header itself
# (docs/deployment.md says how).
HEADER_ONLY = frozenset({"frame-ancestors", "report-uri", "sandbox"})


def _render(directives: Mapping[str, Iterable[str]]) -> str:
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


POLICY = _render(DIRECTIVES)


def served_policy(*, script_hashes: Iterable[str] = (), style_hashes: Iterable[str] = ()) -> str:
    """The served policy, allowing also a page's own inline scripts and styles by their
    hashes (the journey page carries its player inline: crossing/web/journey/views.py)."""
    extra = {"script-src": tuple(script_hashes), "style-src": tuple(style_hashes)}
    return _render({name: values + extra.get(name, ()) for name, values in DIRECTIVES.items()})


def meta_policy(*, script_hashes: Iterable[str] = (), style_hashes: Iterable[str] = ()) -> str:
    """The served policy as a <meta> may carry it: without HEADER_ONLY, and allowing the
    page's own inline scripts and styles by their hashes ('sha256-…') and nothing else."""
    extra = {"script-src": tuple(script_hashes), "style-src": tuple(style_hashes)}
    return _render(
        {
            name: values + extra.get(name, ())
            for name, values in DIRECTIVES.items()
            if name not in HEADER_ONLY
        }
    )


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response
