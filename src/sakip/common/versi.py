"""A fingerprint of the code that is running, for what is kept between
requests and between starts of the server (drawn pages, computed reports):
a new version, or a template edited on a developer's machine, must not be
given what the old code made."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PAKET = Path(__file__).resolve().parents[1]


@cache
def sidik_kode() -> str:
    """The newest modification time of the package's code and templates
    (read once per process; the same in every worker of one installation)."""
    terbaru = max(
        (f.stat().st_mtime_ns for pola in ("*.py", "*.html") for f in PAKET.rglob(pola)),
        default=0,
    )
    return str(terbaru)
