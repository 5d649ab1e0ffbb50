"""Protections of the public questionnaire beyond CSRF: a one-time token per
form (a double tap or a reload stores one response) and a rate limit per
address and survey, kept in the Django cache (shared by every worker)."""

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
    """The client's address: the connection's, or, when the connection comes
    from a proxy we trust (``PROXY_TEPERCAYA``), the nearest address in
    ``X-Forwarded-For`` that no trusted proxy added. Anything further left
    is the client's to forge."""
    alamat_ = request.META.get("REMOTE_ADDR", "")
    tepercaya = set(settings.PROXY_TEPERCAYA)
    if alamat_ not in tepercaya:
        return alamat_
    diteruskan = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([h.strip() for h in diteruskan.split(",") if h.strip()]):
        if hop not in tepercaya:
            return hop
    return alamat_


def melebihi_batas(request: HttpRequest, kode: str) -> bool:
    """Count one submission from this address to survey ``kode``; True when
    over the limit.

    The window starts at the first submission (``cache.add``), so an address
    gets SKM_BATAS_KIRIM submissions per survey per SKM_JENDELA_DETIK seconds
    (a service counter answering several surveys is not blocked by one).
    """
    batas = settings.SKM_BATAS_KIRIM
    kunci = f"skm:kirim:{kode}:{alamat(request)}"
    cache.add(kunci, 0, timeout=settings.SKM_JENDELA_DETIK)
    try:
        jumlah = cache.incr(kunci)
    except ValueError:  # expired between add and incr
        cache.set(kunci, 1, timeout=settings.SKM_JENDELA_DETIK)
        jumlah = 1
    return jumlah > batas
