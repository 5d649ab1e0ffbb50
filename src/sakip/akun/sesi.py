"""Sessions end after ``SESSION_COOKIE_AGE`` without a request.

Saving the session on every request would keep that promise to the second,
at the price of a database write per page view: on SQLite every reader of a
page would queue for the one writer. A session in use is instead written at
most every ``SESI_SEGARKAN_DETIK`` seconds, each write moving its expiry to
that many seconds less than the full idle time at worst (5 minutes of 8
hours by default).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

#: Session key of the moment the session was last written by this middleware.
_SEGAR = "_sakip_segar"


class SesiBergulirMiddleware:
    """Moves a used session's expiry forward, writing it at most every few minutes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        sesi = getattr(request, "session", None)
        # Only a session that exists and was read already (by the login
        # check): no query of its own, no session made for a visitor.
        if sesi is None or sesi.session_key is None or not getattr(sesi, "_session_cache", None):
            return response
        sekarang = int(timezone.now().timestamp())
        if sekarang - int(sesi.get(_SEGAR, 0)) >= settings.SESI_SEGARKAN_DETIK:
            sesi[_SEGAR] = sekarang  # modified: SessionMiddleware saves it with a new expiry
        return response
