"""What a person types in a field, read as the record stores it.

Numbers are typed the Indonesian way ("1.234.567,50") and shown back the
same way (:func:`teks_isian`), so what the form shows is what it will read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from sakip.engine.angka import BukanAngka, baca_angka, format_angka, format_rupiah, jumlah_desimal
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


def angka_isian(teks: str) -> int | Decimal:
    """One number, whole when typed without decimals. Raises NilaiDitolak."""
    try:
        return _angka(teks.strip())
    except BukanAngka as exc:
        raise NilaiDitolak(str(exc)) from None


_BATAS_RENTANG = re.compile(r"\s*(?:–|s\.\s*d\.?|s/d|(?<=[\d.,])\s*-)\s*", re.IGNORECASE)


def skala_isian(teks: str) -> list[dict[str, object]] | None:
    """A predikat scale typed one band a line, as :func:`skala_teks` writes it:
    "91: Sangat Tinggi", "76 - 90: Tinggi", "> 100: Melampaui". Empty is
    none (the default scale). Raises NilaiDitolak naming the line."""
    pita: list[dict[str, object]] = []
    for nomor, baris in enumerate(teks.splitlines(), 1):
        if not baris.strip():
            continue
        batas, titik, label = baris.partition(":")
        if not titik or not label.strip():
            raise NilaiDitolak(
                f"skala baris {nomor}: tulis batas lalu titik dua dan predikatnya, "
                "mis. '76 - 90: Tinggi'"
            )
        batas = batas.strip()
        eksklusif = batas.startswith(">")
        bagian = _BATAS_RENTANG.split(batas.lstrip("> "), maxsplit=1)
        try:
            bawah = angka_isian(bagian[0])
            sampai = angka_isian(bagian[1]) if len(bagian) > 1 else None
        except NilaiDitolak as exc:
            raise NilaiDitolak(f"skala baris {nomor}: {exc}") from None
        band: dict[str, object] = {"lebih_dari" if eksklusif else "dari": bawah}
        if sampai is not None:
            band["sampai"] = sampai
        band["label"] = " ".join(label.split())
        pita.append(band)
    return pita or None


def skala_teks(skala: object) -> str:
    """A stored scale as the form shows it, one band a line (read back by :func:`skala_isian`)."""
    if not isinstance(skala, list):
        return ""
    baris = []
    for band in skala:
        if not isinstance(band, dict):
            continue
        eksklusif = "lebih_dari" in band
        teks = ("> " if eksklusif else "") + teks_isian(band.get("lebih_dari", band.get("dari")))
        if band.get("sampai") is not None:
            teks += " - " + teks_isian(band["sampai"])
        baris.append(f"{teks}: {band.get('label', '')}")
    return "\n".join(baris)


def format_rupiah_nilai(nilai: object) -> str:
    """A stored amount as a page shows it ("Rp 1.234,50"), "–" when none."""
    if isinstance(nilai, int | Decimal) and not isinstance(nilai, bool):
        return format_rupiah(Decimal(nilai))
    return "–"


def versi_dibaca(data: Mapping[str, str], saran: str = "muat ulang halaman") -> int:
    """The version of a row the form says it read (every write names it);
    a form without one is refused, saying what to do."""
    try:
        versi = int(data.get("versi", ""))
    except ValueError:
        versi = -1
    if versi < 0:
        raise NilaiDitolak(f"formulir tidak lengkap; {saran}")
    return versi
