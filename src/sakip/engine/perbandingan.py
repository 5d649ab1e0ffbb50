"""Comparisons of a year's realisation: with earlier years and with the
Renstra end target (tingkat kemajuan)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sakip.engine.angka import persen


@dataclass(frozen=True)
class Perubahan:
    tahun_lalu: int
    realisasi_lalu: Decimal
    selisih: Decimal
    persen: Decimal | None  # change relative to last year's value


def perubahan(tahun_lalu: int, lalu: Decimal, sekarang: Decimal) -> Perubahan:
    """Change from an earlier year's realisation.

    >>> p = perubahan(2019, Decimal("81.60"), Decimal("79.017"))
    >>> p.selisih, round(p.persen, 2)
    (Decimal('-2.583'), Decimal('-3.17'))
    """
    selisih = sekarang - lalu
    return Perubahan(tahun_lalu, lalu, selisih, persen(selisih, lalu))
