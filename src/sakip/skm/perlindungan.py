"""Protections of the public questionnaire beyond CSRF: a one-time token per
form (a double tap or a reload stores one response) and a rate limit per
address, kept in the Django cache."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

SALT = "sakip.skm.formulir"
#: A form older than this is refused: its token could have been copied.
UMUR_TOKEN_DETIK = 6 * 3600


def token_baru(kode: str) -> str:
    """A signed token for one form of survey ``kode``; its nonce is stored
    (unique) with the response it brings."""
    return signing.dumps({"k": kode, "n": secrets.token_urlsafe(18)}, salt=SALT)


def nonce_token(token: str, kode: str) -> str | None:
    """The nonce of a valid, fresh token for this survey, else ``None``."""
    try:
        data = signing.loads(token, salt=SALT, max_age=UMUR_TOKEN_DETIK)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") != kode:
        return None
    return str(data.get("n") or "") or None


def alamat(request: HttpRequest) -> str:
    # REMOTE_ADDR only: a header like X-Forwarded-For is the client's to
    # forge unless a proxy we trust sets it; behind one, that proxy should
    # rate-limit too.
    return request.META.get("REMOTE_ADDR", "")


def melebihi_batas(request: HttpRequest) -> bool:
    """Count one submission from this address; True when over the limit.

    The window starts at the first submission (``cache.add``), so an address
    gets SKM_BATAS_KIRIM submissions per SKM_JENDELA_DETIK seconds.
    """
    batas = settings.SKM_BATAS_KIRIM
    kunci = f"skm:kirim:{alamat(request)}"
    cache.add(kunci, 0, timeout=settings.SKM_JENDELA_DETIK)
    try:
        jumlah = cache.incr(kunci)
    except ValueError:  # expired between add and incr
        cache.set(kunci, 1, timeout=settings.SKM_JENDELA_DETIK)
        jumlah = 1
    return jumlah > batas
