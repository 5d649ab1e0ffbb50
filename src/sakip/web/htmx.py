"""What an in-place (htmx) request needs beyond a page's answer.

A field saved in place whose session has ended (idle for 8 hours, or logged
out in another tab) is redirected by ``login_required`` to the login page;
the browser's XMLHttpRequest follows that redirect and htmx would swap the
whole login page into the field. Instead the answer tells htmx to take the
whole window to the login page, which returns to the page the user was on.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


class MasukUlangMiddleware:
    """A redirect to the login page, answered to htmx as ``HX-Redirect``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.headers.get("HX-Request") or response.status_code not in (301, 302):
            return response
        masuk = resolve_url(settings.LOGIN_URL)
        if urlsplit(response.get("Location", "")).path != masuk:
            return response
        jawab = HttpResponse(status=204)
        jawab["HX-Redirect"] = f"{masuk}?{urlencode({'next': _halaman(request)})}"
        return jawab


def _halaman(request: HttpRequest) -> str:
    """The page the in-place request came from (htmx names it), else the home page."""
    asal = urlsplit(request.headers.get("HX-Current-URL", ""))
    halaman = asal.path + (f"?{asal.query}" if asal.query else "")
    if asal.path.startswith("/") and url_has_allowed_host_and_scheme(
        halaman, {request.get_host()}, request.is_secure()
    ):
        return halaman
    return resolve_url(settings.LOGIN_REDIRECT_URL)
