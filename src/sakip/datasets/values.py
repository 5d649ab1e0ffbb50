"""Dataset values as the projection tables hold them.

The stored document keeps every value exactly; the tables beside it hold a
value twice where that helps a query: as the text the document wrote and as
a number when it reads as one (``"12 Bulan"`` -> 12). Money must fit its
column exactly or the import stops: a rupiah amount is never rounded on the
way in. Any other number that does not fit its column is left out of the
number column (its text stays).
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from sakip.dataset.errors import Path
from sakip.datasets.errors import DatasetRejected
from sakip.engine.angka import ke_desimal, teks_desimal

#: Column sizes, used by the models and checked here before a value is stored.
MONEY = {"max_digits": 20, "decimal_places": 2}
NUMBER = {"max_digits": 24, "decimal_places": 6}
KODE_MAX = 100
SHORT_MAX = 255


def fits(value: Decimal, *, max_digits: int, decimal_places: int) -> bool:
    """Whether a column of that size holds ``value`` without rounding.

    >>> fits(Decimal("826875.00"), **MONEY), fits(Decimal("0.005"), **MONEY)
    (True, False)
    >>> fits(Decimal("1E+19"), **MONEY)
    False
    """
    try:
        stored = value.quantize(Decimal(1).scaleb(-decimal_places))
    except InvalidOperation:
        return False
    return stored == value and len(stored.as_tuple().digits) <= max_digits


def money(value: object, path: Path) -> Decimal | None:
    """A rupiah amount, or ``None`` when the document has none.

    >>> money(Decimal("826875.00"), ("pagu",)), money(None, ("pagu",))
    (Decimal('826875.00'), None)
    >>> money(Decimal("1.005"), ("anggaran", "pagu"))
    Traceback (most recent call last):
    ...
    sakip.datasets.errors.DatasetRejected: anggaran.pagu: jumlah uang 1.005 tidak dapat disimpan ...
    """
    if value is None:
        return None
    amount = ke_desimal(value)
    if amount is None:
        raise DatasetRejected(path, f"{value!r} bukan jumlah uang")
    if not fits(amount, **MONEY):
        raise DatasetRejected(
            path,
            f"jumlah uang {teks_desimal(amount)} tidak dapat disimpan tepat "
            f"(paling banyak {MONEY['decimal_places']} desimal dan "
            f"{MONEY['max_digits'] - MONEY['decimal_places']} angka di depan koma)",
        )
    return amount


def number(value: object) -> Decimal | None:
    """The number a value reads as, when its column holds it exactly.

    >>> number("12 Bulan"), number(Decimal("79.017")), number("B"), number(Decimal("0.1234567"))
    (Decimal('12'), Decimal('79.017'), None, None)
    """
    angka = ke_desimal(value)
    if angka is None or not fits(angka, **NUMBER):
        return None
    return angka


def bounds(value: object) -> tuple[Decimal | None, Decimal | None]:
    """Lower and upper number of a value; a range ``[80, 85]`` gives both ends.

    >>> bounds([Decimal("85"), 80]), bounds(Decimal("81.55")), bounds("B")
    ((Decimal('80'), Decimal('85')), (Decimal('81.55'), Decimal('81.55')), (None, None))
    """
    if isinstance(value, list | tuple):
        if len(value) != 2:
            return None, None
        a, b = number(value[0]), number(value[1])
        if a is None or b is None:
            return a, b
        return min(a, b), max(a, b)
    n = number(value)
    return n, n


def text(value: object) -> str:
    """A value as a person reads it; a range as ``80 s.d. 85``.

    >>> text(Decimal("81.550")), text([80, 85]), text(None), text(True), text("12 Bulan")
    ('81.550', '80 s.d. 85', '', 'ya', '12 Bulan')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, Decimal):
        return teks_desimal(value)
    if isinstance(value, list | tuple):
        return " s.d. ".join(text(v) for v in value)
    return str(value)


def short(value: object, path: Path, max_length: int = SHORT_MAX) -> str:
    """Text for a column of limited length; too long stops the import.

    >>> short("S1.1", ("kode",), 100)
    'S1.1'
    """
    result = text(value).strip()
    if len(result) > max_length:
        raise DatasetRejected(path, f"teks lebih dari {max_length} karakter: {result[:40]}...")
    return result


def year(value: object, path: Path) -> int:
    """A year, from an int or its text ("2020").

    >>> year("2020", ()), year(2020, ())
    (2020, 2020)
    """
    try:
        result = int(str(value).strip())
    except ValueError:
        raise DatasetRejected(path, f"{value!r} bukan tahun") from None
    if not 1900 <= result <= 2999:
        raise DatasetRejected(path, f"{result} bukan tahun yang masuk akal")
    return result


def iso_date(value: object) -> datetime.date | None:
    """A date written as ISO text (the readers give dates so); any other
    writing stays only in the stored document.

    >>> iso_date("2020-01-02"), iso_date("2 Januari 2020"), iso_date(None)
    (datetime.date(2020, 1, 2), None, None)
    """
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip()) if value else None
    except ValueError:
        return None
