"""The security headers every response of the portal carries, in ONE place.

``sunlight serve`` adds them to every page, file and API answer; the AWS deployment sends the
same values through CloudFront's response headers policy (``infra/``).

- ``Content-Security-Policy``: everything from the site itself (no CDN, no inline script);
  ``'wasm-unsafe-eval'`` lets the search (pagefind) compile its WebAssembly and nothing else;
  ``frame-ancestors 'none'``: no other site may frame a page (click-jacking of the forms and the
  staff workbench).
- ``X-Content-Type-Options: nosniff``: a file is only ever what its Content-Type says.
- ``Referrer-Policy: same-origin``: leaving the site sends no address of the page left (a status
  page's address is the reporter's business).
- ``X-Frame-Options: DENY``: ``frame-ancestors`` for browsers that predate it.
"""

from __future__ import annotations

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
)


def with_security_headers(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``headers`` plus every security header it does not set itself."""
    present = {name.lower() for name, _ in headers}
    return headers + [(name, value) for name, value in SECURITY_HEADERS if name.lower() not in present]
