"""Dataset values and engine figures as the text a report prints."""

from __future__ import annotations

from decimal import Decimal

from sakip.engine.angka import format_angka, format_persen, format_rupiah, ke_desimal
from sakip.engine.capaian import Capaian, RataRata
from sakip.model import Pejabat

KOSONG = "–"
TIDAK_ADA = "(tidak ada data)"


def nilai(value: object) -> str:
    """A target or realisation as written: numbers keep their own decimals."""
    if value is None:
        return KOSONG
    if isinstance(value, list | tuple):
        return " – ".join(nilai(v) for v in value)
    if isinstance(value, bool):
        return str(value)
    angka = value if isinstance(value, Decimal) else None
    if isinstance(value, int):
        angka = Decimal(value)
    if angka is not None:
        return format_angka(angka, None)
    return str(value)


def persen(value: Decimal | None) -> str:
    return format_persen(value)


def rupiah(value: Decimal | None) -> str:
    return KOSONG if value is None else format_rupiah(value)


def capaian(c: Capaian) -> str:
    if c.status is not None:
        return c.status  # a kualitatif indicator has no percentage
    return format_persen(c.nilai) if c.terukur else f"tidak terukur ({c.alasan})"


def rata_rata(r: RataRata) -> str:
    """A mean with the kualitatif indicators reported beside it."""
    if r.nilai is None:
        return r.keterangan or format_persen(None)
    return format_persen(r.nilai) + (f" ({r.keterangan})" if r.keterangan else "")


def angka_grafik(value: object) -> Decimal | None:
    """A value a chart can plot, or None (ranges and grades are not plotted)."""
    if isinstance(value, list | tuple):
        return None
    return ke_desimal(value)


def orang(pejabat: Pejabat | None) -> dict[str, str]:
    """A signature block's fields, each present (empty when not given)."""
    pejabat = pejabat or Pejabat()
    nip = pejabat.nip
    if len(nip) == 18 and nip.isdigit():
        # NIP as printed on Indonesian letters: birth date, appointment, sex, order.
        nip = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return {
        "jabatan": pejabat.jabatan,
        "nama": pejabat.nama,
        "pangkat": pejabat.pangkat,
        "nip": nip,
    }
