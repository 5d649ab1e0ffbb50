"""Annual values from quarterly ones, by the indicator's ``akumulasi``."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sakip.engine.angka import bagi, ke_desimal
from sakip.model import AKUMULASI_BAWAAN, Akumulasi

#: How a year's value was made, in the words a report prints.
AKUMULASI: dict[Akumulasi, str] = {
    Akumulasi.JUMLAH: "jumlah triwulan I-IV",
    Akumulasi.RATA_RATA: "rata-rata triwulan yang terisi",
    Akumulasi.TERAKHIR: "nilai triwulan terakhir yang terisi",
}


def nilai_tahunan(triwulan: Sequence[object], akumulasi: str = AKUMULASI_BAWAAN) -> Decimal | None:
    """The year's value from four quarters; blanks (None) are skipped.

    A stock-like indicator (an index, a percentage) is read at the last
    filled quarter, which is why that is the default; a flow (a count of
    documents) sums.

    >>> q = [Decimal(2), None, Decimal(5), Decimal(3)]
    >>> nilai_tahunan(q, "jumlah"), nilai_tahunan(q, "rata_rata"), nilai_tahunan(q, "terakhir")
    (Decimal('10'), Decimal('3.333333333333333333333333333'), Decimal('3'))
    >>> nilai_tahunan([None] * 4) is None
    True
    """
    angka = [a for a in (ke_desimal(v) for v in triwulan) if a is not None]
    if not angka:
        return None
    if akumulasi == Akumulasi.JUMLAH:
        return sum(angka, Decimal(0))
    if akumulasi == Akumulasi.RATA_RATA:
        return bagi(sum(angka, Decimal(0)), Decimal(len(angka)))
    return angka[-1]
