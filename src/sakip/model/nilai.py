"""Values as the data contract writes them, and the readers that build them.

A figure in ``sakip-dataset/1`` is a number or a text: a target may also be
a range ``[80, 85]``. Numbers are kept exactly as the readers give them (a
whole number as ``int``, any other as the :class:`~decimal.Decimal` of its
text: ``81.60`` stays ``81.60``), so that every figure and message prints as
it always did; text is kept as text, because "12
Bulan" is read as a number only where a calculation needs one (the engine's
``ke_desimal``) and "Upacara, Pawai" must still be shown.

The readers below are lenient on purpose: they take whatever a validated
document holds (and survive what an unvalidated one holds) and never raise,
so that building the model is total; the engine reports what it cannot
measure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import TypeVar

#: A value: a number or a text ("12 Bulan", a grade "B").
Nilai = Decimal | int | str
#: A range target as written: two bounds in a valid document.
Rentang = tuple[Nilai, ...]
#: A target: a value or a range.
NilaiTarget = Nilai | Rentang

T = TypeVar("T")

NOL = Decimal("0.00")


def peta(value: object) -> Mapping[str, object]:
    """A mapping node, or an empty one where the document has none."""
    return value if isinstance(value, Mapping) else {}


def daftar(value: object) -> list[object]:
    """A list node, or an empty one where the document has none."""
    return list(value) if isinstance(value, list | tuple) else []


def peta_daftar(value: object) -> list[Mapping[str, object]]:
    """The mapping items of a list node."""
    return [item for item in daftar(value) if isinstance(item, Mapping)]


def teks(value: object) -> str:
    """A text field; an absent one is empty."""
    return "" if value is None else str(value)


def teks_opsional(value: object) -> str | None:
    """A text whose absence matters (a layanan, a source): empty is absent."""
    return str(value) if value not in (None, "") else None


def kode_kode(value: object) -> tuple[str, ...]:
    """One code or a list of codes, as the format allows both.

    >>> kode_kode("S1"), kode_kode(["S1", "S2"]), kode_kode(None)
    (('S1',), ('S1', 'S2'), ())
    """
    if value in (None, ""):
        return ()
    if isinstance(value, list | tuple):
        return tuple(str(k) for k in value)
    return (str(value),)


def nilai(value: object) -> Nilai | None:
    """A value: numbers stay exact numbers, text stays text.

    >>> nilai(7), nilai(Decimal("81.60")), nilai("12 Bulan"), nilai(None)
    (7, Decimal('81.60'), '12 Bulan', None)
    """
    if value is None:
        return None
    if isinstance(value, bool):
        # Not a value the contract allows; kept as the text it prints as.
        return str(value)
    if isinstance(value, Decimal | int):
        return value
    if isinstance(value, float):
        # Only reachable from code, never from a dataset reader: through
        # repr, so that 0.1 stays 0.1.
        return Decimal(repr(value))
    return str(value)


def nilai_target(value: object) -> NilaiTarget | None:
    """A target: a value, or a range kept bound by bound.

    >>> nilai_target([80, Decimal("85.5")])
    (80, Decimal('85.5'))
    """
    if isinstance(value, list | tuple):
        return tuple(v for v in map(nilai, value) if v is not None)
    return nilai(value)


def angka(value: object) -> Decimal | None:
    """A number field (money, a bound, a score) as a Decimal; anything else is absent.

    >>> angka(5), angka(Decimal("10.50")), angka("5")
    (Decimal('5'), Decimal('10.50'), None)
    """
    hasil = nilai(value)
    if isinstance(hasil, int):
        return Decimal(hasil)
    return hasil if isinstance(hasil, Decimal) and hasil.is_finite() else None


def bulat(value: object) -> int | None:
    """A whole number (a year, a version, a count).

    >>> bulat(2020), bulat("2020"), bulat(None), bulat("x")
    (2020, 2020, None, None)
    """
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(str(value)) if not isinstance(value, int) else value
    except ValueError:
        return None


def tanggal(value: object) -> date | None:
    """An ISO date as the readers give it (text), or a date already."""
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def peta_tahun(value: object, baca: Callable[[object], T | None]) -> dict[int, T]:
    """A map from year to value (``{"2020": 81.55}``) keyed by the year as a number.

    >>> peta_tahun({"2021": 5, "2020": None}, nilai)
    {2021: 5}
    """
    hasil: dict[int, T] = {}
    for kunci, isi in peta(value).items():
        tahun, dibaca = bulat(kunci), baca(isi)
        if tahun is not None and dibaca is not None:
            hasil[tahun] = dibaca
    return hasil


def satu_atau_daftar(value: object, baca: Callable[[Mapping[str, object]], T]) -> tuple[T, ...]:
    """A ``dinyatakan`` node: one map, or a list of maps each with its ``sumber``."""
    if isinstance(value, Mapping):
        return (baca(value),)
    return tuple(baca(item) for item in peta_daftar(value))
