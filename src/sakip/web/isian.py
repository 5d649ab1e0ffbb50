"""What a person types in a field, read as the record stores it.

Numbers are typed the Indonesian way ("1.234.567,50") and shown back the
same way (:func:`teks_isian`), so what the form shows is what it will read.
"""

from __future__ import annotations

import re
from decimal import Decimal

from sakip.engine.angka import BukanAngka, baca_angka, format_angka, jumlah_desimal
from sakip.record.services import NilaiDitolak

_RENTANG = re.compile(r"^\s*(\S+)\s*[-–]\s*(\S+)\s*$")


def nilai_isian(teks: str) -> int | Decimal | str | list[int | Decimal] | None:
    """An indicator value: empty is none, a number is a number (whole when
    typed without decimals), "80 - 85" a range, anything else text
    ("Opini WTP", "12 Bulan")."""
    teks = teks.strip()
    if not teks:
        return None
    try:
        return _angka(teks)
    except BukanAngka:
        pass
    rentang = _RENTANG.match(teks)
    if rentang:
        try:
            return [_angka(rentang.group(1)), _angka(rentang.group(2))]
        except BukanAngka:
            pass
    return teks


def uang_isian(teks: str) -> Decimal | None:
    """A rupiah amount; empty is none. Raises NilaiDitolak with the reason."""
    teks = teks.strip()
    if not teks:
        return None
    try:
        return baca_angka(teks)
    except BukanAngka as exc:
        raise NilaiDitolak(str(exc)) from None


def _angka(teks: str) -> int | Decimal:
    nilai = baca_angka(teks)
    return int(nilai) if jumlah_desimal(nilai) == 0 and nilai == nilai.to_integral() else nilai


def teks_isian(nilai: object) -> str:
    """A stored value as the input shows it, ready to be read back unchanged.

    >>> teks_isian(Decimal("1234567.50")), teks_isian(95), teks_isian([80, 85])
    ('1.234.567,50', '95', '80 - 85')
    >>> teks_isian(None), teks_isian("Opini WTP")
    ('', 'Opini WTP')
    """
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return str(nilai)
    if isinstance(nilai, int | Decimal):
        return format_angka(Decimal(nilai), None)
    if isinstance(nilai, list):
        return " - ".join(teks_isian(v) for v in nilai)
    return str(nilai)
